// Memberships and ambassador terms of a group. Each use case checks who may do it first.
import type { Ctx } from '../../http/context';
import { actorOf, audit } from '../../http/audit';
import { badRequest, conflict, notFound } from '../../http/errors';
import { ensure, requireUser } from '../../http/access';
import { usernameKey } from '../../../contracts/usernames';
import type { Membership, TermAnswer } from '../../../contracts/communities';
import * as repo from './repo';
import { presentTermAnswer } from './present';
import { mayRemoveOthersNow } from './policy';
import { ensureManager, findCommunity, today } from './service';
import { notifyDesignated, notifyTermsEnded } from './notify';
import type { Designate } from './schema';

const object = (id: number) => ({ objectType: 'community', objectId: id });

export async function join(ctx: Ctx, slug: string): Promise<Membership> {
  const user = requireUser(ctx);
  const c = await findCommunity(ctx, slug);
  const added = await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.addMember(trx, c.id, user.id, 'member', ctx.now);
    if (row) await audit(trx, { ...actorOf(ctx), action: 'community.join', ...object(c.id) });
    return row;
  });
  if (!added) throw conflict('communities-already-member');
  return { username: user.username, role: added.role, joinedAt: added.joined_at.toISOString() };
}

async function findPerson(ctx: Pick<Ctx, 'db'>, name: string) {
  const person = await repo.findUserByKey(ctx.db, usernameKey(name));
  if (!person) throw notFound();
  return person;
}

/** The person themself, the group's coordinators and network admins may remove a member. */
export async function removeMember(ctx: Ctx, slug: string, username: string): Promise<void> {
  const user = requireUser(ctx);
  const c = await findCommunity(ctx, slug);
  const person = await findPerson(ctx, username);
  if (person.id !== user.id) {
    await ensureManager(ctx, c.id, 'community.member_remove');
    await ensure(ctx, mayRemoveOthersNow(user), 'community.member_remove', { type: 'community', id: c.id });
  }
  const day = today(ctx);
  const who = actorOf(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.lockCommunity(trx, c.id);
    const member = await repo.findMember(trx, c.id, person.id);
    if (!member) throw notFound();
    if (member.role === 'coordinator') {
      const coordinators = await repo.coordinatorIds(trx, c.id);
      if (coordinators.length <= 1) throw conflict('communities-last-coordinator');
    }
    await repo.removeMember(trx, c.id, person.id);
    // Ambassadors are members: leaving the group ends a current term today (the person is told, unless they left).
    const open = await repo.openTerms(trx, c.id, person.id, day);
    for (const t of open) {
      const end = t.start_date > day ? t.start_date : day;
      await repo.endTerm(trx, t.id, end, user.id, ctx.now);
      await audit(trx, {
        ...who,
        action: 'ambassador.end',
        ...object(c.id),
        details: { userId: person.id, termId: t.id, end, reason: 'left_group' },
      });
    }
    await notifyTermsEnded(trx, c, open, user.id, ctx.now);
    await audit(trx, {
      ...who,
      action: person.id === user.id ? 'community.leave' : 'community.member_remove',
      ...object(c.id),
      details: { userId: person.id },
    });
  });
}

export async function setMemberRole(
  ctx: Ctx,
  slug: string,
  username: string,
  role: 'member' | 'coordinator',
): Promise<Membership> {
  const c = await findCommunity(ctx, slug);
  await ensureManager(ctx, c.id, 'community.member_role');
  const person = await findPerson(ctx, username);
  return ctx.db.transaction().execute(async (trx) => {
    await repo.lockCommunity(trx, c.id);
    const member = await repo.findMember(trx, c.id, person.id);
    if (!member) throw notFound();
    if (member.role !== role) {
      if (role === 'member' && (await repo.coordinatorIds(trx, c.id)).length <= 1)
        throw conflict('communities-last-coordinator');
      await repo.setMemberRole(trx, c.id, person.id, role);
      await audit(trx, {
        ...actorOf(ctx),
        action: 'community.member_role',
        ...object(c.id),
        details: { userId: person.id, role },
      });
    }
    return { username: person.username, role, joinedAt: member.joined_at.toISOString() };
  });
}

export async function designate(ctx: Ctx, slug: string, body: Designate): Promise<TermAnswer> {
  const c = await findCommunity(ctx, slug);
  const user = await ensureManager(ctx, c.id, 'ambassador.designate');
  if (!c.is_partner) throw conflict('communities-not-partner');
  const person = await repo.findUserByKey(ctx.db, usernameKey(body.username));
  if (!person)
    throw badRequest([{ field: 'username', message: 'communities-unknown-person', params: [body.username] }]);
  const day = today(ctx);
  const term = await ctx.db.transaction().execute(async (trx) => {
    await repo.lockCommunity(trx, c.id);
    if (!(await repo.findMember(trx, c.id, person.id)))
      throw conflict('communities-ambassador-not-member', 'username', [person.username]);
    if ((await repo.overlappingTerms(trx, c.id, person.id, body.start, body.end ?? null)).length) {
      throw conflict('communities-term-overlap', 'start', [person.username]);
    }
    const row = await repo.insertTerm(trx, {
      community_id: c.id,
      user_id: person.id,
      start_date: body.start,
      end_date: body.end ?? null,
      designated_by: user.id,
    });
    await audit(trx, {
      ...actorOf(ctx),
      action: 'ambassador.designate',
      ...object(c.id),
      details: { userId: person.id, termId: row.id, start: row.start_date, end: row.end_date },
    });
    await notifyDesignated(trx, c, person.id, row.id, user.id, ctx.now);
    return row;
  });
  return presentTermAnswer({ ...(await repo.personOf(ctx.db, person.id)), ...term }, day);
}

/** Ends the person's current term today (a term not started yet ends on its first day); it stays in history. */
export async function endAmbassador(ctx: Ctx, slug: string, username: string): Promise<void> {
  const c = await findCommunity(ctx, slug);
  const user = await ensureManager(ctx, c.id, 'ambassador.end');
  const person = await findPerson(ctx, username);
  const day = today(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.lockCommunity(trx, c.id);
    const open = await repo.openTerms(trx, c.id, person.id, day);
    if (open.length === 0) throw notFound();
    for (const t of open) {
      const end = t.start_date > day ? t.start_date : day;
      await repo.endTerm(trx, t.id, end, user.id, ctx.now);
      await audit(trx, {
        ...actorOf(ctx),
        action: 'ambassador.end',
        ...object(c.id),
        details: { userId: person.id, termId: t.id, end },
      });
    }
    await notifyTermsEnded(trx, c, open, user.id, ctx.now);
  });
}
