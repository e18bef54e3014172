// The amendments' own tables: amendments, their positions and their adoptions into adaptations.
import { sql, type SelectQueryBuilder } from 'kysely';
import type { AmendmentStatus, AmendmentTarget, Position } from '../../../../contracts/amendments';
import type { Database } from '../../../db/tables';
import type { Db } from '../../../db/connection';
import { personRefColumns } from '../../people';

const columns = [
  'a.id',
  'a.target_type',
  'a.target_id',
  'a.unit_ids',
  'a.text',
  'a.rationale',
  'a.text_html',
  'a.rationale_html',
  'a.rationale_lead',
  'a.html_version',
  'a.author_id',
  'a.status',
  'a.decided_by',
  'a.decided_at',
  'a.reason',
  'a.base_revisions',
  'a.target_revision',
  'a.accepted_revision',
  'a.created_at',
  ...personRefColumns('au'),
  'du.username as d_username',
  'du.display_name as d_display_name',
  'du.public_fields as d_public_fields',
] as const;

const base = (db: Db) =>
  db
    .selectFrom('amendments as a')
    .leftJoin('users as au', 'au.id', 'a.author_id')
    .leftJoin('users as du', 'du.id', 'a.decided_by')
    .select(columns)
    .select((eb) => [
      eb
        .selectFrom('amendment_positions as p')
        .select(sql<string>`count(*) filter (where p.position = 'support')`.as('n'))
        .whereRef('p.amendment_id', '=', 'a.id')
        .as('support'),
      eb
        .selectFrom('amendment_positions as p')
        .select(sql<string>`count(*) filter (where p.position = 'oppose')`.as('n'))
        .whereRef('p.amendment_id', '=', 'a.id')
        .as('oppose'),
      eb
        .selectFrom('amendment_positions as p')
        .select(sql<string>`count(*) filter (where p.position = 'neutral')`.as('n'))
        .whereRef('p.amendment_id', '=', 'a.id')
        .as('neutral'),
    ]);

type Base = ReturnType<typeof base>;
export type AmendmentRow = Base extends SelectQueryBuilder<Database, never, infer O> ? O : never;

export async function findAmendment(db: Db, id: number) {
  return base(db).where('a.id', '=', id).executeTakeFirst();
}

export async function listAmendments(
  db: Db,
  f: { targetType?: AmendmentTarget; targetId?: number; status?: AmendmentStatus },
  after: number | null,
  limit: number,
) {
  let q = base(db);
  if (f.targetType) q = q.where('a.target_type', '=', f.targetType);
  if (f.targetId !== undefined) q = q.where('a.target_id', '=', f.targetId);
  if (f.status) q = q.where('a.status', '=', f.status);
  if (after !== null) q = q.where('a.id', '<', after);
  return q
    .orderBy('a.id', 'desc')
    .limit(limit + 1)
    .execute();
}

export async function myPosition(db: Db, amendmentId: number, userId: number): Promise<Position | null> {
  const row = await db
    .selectFrom('amendment_positions')
    .select('position')
    .where('amendment_id', '=', amendmentId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.position ?? null;
}

export async function setPosition(db: Db, amendmentId: number, userId: number, position: Position, at: Date) {
  await db
    .insertInto('amendment_positions')
    .values({ amendment_id: amendmentId, user_id: userId, position, updated_at: at })
    .onConflict((oc) => oc.columns(['amendment_id', 'user_id']).doUpdateSet({ position, updated_at: at }))
    .execute();
}

export async function removePosition(db: Db, amendmentId: number, userId: number): Promise<boolean> {
  const res = await db
    .deleteFrom('amendment_positions')
    .where('amendment_id', '=', amendmentId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

export async function positionCounts(db: Db, amendmentId: number) {
  const rows = await db
    .selectFrom('amendment_positions')
    .select(['position', (eb) => eb.fn.countAll<string>().as('n')])
    .where('amendment_id', '=', amendmentId)
    .groupBy('position')
    .execute();
  const counts = { support: 0, oppose: 0, neutral: 0 };
  for (const r of rows) counts[r.position] = Number(r.n);
  return counts;
}

/** Decides an open amendment; false when it was no longer open (someone decided or withdrew it meanwhile). */
export async function decide(
  db: Db,
  id: number,
  d: { status: AmendmentStatus; by: number; at: Date; reason?: string; acceptedRevision?: number; text?: string },
): Promise<boolean> {
  const res = await db
    .updateTable('amendments')
    .set({
      status: d.status,
      decided_by: d.by,
      decided_at: d.at,
      updated_at: d.at,
      ...(d.reason !== undefined ? { reason: d.reason } : {}),
      ...(d.acceptedRevision !== undefined ? { accepted_revision: d.acceptedRevision } : {}),
    })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function adoptionsOf(db: Db, amendmentId: number) {
  return db
    .selectFrom('amendment_adoptions as x')
    .innerJoin('adaptations as ad', 'ad.id', 'x.adaptation_id')
    .innerJoin('communities as c', 'c.id', 'ad.community_id')
    .leftJoin('users as u', 'u.id', 'x.adopted_by')
    .select(['x.adaptation_id', 'ad.language', 'c.slug', 'c.name', 'x.created_at', ...personRefColumns('u')])
    .where('x.amendment_id', '=', amendmentId)
    .orderBy('x.created_at')
    .execute();
}

/** A document's adaptations (where a group's coordinators may adopt one of its rejected amendments). */
export async function adaptationsOfDocument(db: Db, documentId: number) {
  return db
    .selectFrom('adaptations as ad')
    .leftJoin('adaptation_units as t', (j) =>
      j.onRef('t.adaptation_id', '=', 'ad.id').on('t.unit_id', '=', 0).on('t.dropped', '=', false),
    )
    .select(['ad.id', 'ad.community_id', 'ad.language', 't.text as title'])
    .where('ad.document_id', '=', documentId)
    .orderBy('ad.id')
    .execute();
}
