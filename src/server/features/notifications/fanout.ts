// Fan-out: who is told of one event, in one statement whatever the number of followers. Each reason that applies
// to a person (mentioned, replied to, following the item, following the group or the person…) is a row of
// candidates; the strongest reason per person wins, the actor is left out, and the event row is written only when
// someone is told.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/connection';
import { rankOf, type Kind } from './kinds';
import { effectiveFrequency, type Subject } from './repo';

export interface EventValues {
  type: string;
  /** Who did it; null for what happens on its own (a deadline passing, a scheduled check). */
  actorId: number | null;
  subject: Subject & { title: string; link: string };
  /** What the actor made or acted on there, with its title when the sentence names it. */
  object: (Subject & { title?: string }) | null;
  link: string;
  at: Date;
}

/** One reason to tell people: the SQL selecting their ids, and the kind it gives. */
export interface Reason {
  kind: Kind;
  /** A query answering one column, user_id. */
  users: RawBuilder<unknown>;
}

const candidate = (r: Reason) =>
  sql`select x.user_id::bigint as user_id, ${sql.lit(r.kind)}::text as kind, ${sql.lit(rankOf(r.kind))}::int as rank from (${r.users}) as x`;

// --- reasons

export const mentioned = (ids: number[]): Reason => ({
  kind: 'mention',
  users: ids.length
    ? sql`select id as user_id from users where id in (${sql.join(ids)})`
    : sql`select null::bigint as user_id where false`,
});

/** Mentioned people not yet told of a mention in this comment (an edit that adds a mention). */
export const newlyMentioned = (ids: number[], commentId: number): Reason => ({
  kind: 'mention',
  users: ids.length
    ? sql`select u.id as user_id from users u where u.id in (${sql.join(ids)}) and not exists (
        select 1 from notifications n2 join notification_events e2 on e2.id = n2.event_id
        where n2.user_id = u.id and n2.kind = 'mention' and e2.object_type = 'comment' and e2.object_id = ${commentId})`
    : sql`select null::bigint as user_id where false`,
});

export const person = (kind: Kind, userId: number | null): Reason => ({
  kind,
  users: userId === null ? sql`select null::bigint as user_id where false` : sql`select ${userId}::bigint as user_id`,
});

/** Followers of any of these subjects. */
export const followersOf = (kind: Kind, subjects: Subject[]): Reason => ({
  kind,
  users: sql`select f.user_id from follows f where ${sql.join(
    subjects.map((s) => sql`(f.subject_type = ${s.type} and f.subject_id = ${s.id})`),
    sql` or `,
  )}`,
});

/**
 * Followers of the debate an argument belongs to: replies under an argument concern the debate's followers too.
 * A tiny read of the debates' table, so notifications do not depend on that feature's code.
 */
export const debateFollowersOfArgument = (kind: Kind, argumentId: number): Reason => ({
  kind,
  users: sql`select f.user_id from follows f join debate_arguments da on da.debate_id = f.subject_id
    where f.subject_type = 'debate' and da.id = ${argumentId}`,
});

// --- the statement

export interface FanOutResult {
  eventId: number | null;
  recipients: number;
  /** Recipients with an e-mail address who want this kind at once. */
  immediate: number;
}

export async function fanOut(db: Db, ev: EventValues, reasons: Reason[]): Promise<FanOutResult> {
  if (reasons.length === 0) return { eventId: null, recipients: 0, immediate: 0 };
  const rows = await sql<{ event_id: number; recipients: number; immediate: number }>`
    with cand as (${sql.join(reasons.map(candidate), sql` union all `)}),
    r as (
      select distinct on (user_id) user_id, kind from cand
      where user_id is not null and user_id is distinct from ${ev.actorId}::bigint
      order by user_id, rank
    ),
    ev as (
      insert into notification_events (type, actor_id, subject_type, subject_id, subject_title, subject_link, object_type, object_id, object_title, link, created_at)
      select ${ev.type}::text, ${ev.actorId}::bigint, ${ev.subject.type}::text, ${ev.subject.id}::bigint, ${ev.subject.title}::text,
        ${ev.subject.link}::text, ${ev.object?.type ?? null}::text, ${ev.object?.id ?? null}::bigint,
        ${ev.object?.title ?? null}::text, ${ev.link}::text, ${ev.at}::timestamptz
      where exists (select 1 from r)
      returning id
    ),
    ins as (
      insert into notifications (user_id, event_id, kind, created_at)
      select r.user_id, ev.id, r.kind, ${ev.at}::timestamptz from r cross join ev
      returning user_id, event_id, kind
    )
    select n.event_id, count(*)::int as recipients,
      (count(*) filter (where u.email is not null and ${effectiveFrequency} = 'immediately'))::int as immediate
    from ins n join users u on u.id = n.user_id
    left join notification_settings s on s.user_id = n.user_id and s.kind = n.kind
    group by n.event_id
  `.execute(db);
  const row = rows.rows[0];
  return row
    ? { eventId: Number(row.event_id), recipients: Number(row.recipients), immediate: Number(row.immediate) }
    : { eventId: null, recipients: 0, immediate: 0 };
}

/** The author follows what they made (ignored when they already do). */
export async function autoFollow(db: Db, userId: number, subjects: Subject[], at: Date): Promise<void> {
  await db
    .insertInto('follows')
    .values(subjects.map((s) => ({ user_id: userId, subject_type: s.type, subject_id: s.id, created_at: at })))
    .onConflict((oc) => oc.columns(['user_id', 'subject_type', 'subject_id']).doNothing())
    .execute();
}
