// Memberships and ambassador terms of a group. Each use case checks who may do it first.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { audit } from '../../http/audit';
import { badRequest, conflict, notFound } from '../../http/errors';
import { requireUser } from '../../http/permissions';
import { usernameKey } from '../../../contracts/usernames';
import * as repo from './repo';
import { presentTermAnswer } from './present';
import { ensureManager, findCommunity, today } from './service';
import type { Designate } from './schema';

const object = (id: number) => ({ objectType: 'community', objectId: id });

export async function join(app: FastifyInstance, req: FastifyRequest, slug: string) {
  const user = requireUser(req);
  const c = await findCommunity(app, slug);
  const now = app.deps.clock.now();
  const added = await app.db.transaction().execute(async (trx) => {
    const row = await repo.addMember(trx, c.id, user.id, 'member', now);
    if (row) await audit(trx, { actorId: user.id, action: 'community.join', ...object(c.id), ip: req.ip });
    return row;
  });
  if (!added) throw conflict('communities-already-member');
  return { username: user.username, role: added.role, joinedAt: added.joined_at.toISOString() };
}

async function findPerson(app: FastifyInstance, name: string) {
  const person = await repo.findUserByKey(app.db, usernameKey(name));
  if (!person) throw notFound();
  return person;
}

/** The person themself, the group's coordinators and network admins may remove a member. */
export async function removeMember(app: FastifyInstance, req: FastifyRequest, slug: string, username: string) {
  const user = requireUser(req);
  const c = await findCommunity(app, slug);
  const person = await findPerson(app, username);
  if (person.id !== user.id) await ensureManager(app, req, c.id, 'community.member_remove');
  const day = today(app);
  const now = app.deps.clock.now();
  await app.db.transaction().execute(async (trx) => {
    await repo.lockCommunity(trx, c.id);
    const member = await repo.findMember(trx, c.id, person.id);
    if (!member) throw notFound();
    if (member.role === 'coordinator') {
      const coordinators = await repo.coordinatorIds(trx, c.id);
      if (coordinators.length <= 1) throw conflict('communities-last-coordinator');
    }
    await repo.removeMember(trx, c.id, person.id);
    // Ambassadors are members: leaving the group ends a current term today.
    for (const t of await repo.openTerms(trx, c.id, person.id, day)) {
      const end = t.start_date > day ? t.start_date : day;
      await repo.endTerm(trx, t.id, end, user.id, now);
      await audit(trx, { actorId: user.id, action: 'ambassador.end', ...object(c.id), details: { userId: person.id, termId: t.id, end, reason: 'left_group' }, ip: req.ip });
    }
    await audit(trx, {
      actorId: user.id,
      action: person.id === user.id ? 'community.leave' : 'community.member_remove',
      ...object(c.id),
      details: { userId: person.id },
      ip: req.ip,
    });
  });
}

export async function setMemberRole(app: FastifyInstance, req: FastifyRequest, slug: string, username: string, role: 'member' | 'coordinator') {
  const c = await findCommunity(app, slug);
  const user = await ensureManager(app, req, c.id, 'community.member_role');
  const person = await findPerson(app, username);
  return app.db.transaction().execute(async (trx) => {
    await repo.lockCommunity(trx, c.id);
    const member = await repo.findMember(trx, c.id, person.id);
    if (!member) throw notFound();
    if (member.role !== role) {
      if (role === 'member' && (await repo.coordinatorIds(trx, c.id)).length <= 1) throw conflict('communities-last-coordinator');
      await repo.setMemberRole(trx, c.id, person.id, role);
      await audit(trx, { actorId: user.id, action: 'community.member_role', ...object(c.id), details: { userId: person.id, role }, ip: req.ip });
    }
    return { username: person.username, role, joinedAt: member.joined_at.toISOString() };
  });
}

export async function designate(app: FastifyInstance, req: FastifyRequest, slug: string, body: Designate) {
  const c = await findCommunity(app, slug);
  const user = await ensureManager(app, req, c.id, 'ambassador.designate');
  if (!c.is_partner) throw conflict('communities-not-partner');
  const person = await repo.findUserByKey(app.db, usernameKey(body.username));
  if (!person) throw badRequest([{ field: 'username', message: 'communities-unknown-person', params: [body.username] }]);
  const day = today(app);
  const term = await app.db.transaction().execute(async (trx) => {
    await repo.lockCommunity(trx, c.id);
    if (!(await repo.findMember(trx, c.id, person.id))) throw conflict('communities-ambassador-not-member', 'username', [person.username]);
    if ((await repo.overlappingTerms(trx, c.id, person.id, body.start, body.end ?? null)).length) {
      throw conflict('communities-term-overlap', 'start', [person.username]);
    }
    const row = await repo.insertTerm(trx, { community_id: c.id, user_id: person.id, start_date: body.start, end_date: body.end ?? null, designated_by: user.id });
    await audit(trx, {
      actorId: user.id,
      action: 'ambassador.designate',
      ...object(c.id),
      details: { userId: person.id, termId: row.id, start: row.start_date, end: row.end_date },
      ip: req.ip,
    });
    return row;
  });
  const profile = await app.db.selectFrom('users').select(['username', 'display_name', 'public_fields']).where('id', '=', person.id).executeTakeFirstOrThrow();
  return presentTermAnswer({ ...profile, ...term }, day);
}

/** Ends the person's current term today (a term not started yet ends on its first day); it stays in history. */
export async function endAmbassador(app: FastifyInstance, req: FastifyRequest, slug: string, username: string) {
  const c = await findCommunity(app, slug);
  const user = await ensureManager(app, req, c.id, 'ambassador.end');
  const person = await findPerson(app, username);
  const day = today(app);
  const now = app.deps.clock.now();
  await app.db.transaction().execute(async (trx) => {
    await repo.lockCommunity(trx, c.id);
    const open = await repo.openTerms(trx, c.id, person.id, day);
    if (open.length === 0) throw notFound();
    for (const t of open) {
      const end = t.start_date > day ? t.start_date : day;
      await repo.endTerm(trx, t.id, end, user.id, now);
      await audit(trx, { actorId: user.id, action: 'ambassador.end', ...object(c.id), details: { userId: person.id, termId: t.id, end }, ip: req.ip });
    }
  });
}

