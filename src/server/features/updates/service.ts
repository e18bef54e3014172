// Community Updates: posts in Markdown by admins and by the coordinators and current ambassadors of the
// group they are about. Each use case checks who may do it first.
import type { Ctx } from '../../http/context';
import { actorOf, audit } from '../../http/audit';
import { badRequest, notFound } from '../../http/errors';
import { decodeTimeIdCursor, page } from '../../http/pagination';
import { ensure, hasRole, requireUser } from '../../http/access';
import type { PostableCommunities, UpdateDetail, UpdateFilters, UpdateList } from '../../../contracts/updates';
import { communitiesLedBy, todayUtc } from '../communities';
import { recordActivity } from '../notifications';
import { announce } from '../telegram';
import { presentUpdate, presentUpdateDetail } from './present';
import { mayDeleteNow, mayDeleteUpdate, mayEditUpdate, mayPostAtAll, mayPostFor } from './policy';
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

async function loadUpdate(ctx: Pick<Ctx, 'db'>, idParam: string): Promise<UpdateRow> {
  const id = parseId(idParam);
  const row = id === null ? undefined : await findUpdate(ctx.db, id);
  if (!row) throw notFound();
  return row;
}

/** The update as it is now, just written in this use case. */
async function reloaded(ctx: Pick<Ctx, 'db'>, id: number): Promise<UpdateRow> {
  const row = await findUpdate(ctx.db, id);
  if (!row) throw new Error(`update ${id} vanished after it was written`);
  return row;
}

export async function createUpdate(ctx: Ctx, body: CreateUpdateBody): Promise<UpdateDetail> {
  const user = requireUser(ctx);
  const { db, now } = ctx;
  // Someone who leads no group at all is refused before anything about the group they named is revealed.
  const led = hasRole(user, 'admin') ? [] : await communitiesLedBy(db, user.id, todayUtc(now));
  await ensure(ctx, mayPostAtAll(user, led), 'update.create');
  const community = await findCommunityBySlug(db, body.community);
  if (!community) throw badRequest([{ field: 'community', message: 'updates-community-unknown' }]);
  await ensure(ctx, mayPostFor(user, led, community.id), 'update.create', { type: 'community', id: community.id });
  const id = await db.transaction().execute(async (trx) => {
    const row = await insertUpdate(trx, {
      communityId: community.id,
      authorId: user.id,
      title: body.title,
      body: body.body,
      language: body.language,
      at: now,
    });
    await audit(trx, {
      ...actorOf(ctx),
      action: 'update.create',
      objectType: 'update',
      objectId: row.id,
      details: { community: community.slug, title: body.title },
    });
    await recordActivity(trx, {
      type: 'update',
      actorId: user.id,
      at: now,
      updateId: row.id,
      communityId: community.id,
    });
    await announce(trx, ctx.deps, {
      event: 'update',
      subject: { type: 'update', id: row.id },
      language: body.language,
      title: body.title,
      path: `/updates/${row.id}`,
      params: [community.name],
    });
    return row.id;
  });
  return presentUpdateDetail(await reloaded(ctx, id), user);
}

export async function getUpdate(ctx: Ctx, idParam: string): Promise<UpdateDetail> {
  return presentUpdateDetail(await loadUpdate(ctx, idParam), ctx.actor);
}

export async function listUpdatesPage(ctx: Ctx, q: ListUpdatesQuery): Promise<UpdateList> {
  const after = decodeTimeIdCursor(q.cursor);
  const rows = await listUpdates(ctx.db, { community: q.community, language: q.language, after, limit: q.limit });
  const { items, next } = page(rows, q.limit, (r) => [r.published_at.toISOString(), r.id]);
  return { items: items.map(presentUpdate), next };
}

export async function patchUpdate(ctx: Ctx, idParam: string, body: PatchUpdateBody): Promise<UpdateDetail> {
  const user = requireUser(ctx);
  const row = await loadUpdate(ctx, idParam);
  await ensure(ctx, mayEditUpdate(user, row), 'update.edit', { type: 'update', id: row.id });
  const changed = (['title', 'body', 'language'] as const).filter((k) => body[k] !== undefined && body[k] !== row[k]);
  if (changed.length === 0) return presentUpdateDetail(row, user);
  await ctx.db.transaction().execute(async (trx) => {
    await changeUpdate(trx, row.id, { title: body.title, body: body.body, language: body.language, at: ctx.now });
    await audit(trx, {
      ...actorOf(ctx),
      action: 'update.edit',
      objectType: 'update',
      objectId: row.id,
      details: { fields: changed },
    });
  });
  return presentUpdateDetail(await reloaded(ctx, row.id), user);
}

export async function removeUpdate(ctx: Ctx, idParam: string): Promise<void> {
  const user = requireUser(ctx);
  const row = await loadUpdate(ctx, idParam);
  await ensure(ctx, mayDeleteUpdate(user, row) && mayDeleteNow(user, row), 'update.delete', {
    type: 'update',
    id: row.id,
  });
  await ctx.db.transaction().execute(async (trx) => {
    await deleteUpdate(trx, row.id);
    await audit(trx, {
      ...actorOf(ctx),
      action: 'update.delete',
      objectType: 'update',
      objectId: row.id,
      details: { title: row.title, community: row.community_slug, author: row.author_username },
    });
  });
}

/** The groups the signed-in person may post for: every group for admins, the groups they lead otherwise. */
export async function postableCommunities(ctx: Ctx): Promise<PostableCommunities> {
  const user = requireUser(ctx);
  const rows = hasRole(user, 'admin')
    ? await allCommunities(ctx.db, 1000)
    : await communitiesByIds(ctx.db, await communitiesLedBy(ctx.db, user.id, todayUtc(ctx.now)));
  return { items: rows.map((c) => ({ slug: c.slug, name: c.name })) };
}

export const updateFilters = (ctx: Ctx): Promise<UpdateFilters> => updateFacets(ctx.db);

/** The newest updates for the Atom feed (hidden ones left out), with the list's filters. */
export const feedUpdates = (
  ctx: Ctx,
  f: { community?: string; language?: string },
  size: number,
): Promise<UpdateRow[]> => listUpdates(ctx.db, { community: f.community, language: f.language, limit: size - 1 });
