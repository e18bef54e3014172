// SQL for exports: everything a report needs about many initiatives at once, one query per kind of record
// whatever the number of initiatives.
import { sql } from 'kysely';
import type { Db } from '../../../db/connection';
import { communitiesOf, leadsOf } from '../repo';

export async function exportRecords(db: Db, ids: number[]) {
  if (ids.length === 0)
    return { communities: [], leads: [], calls: [], jobs: [], accepted: [], grants: [], links: [], evaluations: [] };
  const [communities, leads, calls, jobs, accepted, grants, links, evaluations] = await Promise.all([
    communitiesOf(db, ids),
    leadsOf(db, ids),
    db.selectFrom('initiative_calls').selectAll().where('initiative_id', 'in', ids).execute(),
    db
      .selectFrom('initiative_jobs as j')
      .select([
        'j.id',
        'j.initiative_id',
        'j.title',
        'j.places',
        'j.commitment',
        'j.skills',
        sql<number>`(select count(*) from initiative_signups s where s.job_id = j.id and s.status = 'accepted')`.as(
          'filled',
        ),
      ])
      .where('j.initiative_id', 'in', ids)
      .orderBy('j.initiative_id')
      .orderBy('j.position')
      .execute(),
    db
      .selectFrom('initiative_signups as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .select(['s.initiative_id', 's.job_id', 'u.username', 'u.display_name', 'u.public_fields'])
      .where('s.initiative_id', 'in', ids)
      .where('s.status', '=', 'accepted')
      .orderBy('s.decided_at')
      .orderBy('s.id')
      .execute(),
    db
      .selectFrom('initiative_grants')
      .select(['initiative_id', 'program', 'amount', 'currency', 'status', 'url'])
      .where('initiative_id', 'in', ids)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('initiative_links')
      .select(['initiative_id', 'kind', 'title', 'url'])
      .where('initiative_id', 'in', ids)
      .orderBy('id')
      .execute(),
    db.selectFrom('initiative_evaluations').selectAll().where('initiative_id', 'in', ids).execute(),
  ]);
  return { communities, leads, calls, jobs, accepted, grants, links, evaluations };
}

export type ExportRecords = Awaited<ReturnType<typeof exportRecords>>;
