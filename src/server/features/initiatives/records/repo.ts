// SQL for what leads record on an initiative: progress updates, links, grants, the phase checklists and the
// evaluation.
import { sql } from 'kysely';
import { markdownInsert } from '../../../markdown/stored';
import type { Db } from '../../../db/connection';
import type { Outcome, Reached } from '../tables';

export const UPDATES_SHOWN = 50;

/** Newest first, with each one's hidden state (moderation). */
export const updatesOf = (db: Db, initiativeId: number) =>
  db
    .selectFrom('initiative_updates as p')
    .leftJoin('users as u', 'u.id', 'p.author_id')
    .leftJoin('moderation_hidden as h', (j) =>
      j.on('h.subject_type', '=', 'initiative_update').onRef('h.subject_id', '=', 'p.id'),
    )
    .select([
      'p.id',
      'p.author_id',
      'p.title',
      'p.body',
      'p.body_html',
      'p.html_version',
      'p.created_at',
      'u.username',
      'u.display_name',
      'u.public_fields',
      'h.reason as hidden_reason',
      'h.automatic as hidden_automatic',
    ])
    .where('p.initiative_id', '=', initiativeId)
    .orderBy('p.created_at', 'desc')
    .orderBy('p.id', 'desc')
    .limit(UPDATES_SHOWN)
    .execute();

export type UpdateRow = Awaited<ReturnType<typeof updatesOf>>[number];

export const insertUpdate = async (
  db: Db,
  v: { initiativeId: number; authorId: number; title: string; body: string; at: Date },
) =>
  (
    await db
      .insertInto('initiative_updates')
      .values({
        initiative_id: v.initiativeId,
        author_id: v.authorId,
        title: v.title,
        body: v.body,
        ...markdownInsert({ body: v.body }),
        created_at: v.at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;

/** Links in order; an item's title is its current one (a renamed course reads renamed). */
export const linksOf = (db: Db, initiativeId: number) =>
  db
    .selectFrom('initiative_links as l')
    .leftJoin('courses as c', 'c.id', 'l.course_id')
    .leftJoin('events as e', 'e.id', 'l.event_id')
    .select(['l.id', 'l.kind', 'l.url', sql<string>`coalesce(c.title, e.title, l.title)`.as('title')])
    .where('l.initiative_id', '=', initiativeId)
    .orderBy('l.id')
    .execute();

export const insertLink = async (
  db: Db,
  v: {
    initiativeId: number;
    kind: string;
    title: string;
    url: string;
    eventId: number | null;
    courseId: number | null;
    at: Date;
  },
) =>
  (
    await db
      .insertInto('initiative_links')
      .values({
        initiative_id: v.initiativeId,
        kind: v.kind,
        title: v.title,
        url: v.url,
        event_id: v.eventId,
        course_id: v.courseId,
        created_at: v.at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;

export async function deleteLink(db: Db, initiativeId: number, id: number): Promise<boolean> {
  const res = await db
    .deleteFrom('initiative_links')
    .where('initiative_id', '=', initiativeId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

export const grantsOf = (db: Db, initiativeId: number) =>
  db
    .selectFrom('initiative_grants')
    .select(['id', 'program', 'amount', 'currency', 'status', 'url'])
    .where('initiative_id', '=', initiativeId)
    .orderBy('id')
    .execute();

export interface GrantValues {
  program: string;
  amount: string;
  currency: string;
  status: string;
  url: string | null;
}

export const insertGrant = async (db: Db, initiativeId: number, v: GrantValues, at: Date) =>
  (
    await db
      .insertInto('initiative_grants')
      .values({ initiative_id: initiativeId, ...v, created_at: at })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;

export async function updateGrant(db: Db, initiativeId: number, id: number, v: GrantValues): Promise<boolean> {
  const res = await db
    .updateTable('initiative_grants')
    .set(v)
    .where('initiative_id', '=', initiativeId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

export async function deleteGrant(db: Db, initiativeId: number, id: number): Promise<boolean> {
  const res = await db
    .deleteFrom('initiative_grants')
    .where('initiative_id', '=', initiativeId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

export const checkedItems = async (db: Db, initiativeId: number): Promise<Set<string>> =>
  new Set(
    (
      await db.selectFrom('initiative_checklist').select('item').where('initiative_id', '=', initiativeId).execute()
    ).map((r) => r.item),
  );

export async function setChecked(
  db: Db,
  initiativeId: number,
  item: string,
  checked: boolean,
  by: number,
  at: Date,
): Promise<void> {
  if (checked) {
    await db
      .insertInto('initiative_checklist')
      .values({ initiative_id: initiativeId, item, checked_by: by, checked_at: at })
      .onConflict((oc) => oc.doNothing())
      .execute();
  } else {
    await db
      .deleteFrom('initiative_checklist')
      .where('initiative_id', '=', initiativeId)
      .where('item', '=', item)
      .execute();
  }
}

export const findEvaluation = (db: Db, initiativeId: number) =>
  db.selectFrom('initiative_evaluations').selectAll().where('initiative_id', '=', initiativeId).executeTakeFirst();

export type EvaluationRow = NonNullable<Awaited<ReturnType<typeof findEvaluation>>>;

export async function saveEvaluation(
  db: Db,
  initiativeId: number,
  v: {
    outcomes: Outcome[];
    reached: Reached[];
    lessons: string;
    differently: string;
    documentation: string[];
    followUp: string | null;
    by: number;
    at: Date;
  },
): Promise<void> {
  const values = {
    outcomes: JSON.stringify(v.outcomes),
    reached: JSON.stringify(v.reached),
    lessons: v.lessons,
    differently: v.differently,
    ...markdownInsert({ lessons: v.lessons, differently: v.differently }, ['lessons']),
    documentation: v.documentation,
    follow_up: v.followUp,
    evaluated_by: v.by,
    updated_at: v.at,
  };
  await db
    .insertInto('initiative_evaluations')
    .values({ initiative_id: initiativeId, ...values })
    .onConflict((oc) => oc.column('initiative_id').doUpdateSet(values))
    .execute();
}
