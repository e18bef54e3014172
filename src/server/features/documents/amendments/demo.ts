// Demo adaptations and amendments, after the demo document (documents/demo.ts): the Andean Wikimedians (demo)
// adapt the charter in Spanish from its translation (a unit changed, one of their own added, the table dropped,
// each with a note, and one base unit changed upstream since, waiting for review); two open amendments, one of
// the charter and one of the adaptation, with positions. Without the demo document or group it does nothing.
import { sql } from 'kysely';
import { markdownInsert } from '../../../markdown/stored';
import type { Db } from '../../../db/connection';
import { DEMO_SLUG } from '../demo';

const DAY = 24 * 3600 * 1000;

/** The Spanish unit 9 as it read when the group adapted the charter (a translator has improved it since). */
const OLDER_ES_9 = 'A quien llega se le recibe por su nombre y se le dan guantes.';

const amendmentText = (text: string, rationale: string) => ({
  text,
  rationale,
  ...markdownInsert({ text, rationale }, ['rationale']),
});

export async function loadDemoAdaptations(db: Db): Promise<void> {
  const doc = await db
    .selectFrom('documents')
    .select(['id', 'revision'])
    .where('slug', '=', DEMO_SLUG)
    .executeTakeFirst();
  const group = await db
    .selectFrom('communities as c')
    .innerJoin('community_members as m', (j) => j.onRef('m.community_id', '=', 'c.id').on('m.role', '=', 'coordinator'))
    .select(['c.id', 'm.user_id'])
    .where('c.is_demo', '=', true)
    .where(sql<boolean>`'es' = any(c.languages)`)
    .orderBy('c.id')
    .executeTakeFirst();
  const people = await db.selectFrom('users').select('id').where('is_demo', '=', true).orderBy('id').limit(6).execute();
  const [p1, p2, p3, p4, p5] = people.map((p) => p.id);
  if (
    !doc ||
    !group ||
    p1 === undefined ||
    p2 === undefined ||
    p3 === undefined ||
    p4 === undefined ||
    p5 === undefined
  )
    return;
  const coordinator = group.user_id;
  const now = Date.now();
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY);

  const base = await db
    .selectFrom('document_units as u')
    .innerJoin('unit_translations as t', (j) =>
      j.onRef('t.document_id', '=', 'u.document_id').onRef('t.unit_id', '=', 'u.unit_id').on('t.language', '=', 'es'),
    )
    .select(['u.unit_id', 'u.kind', 'u.source_revision', 'u.text_revision', 't.text'])
    .where('u.document_id', '=', doc.id)
    .where('u.position', 'is not', null)
    .orderBy('u.position')
    .execute();
  if (base.length === 0) return;
  const adaptation = await db
    .insertInto('adaptations')
    .values({
      document_id: doc.id,
      community_id: group.id,
      language: 'es',
      based_on: 'translation',
      base_revision: doc.revision,
      revision: 3,
      next_unit_id: 1_000_001,
      created_by: coordinator,
      created_at: at(12),
      updated_at: at(10),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const local: Record<number, { text?: string; note: string; dropped?: boolean }> = {
    5: {
      text: 'Las fechas y los lugares se deciden en la reunión mensual entre las personas presentes, y se avisan también por el grupo de mensajería.',
      note: 'En nuestro grupo casi todo el mundo sigue los avisos por mensajería, pocos ven el tablón.',
    },
    7: { note: 'Todavía no tenemos estos roles; los repartimos en cada jornada.', dropped: true },
  };
  const rows = base.map((u) => {
    const own = local[u.unit_id];
    return {
      unit_id: u.unit_id,
      kind: u.kind,
      text: own?.text ?? (u.unit_id === 9 ? OLDER_ES_9 : u.text),
      note: own?.note ?? '',
      dropped: own?.dropped ?? false,
      base_text: u.unit_id === 9 ? OLDER_ES_9 : (u.text as string | null),
      base_revision: u.source_revision as number | null,
      revision: own ? 2 : 1,
      updated_at: own ? at(10) : at(12),
    };
  });
  // The group's own unit, after the one on newcomers.
  rows.splice(rows.findIndex((r) => r.unit_id === 9) + 1, 0, {
    unit_id: 1_000_000,
    kind: 'paragraph',
    text: 'Quien llega por primera vez recibe también una guía breve, en castellano o en quechua.',
    note: 'Muchas de las personas voluntarias hablan quechua en casa.',
    dropped: false,
    base_text: null,
    base_revision: null,
    revision: 1,
    updated_at: at(10),
  });
  await db
    .insertInto('adaptation_units')
    .values(rows.map((r, position) => ({ ...r, adaptation_id: adaptation.id, position, updated_by: coordinator })))
    .execute();
  await db
    .insertInto('follows')
    .values({ user_id: coordinator, subject_type: 'adaptation', subject_id: adaptation.id, created_at: at(12) })
    .execute();

  const unitRevision = (id: number) => base.find((u) => u.unit_id === id)?.text_revision ?? 1;
  const first = await db
    .insertInto('amendments')
    .values({
      target_type: 'document',
      target_id: doc.id,
      unit_ids: [9],
      ...amendmentText(
        'A newcomer is welcomed by name, given gloves, paired with a host for their first morning, and asked what they would like to learn.',
        'Newcomers who spend their first morning beside a host come back far more often.',
      ),
      author_id: p2,
      base_revisions: JSON.stringify({ 9: unitRevision(9) }),
      target_revision: doc.revision,
      created_at: at(6),
      updated_at: at(6),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const second = await db
    .insertInto('amendments')
    .values({
      target_type: 'adaptation',
      target_id: adaptation.id,
      unit_ids: [2],
      ...amendmentText(
        'Los Voluntarios de la Ribera limpian cada mes las orillas del río de nuestra ciudad y de sus quebradas. Esta carta explica cómo repartimos el trabajo y cómo las personas recién llegadas encuentran su lugar.',
        'También limpiamos las quebradas que bajan al río; la carta debería decirlo.',
      ),
      author_id: p3,
      base_revisions: JSON.stringify({ 2: 1 }),
      target_revision: 3,
      created_at: at(3),
      updated_at: at(3),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('amendment_positions')
    .values([
      { amendment_id: first.id, user_id: p1, position: 'support', updated_at: at(5) },
      { amendment_id: first.id, user_id: p3, position: 'support', updated_at: at(5) },
      { amendment_id: first.id, user_id: p4, position: 'neutral', updated_at: at(4) },
      { amendment_id: second.id, user_id: p4, position: 'support', updated_at: at(2) },
      { amendment_id: second.id, user_id: p5, position: 'oppose', updated_at: at(1) },
    ])
    .execute();
  await db
    .insertInto('follows')
    .values([
      { user_id: p2, subject_type: 'amendment', subject_id: first.id, created_at: at(6) },
      { user_id: p3, subject_type: 'amendment', subject_id: second.id, created_at: at(3) },
    ])
    .execute();
}
