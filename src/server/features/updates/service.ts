// Community Updates: posts in Markdown by admins and by the coordinators and current ambassadors of the
// group they are about. Each use case checks who may do it first.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actorOf, audit } from '../../http/audit';
import { badRequest, notFound } from '../../http/errors';
import { decodeTimeIdCursor, page } from '../../http/pagination';
import { ensure, hasRole, requireUser } from '../../http/permissions';
import { communitiesLedBy, todayUtc } from '../communities/roles';
import { recordActivity } from '../notifications/service';
import { announce } from '../telegram/service';
import { canDeleteUpdate, canEditUpdate, presentUpdate, presentUpdateDetail } from './present';
import {
  allCommunities,
  changeUpdate,
  communitiesByIds,
  deleteUpdate,
  findCommunityBySlug,
  findUpdate,
  insertUpdate,
  listUpdates,
  updateFacets,
  type UpdateRow,
} from './repo';
import { parseId, type CreateUpdateBody, type ListUpdatesQuery, type PatchUpdateBody } from './schema';

async function loadUpdate(app: FastifyInstance, idParam: string): Promise<UpdateRow> {
  const id = parseId(idParam);
  const row = id === null ? undefined : await findUpdate(app.db, id);
  if (!row) throw notFound();
  return row;
}

export async function createUpdate(app: FastifyInstance, req: FastifyRequest, body: CreateUpdateBody) {
  const user = requireUser(req);
  const db = app.db;
  const now = app.deps.clock.now();
  const isAdmin = hasRole(user, 'admin');
  // Someone who leads no group at all is refused before anything about the group they named is revealed.
  const led = isAdmin ? [] : await communitiesLedBy(db, user.id, todayUtc(now));
  await ensure(db, req, isAdmin || led.length > 0, 'update.create');
  const community = await findCommunityBySlug(db, body.community);
  if (!community) throw badRequest([{ field: 'community', message: 'updates-community-unknown' }]);
  await ensure(db, req, isAdmin || led.includes(community.id), 'update.create', { type: 'community', id: community.id });
  const id = await db.transaction().execute(async (trx) => {
    const row = await insertUpdate(trx, { communityId: community.id, authorId: user.id, title: body.title, body: body.body, language: body.language, at: now });
    await audit(trx, { ...actorOf(req), action: 'update.create', objectType: 'update', objectId: row.id, details: { community: community.slug, title: body.title } });
    await recordActivity(trx, { type: 'update', actorId: user.id, at: now, updateId: row.id, communityId: community.id });
    await announce(trx, app.deps, { event: 'update', subject: { type: 'update', id: row.id }, language: body.language, title: body.title, path: `/updates/${row.id}`, params: [community.name] });
    return row.id;
  });
  return presentUpdateDetail((await findUpdate(db, id))!, user);
}

export async function getUpdate(app: FastifyInstance, req: FastifyRequest, idParam: string) {
  return presentUpdateDetail(await loadUpdate(app, idParam), req.user);
}

export async function listUpdatesPage(app: FastifyInstance, q: ListUpdatesQuery) {
  const after = decodeTimeIdCursor(q.cursor);
  const rows = await listUpdates(app.db, { community: q.community, language: q.language, after, limit: q.limit });
  const { items, next } = page(rows, q.limit, (r) => [r.published_at.toISOString(), r.id]);
  return { items: items.map(presentUpdate), next };
}

export async function patchUpdate(app: FastifyInstance, req: FastifyRequest, idParam: string, body: PatchUpdateBody) {
  const user = requireUser(req);
  const row = await loadUpdate(app, idParam);
  await ensure(app.db, req, canEditUpdate(user, row), 'update.edit', { type: 'update', id: row.id });
  const changed = (['title', 'body', 'language'] as const).filter((k) => body[k] !== undefined && body[k] !== row[k]);
  if (changed.length === 0) return presentUpdateDetail(row, user);
  await app.db.transaction().execute(async (trx) => {
    await changeUpdate(trx, row.id, { title: body.title, body: body.body, language: body.language, at: app.deps.clock.now() });
    await audit(trx, { ...actorOf(req), action: 'update.edit', objectType: 'update', objectId: row.id, details: { fields: changed } });
  });
  return presentUpdateDetail((await findUpdate(app.db, row.id))!, user);
}

export async function removeUpdate(app: FastifyInstance, req: FastifyRequest, idParam: string) {
  const user = requireUser(req);
  const row = await loadUpdate(app, idParam);
  await ensure(app.db, req, canDeleteUpdate(user, row), 'update.delete', { type: 'update', id: row.id });
  await app.db.transaction().execute(async (trx) => {
    await deleteUpdate(trx, row.id);
    await audit(trx, {
      ...actorOf(req),
      action: 'update.delete',
      objectType: 'update',
      objectId: row.id,
      details: { title: row.title, community: row.community_slug, author: row.author_username },
    });
  });
}

/** The groups the signed-in person may post for: every group for admins, the groups they lead otherwise. */
export async function postableCommunities(app: FastifyInstance, req: FastifyRequest) {
  const user = requireUser(req);
  const rows = hasRole(user, 'admin')
    ? await allCommunities(app.db, 1000)
    : await communitiesByIds(app.db, await communitiesLedBy(app.db, user.id, todayUtc(app.deps.clock.now())));
  return { items: rows.map((c) => ({ slug: c.slug, name: c.name })) };
}

export const updateFilters = (app: FastifyInstance) => updateFacets(app.db);

