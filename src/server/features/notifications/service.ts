// Following and notifications. Each use case checks who may do it first; follows and settings are audited in the
// same transaction. Other features report what happened through recordActivity, inside their own transaction,
// so a notification exists exactly when the change it tells of does.
import type { Db } from '../../db/connection';
import type { Ctx } from '../../http/context';
import { actorOf, audit } from '../../http/audit';
import { HttpError, badRequest, notFound } from '../../http/errors';
import { decodeCursor, page } from '../../http/pagination';
import { requireUser } from '../../http/access';
import { enqueue } from '../../jobs/queue';
import { parseId, resolveSubject } from '../conversations';
import {
  autoFollow,
  debateFollowersOfArgument,
  fanOut,
  followersOf,
  mentioned,
  newlyMentioned,
  person,
  type EventValues,
  type Reason,
} from './fanout';
import { presentFollow, presentNotification } from './present';
import {
  deleteFollow,
  findFollowById,
  hasEmail,
  insertFollow,
  listFollows,
  listNotifications,
  markRead,
  saveSettings,
  settingsOf,
  unreadCount,
  type Subject,
} from './repo';
import type { FollowBody, FollowsQuery, NotificationsQuery, ReadBody, SettingsBody } from './schema';
import type {
  FollowItem,
  FollowList,
  NotificationList,
  NotificationSettings,
  ReadAnswer,
  UnreadAnswer,
} from '../../../contracts/notifications';
import { isFollowable, isSelf, ownsFollow } from './policy';
import { DEFAULT_EMAIL, EMAIL_JOB, type Kind } from './kinds';

// --- what happened (called by other features inside their transactions)

export type Activity =
  /** A new comment; `replyToAuthorId` is the author of the comment it answers. */
  | {
      type: 'comment';
      actorId: number;
      at: Date;
      commentId: number;
      subject: Subject;
      replyToAuthorId: number | null;
      mentioned: number[];
    }
  /** An edited comment: only people it newly mentions are told. */
  | { type: 'comment_edited'; actorId: number; at: Date; commentId: number; subject: Subject; mentioned: number[] }
  | { type: 'debate'; actorId: number; at: Date; debateId: number }
  | { type: 'argument'; actorId: number; at: Date; debateId: number; argumentId: number }
  | { type: 'debate_closed'; actorId: number; at: Date; debateId: number }
  | { type: 'update'; actorId: number; at: Date; updateId: number; communityId: number };

/** The item's title and link as they are now; null when it is gone (a comment edited under a deleted update). */
async function item(db: Db, s: Subject) {
  try {
    const found = await resolveSubject(db, s.type, String(s.id));
    return { type: s.type, id: s.id, title: found.title, link: found.link };
  } catch (err) {
    if (err instanceof HttpError) return null;
    throw err;
  }
}

const NOTHING = { eventId: null, recipients: 0 } as const;

const anchored = (link: string, anchor: string) => `${link.split('#')[0]}#${anchor}`;

/**
 * Records an event: notifies the people it concerns (one notification each, never the actor), has the author
 * follow what they made (their comment's item, debate, argument or update), and queues the immediate e-mails.
 * A fixed number of queries, whatever the number of followers.
 */
export async function recordActivity(db: Db, a: Activity): Promise<{ eventId: number | null; recipients: number }> {
  const actor = a.actorId;
  // An edit that mentions no one tells no one: no queries at all.
  if (a.type === 'comment_edited' && a.mentioned.length === 0) return NOTHING;
  let ev: EventValues;
  let reasons: Reason[];
  let follow: Subject[] = [];
  switch (a.type) {
    case 'comment':
    case 'comment_edited': {
      const subject = await item(db, a.subject);
      // Notifications never stand in the way of what they tell of.
      if (!subject) return NOTHING;
      ev = {
        type: a.type,
        actorId: actor,
        subject,
        object: { type: 'comment', id: a.commentId },
        link: anchored(subject.link, `comment-${a.commentId}`),
        at: a.at,
      };
      if (a.type === 'comment_edited') reasons = [newlyMentioned(a.mentioned, a.commentId)];
      else {
        reasons = [
          mentioned(a.mentioned),
          person('reply', a.replyToAuthorId),
          followersOf('comment', [a.subject]),
          followersOf('activity', [{ type: 'person', id: actor }]),
        ];
        if (a.subject.type === 'argument') reasons.push(debateFollowersOfArgument('comment', a.subject.id));
        follow = [a.subject];
      }
      break;
    }
    case 'debate': {
      const subject = await item(db, { type: 'debate', id: a.debateId });
      if (!subject) return NOTHING;
      ev = {
        type: a.type,
        actorId: actor,
        subject,
        object: { type: 'debate', id: a.debateId },
        link: subject.link,
        at: a.at,
      };
      reasons = [followersOf('activity', [{ type: 'person', id: actor }])];
      follow = [{ type: 'debate', id: a.debateId }];
      break;
    }
    case 'argument': {
      const subject = await item(db, { type: 'debate', id: a.debateId });
      if (!subject) return NOTHING;
      ev = {
        type: a.type,
        actorId: actor,
        subject,
        object: { type: 'argument', id: a.argumentId },
        link: anchored(subject.link, `argument-${a.argumentId}`),
        at: a.at,
      };
      reasons = [
        followersOf('argument', [{ type: 'debate', id: a.debateId }]),
        followersOf('activity', [{ type: 'person', id: actor }]),
      ];
      // Arguers follow the debate too: they hear of new arguments and of its closing.
      follow = [
        { type: 'argument', id: a.argumentId },
        { type: 'debate', id: a.debateId },
      ];
      break;
    }
    case 'debate_closed': {
      const subject = await item(db, { type: 'debate', id: a.debateId });
      if (!subject) return NOTHING;
      ev = {
        type: a.type,
        actorId: actor,
        subject,
        object: null,
        link: anchored(subject.link, 'debate-conclusion'),
        at: a.at,
      };
      reasons = [followersOf('debate_closed', [{ type: 'debate', id: a.debateId }])];
      break;
    }
    case 'update': {
      const subject = await item(db, { type: 'update', id: a.updateId });
      if (!subject) return NOTHING;
      ev = {
        type: a.type,
        actorId: actor,
        subject,
        object: { type: 'update', id: a.updateId },
        link: subject.link,
        at: a.at,
      };
      reasons = [
        followersOf('update', [
          { type: 'community', id: a.communityId },
          { type: 'person', id: actor },
        ]),
      ];
      follow = [{ type: 'update', id: a.updateId }];
      break;
    }
  }
  const result = await fanOut(db, ev, reasons);
  if (follow.length) await autoFollow(db, actor, follow, a.at);
  if (result.eventId !== null && result.immediate > 0) {
    await enqueue(
      db,
      { kind: EMAIL_JOB, payload: { eventId: result.eventId }, key: `${EMAIL_JOB}:${result.eventId}` },
      a.at,
    );
  }
  return { eventId: result.eventId, recipients: result.recipients };
}

/**
 * Tells people of something another feature did that recordActivity does not know (initiatives use it): the
 * given people and the followers of the given subjects, each once with the strongest kind, never the actor.
 * The subject's title and link are given as they are now. Immediate e-mails are queued as for recordActivity.
 */
export async function notify(
  db: Db,
  n: {
    type: string;
    actorId: number | null;
    at: Date;
    subject: Subject & { title: string; link: string };
    object?: (Subject & { title?: string }) | null;
    link?: string;
    people?: { kind: Kind; ids: number[] };
    followers?: { kind: Kind; of: Subject[] };
  },
): Promise<{ eventId: number | null; recipients: number }> {
  const reasons: Reason[] = [];
  if (n.people && n.people.ids.length) reasons.push({ ...mentioned(n.people.ids), kind: n.people.kind });
  if (n.followers && n.followers.of.length) reasons.push(followersOf(n.followers.kind, n.followers.of));
  const ev: EventValues = {
    type: n.type,
    actorId: n.actorId,
    subject: n.subject,
    object: n.object ?? null,
    link: n.link ?? n.subject.link,
    at: n.at,
  };
  const result = await fanOut(db, ev, reasons);
  if (result.eventId !== null && result.immediate > 0) {
    await enqueue(
      db,
      { kind: EMAIL_JOB, payload: { eventId: result.eventId }, key: `${EMAIL_JOB}:${result.eventId}` },
      n.at,
    );
  }
  return { eventId: result.eventId, recipients: result.recipients };
}

/** Has a person follow a subject (what they made or joined); nothing when they already do. */
export const followFor = (db: Db, userId: number, s: Subject, at: Date) => autoFollow(db, userId, [s], at);

// --- follows

async function followable(ctx: Ctx, body: FollowBody) {
  const user = requireUser(ctx);
  if (!isFollowable(body.subject.type))
    throw badRequest([{ field: 'subject.type', message: 'notifications-follow-not-followable' }]);
  const s = await resolveSubject(ctx.db, body.subject.type, body.subject.id);
  if (isSelf(user, s)) throw badRequest([{ field: 'subject', message: 'notifications-follow-self' }]);
  return s;
}

/** Follows a subject; following it again answers the existing follow (`created: false`). */
export async function follow(ctx: Ctx, body: FollowBody): Promise<{ created: boolean; follow: FollowItem }> {
  const user = requireUser(ctx);
  const s = await followable(ctx, body);
  const { row, created } = await ctx.db.transaction().execute(async (trx) => {
    const res = await insertFollow(trx, user.id, s, ctx.now);
    if (res.created)
      await audit(trx, {
        ...actorOf(ctx),
        action: 'follow.create',
        objectType: s.type,
        objectId: s.id,
        details: { follow: res.row.id },
      });
    return res;
  });
  return { created, follow: presentFollow(row, s) };
}

/** Unfollows; a follow of someone else answers 404 like a missing one (nothing is revealed). */
export async function unfollow(ctx: Ctx, idParam: string): Promise<void> {
  const user = requireUser(ctx);
  const id = parseId(idParam);
  const row = id === null ? undefined : await findFollowById(ctx.db, id);
  if (!row || !ownsFollow(user, row)) throw notFound();
  await ctx.db.transaction().execute(async (trx) => {
    await deleteFollow(trx, row.id);
    await audit(trx, {
      ...actorOf(ctx),
      action: 'follow.delete',
      objectType: row.subject_type,
      objectId: row.subject_id,
      details: { follow: row.id },
    });
  });
}

/** The number of the last item of the previous page, from a cursor of one number. */
function afterId(cursor: string | undefined): number | null {
  return decodeCursor(cursor, ['id'])?.[0] ?? null;
}

/** My follows, newest first; with subjectType and subjectId, whether I follow that one subject. */
export async function myFollows(ctx: Ctx, q: FollowsQuery): Promise<FollowList> {
  const user = requireUser(ctx);
  if ((q.subjectType === undefined) !== (q.subjectId === undefined)) {
    throw badRequest([
      { field: q.subjectType === undefined ? 'subjectType' : 'subjectId', message: 'validation-required' },
    ]);
  }
  const after = afterId(q.cursor);
  let subject: Subject | null = null;
  if (q.subjectType !== undefined && q.subjectId !== undefined) {
    const id = parseId(q.subjectId);
    // A subject that cannot exist is simply not followed.
    if (id === null) return { items: [], next: null };
    subject = { type: q.subjectType, id };
  }
  const rows = await listFollows(ctx.db, user.id, subject, after, q.limit);
  const { items, next } = page(rows, q.limit, (r) => [r.id]);
  // Titles as the items have them now: one small read per follow on the page (at most `limit`).
  const shown = [];
  for (const r of items) {
    const s = await resolveSubject(ctx.db, r.subject_type, String(r.subject_id)).catch((err: unknown) => {
      if (err instanceof HttpError) return null;
      throw err;
    });
    shown.push(presentFollow(r, s ?? { title: '', link: '' }));
  }
  return { items: shown, next };
}

// --- notifications

export async function listMine(ctx: Ctx, q: NotificationsQuery): Promise<NotificationList> {
  const user = requireUser(ctx);
  const rows = await listNotifications(ctx.db, user.id, afterId(q.cursor), q.limit);
  const { items, next } = page(rows, q.limit, (r) => [r.id]);
  return { items: items.map(presentNotification), next, unread: await unreadCount(ctx.db, user.id) };
}

export async function unread(ctx: Ctx): Promise<UnreadAnswer> {
  const user = requireUser(ctx);
  return { unread: await unreadCount(ctx.db, user.id) };
}

/** Marks some (or all) of my notifications read. Ids of other people's notifications change nothing. */
export async function markMineRead(ctx: Ctx, body: ReadBody): Promise<ReadAnswer> {
  const user = requireUser(ctx);
  let marked: number;
  if (body.all) {
    const upTo = body.upTo === undefined ? null : parseId(body.upTo);
    if (body.upTo !== undefined && upTo === null) throw badRequest([{ field: 'upTo', message: 'validation-format' }]);
    marked = await markRead(ctx.db, user.id, { upTo }, ctx.now);
  } else {
    const ids: number[] = [];
    for (const [i, text] of (body.ids ?? []).entries()) {
      const id = parseId(text);
      if (id === null) throw badRequest([{ field: `ids.${i}`, message: 'validation-format' }]);
      ids.push(id);
    }
    marked = await markRead(ctx.db, user.id, { ids }, ctx.now);
  }
  return { marked, unread: await unreadCount(ctx.db, user.id) };
}

// --- settings

export async function getSettings(ctx: Ctx): Promise<NotificationSettings> {
  const user = requireUser(ctx);
  return {
    email: await settingsOf(ctx.db, user.id),
    defaults: { ...DEFAULT_EMAIL },
    hasEmail: await hasEmail(ctx.db, user.id),
  };
}

export async function putSettings(ctx: Ctx, body: SettingsBody): Promise<NotificationSettings> {
  const user = requireUser(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    await saveSettings(trx, user.id, body.email);
    await audit(trx, {
      ...actorOf(ctx),
      action: 'notifications.settings',
      objectType: 'user',
      objectId: user.id,
      details: { email: body.email },
    });
  });
  return getSettings(ctx);
}
