// Demo people: fictional participants across the 8 regions and many languages, clearly marked as demo.
// They have no password (nobody can log in as them) and no Wikimedia username (no link to a real account).
import type { Db } from '../../db/connection';
import { usernameKey } from '../../../contracts/usernames';
import { nameSkeleton } from '../../text/skeleton';
import type { ProfileField } from './schema';

interface DemoPerson {
  name: string;
  region: string;
  languages: string[];
  timeZone: string;
  interests: string[];
  /** Fields kept private (everything else is public), to show privacy at work. */
  hidden?: ProfileField[];
}

const p = (
  name: string,
  region: string,
  languages: string,
  timeZone: string,
  interests: string,
  hidden?: ProfileField[],
): DemoPerson => ({
  name,
  region,
  languages: languages.split(' '),
  timeZone,
  interests: interests.split(' '),
  hidden,
});

export const DEMO_PEOPLE: DemoPerson[] = [
  p('Olena Kovalenko', 'CEE', 'uk ru en', 'Europe/Kyiv', 'facilitation mentoring'),
  p('Aigerim Nurlanova', 'CEE', 'kk ru', 'Asia/Almaty', 'project_management fundraising strategic_thinking'),
  p('Tamar Beridze', 'CEE', 'ka en', 'Asia/Tbilisi', 'public_speaking advocacy', ['region']),
  p('Marek Novák', 'CEE', 'cs sk en', 'Europe/Prague', 'digital_security teamwork'),
  p('Dmitri Sokolov', 'CEE', 'ru en', 'Europe/Moscow', 'coaching conflict_resolution'),
  p('Siti Rahmawati', 'ESEAP', 'id jv en', 'Asia/Jakarta', 'community_outreach_and_organizing volunteer_management'),
  p('Nguyen Thi Lan', 'ESEAP', 'vi en', 'Asia/Ho_Chi_Minh', 'creating_and_delivering_presentations empathy'),
  p('Mele Tupou', 'ESEAP', 'to en', 'Pacific/Tongatapu', 'adaptability trust_building'),
  p('Wei Chen', 'ESEAP', 'zh-hant zh-hans en', 'Asia/Taipei', 'decision_making delegation', ['languages']),
  p('Kenta Sato', 'ESEAP', 'ja en', 'Asia/Tokyo', 'accountability integrity'),
  p('Lucía Fernández', 'LAC', 'es en', 'America/Argentina/Buenos_Aires', 'mentoring diversity_equity_and_inclusion'),
  p('João Pereira', 'LAC', 'pt-br es', 'America/Sao_Paulo', 'fundraising project_management'),
  p('Valentina Rojas', 'LAC', 'es qu', 'America/Lima', 'community_outreach_and_organizing boldness'),
  p('Marie-Claire Joseph', 'LAC', 'ht fr', 'America/Port-au-Prince', 'self_care_and_burnout_prevention appreciation'),
  p('Diego Morales', 'LAC', 'es en', 'America/Mexico_City', 'change_management consensus_building'),
  p('Yasmin Haddad', 'MENA', 'ar fr en', 'Asia/Beirut', 'facilitation public_speaking'),
  p('Omar Farouk', 'MENA', 'ar arz en', 'Africa/Cairo', 'volunteer_management commitment'),
  p('Leila Karimi', 'MENA', 'fa en', 'Asia/Tehran', 'digital_security conscientiousness', ['region']),
  p('Karwan Aziz', 'MENA', 'ckb ar', 'Asia/Baghdad', 'advocacy teamwork'),
  p('Salma Benali', 'MENA', 'ar ary fr', 'Africa/Casablanca', 'coaching empathy'),
  p('Amina Diallo', 'SSA', 'fr wo', 'Africa/Dakar', 'mentoring community_outreach_and_organizing'),
  p('Chinedu Okafor', 'SSA', 'en ig yo', 'Africa/Lagos', 'project_management strategic_thinking'),
  p('Wanjiru Kamau', 'SSA', 'sw en', 'Africa/Nairobi', 'facilitation trust_building'),
  p('Thandiwe Dlamini', 'SSA', 'zu xh en', 'Africa/Johannesburg', 'conflict_resolution communication'),
  p('Kwame Mensah', 'SSA', 'en tw', 'Africa/Accra', 'fundraising delegation'),
  p('Priya Sharma', 'SA', 'hi en', 'Asia/Kolkata', 'creating_and_delivering_presentations mentoring'),
  p('Farhan Ahmed', 'SA', 'ur skr-arab en', 'Asia/Karachi', 'communication advocacy'),
  p('Nusrat Jahan', 'SA', 'bn en', 'Asia/Dhaka', 'diversity_equity_and_inclusion volunteer_management'),
  p('Anura Perera', 'SA', 'si ta en', 'Asia/Colombo', 'integrity decision_making', ['languages', 'region']),
  p('Sita Gurung', 'SA', 'ne hi', 'Asia/Kathmandu', 'adaptability self_care_and_burnout_prevention'),
  p('Emily Carter', 'NA', 'en es', 'America/New_York', 'public_speaking coaching'),
  p('Samuel Whitehorse', 'NA', 'en nv', 'America/Denver', 'community_outreach_and_organizing appreciation'),
  p('Chloé Tremblay', 'NA', 'fr en', 'America/Toronto', 'consensus_building facilitation'),
  p('Marcus Johnson', 'NA', 'en', 'America/Chicago', 'strategic_thinking accountability'),
  p('Ana Ramírez', 'NA', 'es en', 'America/Los_Angeles', 'teamwork boldness'),
  p('Ingrid Larsen', 'NWE', 'nb en', 'Europe/Oslo', 'change_management project_management'),
  p('Sophie Martin', 'NWE', 'fr br', 'Europe/Paris', 'mentoring empathy'),
  p('Liam O’Brien', 'NWE', 'en ga', 'Europe/Dublin', 'digital_security commitment'),
  p('Carmen López', 'NWE', 'es ca en', 'Europe/Madrid', 'fundraising communication'),
  p('Anneke de Vries', 'NWE', 'nl en', 'Europe/Amsterdam', 'trust_building conflict_resolution'),
];

const ALL_PUBLIC: ProfileField[] = [
  'display_name',
  'wikimedia_username',
  'languages',
  'region',
  'time_zone',
  'bio',
  'interests',
];

/** Demo usernames say they are demo, so nobody mistakes them for real Wikimedians. */
export const demoUsername = (name: string) => `${name} (demo)`;

export async function loadDemoPeople(db: Db): Promise<void> {
  await db
    .insertInto('users')
    .values(
      DEMO_PEOPLE.map((person) => ({
        username: demoUsername(person.name),
        username_key: usernameKey(demoUsername(person.name)),
        username_skeleton: nameSkeleton(demoUsername(person.name)),
        display_name: `${person.name} (demo)`,
        password_hash: null,
        email: null,
        languages: person.languages,
        region: person.region,
        time_zone: person.timeZone,
        bio: `Demo profile: ${person.name} is a fictional participant, shown so the directory has something to explore.`,
        interests: person.interests,
        public_fields: ALL_PUBLIC.filter((f) => !person.hidden?.includes(f)),
        is_demo: true,
      })),
    )
    .execute();
}
