// Demo groups: fictional groups of every kind in every region, some of them partners with current and past
// ambassador terms, clearly marked as demo. Runs after the demo people (it refers to them by name).
import { markdownInsert } from '../../markdown/stored';
import type { Db } from '../../db/connection';
import { usernameKey } from '../../../contracts/usernames';
import { demoUsername } from '../people';
import { todayUtc } from './roles';
import { slugBase } from './slug';
import { nameColumns } from './names';

interface DemoGroup {
  name: string;
  kind: string;
  region: string;
  country: string | null;
  languages: string[];
  partner: boolean;
  /** The first one registered the group. */
  coordinators: [string, ...string[]];
  members: string[];
  /** Current terms (started `ago` days back). */
  ambassadors?: string[];
  /** Past terms, ended by a coordinator. */
  past?: string[];
}

const g = (
  name: string,
  kind: string,
  region: string,
  country: string | null,
  languages: string,
  partner: boolean,
  people: { coordinators: [string, ...string[]]; members?: string[]; ambassadors?: string[]; past?: string[] },
): DemoGroup => ({ name, kind, region, country, languages: languages.split(' '), partner, members: [], ...people });

export const DEMO_GROUPS: DemoGroup[] = [
  g('Andean Wikimedians', 'user_group', 'LAC', 'PE', 'es qu', true, {
    coordinators: ['Valentina Rojas'],
    members: ['Lucía Fernández', 'Diego Morales'],
    ambassadors: ['Lucía Fernández'],
    past: ['Diego Morales'],
  }),
  g('Cerrado Wiki Chapter', 'chapter', 'LAC', 'BR', 'pt-br', true, {
    coordinators: ['João Pereira'],
    ambassadors: ['João Pereira'],
  }),
  g('Nile Delta Wikimedians', 'user_group', 'MENA', 'EG', 'ar arz', true, {
    coordinators: ['Omar Farouk'],
    members: ['Yasmin Haddad', 'Salma Benali'],
    ambassadors: ['Yasmin Haddad'],
    past: ['Omar Farouk'],
  }),
  g('Kurdish Wiki Writers', 'group', 'MENA', 'IQ', 'ckb ar', false, {
    coordinators: ['Karwan Aziz'],
    members: ['Leila Karimi'],
  }),
  g('Sahel Free Knowledge', 'user_group', 'SSA', 'SN', 'fr wo', true, {
    coordinators: ['Amina Diallo'],
    members: ['Kwame Mensah'],
    ambassadors: ['Amina Diallo'],
  }),
  g('Lagos Wiki Chapter', 'chapter', 'SSA', 'NG', 'en ig yo', false, { coordinators: ['Chinedu Okafor'] }),
  g('East Africa Wiki Hub', 'hub', 'SSA', 'KE', 'sw en', true, {
    coordinators: ['Wanjiru Kamau'],
    members: ['Thandiwe Dlamini', 'Kwame Mensah', 'Chinedu Okafor'],
    ambassadors: ['Wanjiru Kamau', 'Thandiwe Dlamini'],
  }),
  g('Himalayan Wikimedians', 'user_group', 'SA', 'NP', 'ne hi', false, {
    coordinators: ['Sita Gurung'],
    members: ['Priya Sharma'],
  }),
  g('Indus Language Wikis', 'thematic_organization', 'SA', 'PK', 'ur skr-arab pnb', true, {
    coordinators: ['Farhan Ahmed'],
    members: ['Nusrat Jahan'],
    ambassadors: ['Farhan Ahmed'],
    past: ['Nusrat Jahan'],
  }),
  g('Steppe and Mountains Wiki Chapter', 'chapter', 'CEE', 'KZ', 'kk ru', true, {
    coordinators: ['Aigerim Nurlanova'],
    members: ['Dmitri Sokolov', 'Olena Kovalenko'],
    ambassadors: ['Aigerim Nurlanova'],
    past: ['Dmitri Sokolov'],
  }),
  g('Pacific Islands Wiki Group', 'group', 'ESEAP', 'TO', 'to en', false, {
    coordinators: ['Mele Tupou'],
    members: ['Siti Rahmawati', 'Kenta Sato'],
  }),
  g('Open Heritage Network', 'thematic_organization', 'NWE', 'NL', 'nl en fr', false, {
    coordinators: ['Anneke de Vries'],
    members: ['Sophie Martin', 'Ingrid Larsen', 'Liam O’Brien', 'Carmen López', 'Emily Carter', 'Chloé Tremblay'],
    // A former partner: its ambassador's term ended and stays in the history.
    past: ['Sophie Martin'],
  }),
  g('Great Lakes Wikimedians', 'user_group', 'NA', 'US', 'en fr', true, {
    coordinators: ['Marcus Johnson'],
    members: ['Emily Carter', 'Chloé Tremblay', 'Samuel Whitehorse', 'Ana Ramírez'],
    ambassadors: ['Emily Carter'],
  }),
];

const daysAgo = (now: Date, n: number) => todayUtc(new Date(now.getTime() - n * 86_400_000));

const described = (description: string) => ({ description, ...markdownInsert({ description }) });

export async function loadDemoCommunities(db: Db): Promise<void> {
  const now = new Date();
  const people = await db.selectFrom('users').select(['id', 'username_key']).where('is_demo', '=', true).execute();
  const idOf = (name: string) => {
    const row = people.find((r) => r.username_key === usernameKey(demoUsername(name)));
    if (!row) throw new Error(`demo person missing: ${name}`);
    return row.id;
  };
  const groups = await db
    .insertInto('communities')
    .values(
      DEMO_GROUPS.map((d) => ({
        slug: slugBase(`${d.name} demo`),
        ...nameColumns(`${d.name} (demo)`),
        kind: d.kind,
        region: d.region,
        country: d.country,
        languages: d.languages,
        ...described(`Demo group: ${d.name} is fictional, shown so the directory has something to explore.`),
        is_partner: d.partner,
        partner_since: d.partner ? daysAgo(now, 400) : null,
        is_demo: true,
        created_by: idOf(d.coordinators[0]),
      })),
    )
    .returning(['id'])
    .execute();
  // Rows come back in the order they were given.
  const created = DEMO_GROUPS.map((d, i) => {
    const row = groups[i];
    if (!row) throw new Error(`demo group not inserted: ${d.name}`);
    return { d, id: row.id };
  });
  const members = created.flatMap(({ d, id }) => [
    ...d.coordinators.map((name) => ({
      community_id: id,
      user_id: idOf(name),
      role: 'coordinator' as const,
      joined_at: now,
    })),
    ...d.members.map((name) => ({ community_id: id, user_id: idOf(name), role: 'member' as const, joined_at: now })),
  ]);
  await db.insertInto('community_members').values(members).execute();
  const terms = created.flatMap(({ d, id }) => {
    const coordinator = idOf(d.coordinators[0]);
    return [
      ...(d.past ?? []).map((name) => ({
        community_id: id,
        user_id: idOf(name),
        start_date: daysAgo(now, 700),
        end_date: daysAgo(now, 250),
        designated_by: coordinator,
        ended_by: coordinator,
        ended_at: new Date(now.getTime() - 250 * 86_400_000),
        created_at: new Date(now.getTime() - 700 * 86_400_000),
      })),
      ...(d.ambassadors ?? []).map((name) => ({
        community_id: id,
        user_id: idOf(name),
        start_date: daysAgo(now, 240),
        end_date: null,
        designated_by: coordinator,
        ended_by: null,
        ended_at: null,
        created_at: new Date(now.getTime() - 240 * 86_400_000),
      })),
    ];
  });
  await db.insertInto('ambassador_terms').values(terms).execute();
}
