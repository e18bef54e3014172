// Reading lists: ordered sources with a note each, kept by a person or by a group (its coordinators and
// current ambassadors). Anyone reads them; each use case that changes one checks who keeps it first.
import type { ReadingList, ReadingListSummary } from '../../../../contracts/sources';
import type { Db } from '../../../db/connection';
import { ensure, requireUser } from '../../../http/access';
import { actorOf, audit } from '../../../http/audit';
import type { Ctx, CurrentUser } from '../../../http/context';
import { badRequest, conflict, notFound } from '../../../http/errors';
import { decodeTimeIdCursor, page } from '../../../http/pagination';
import { storedHtml } from '../../../markdown/stored';
import { rolesInCommunity, todayUtc } from '../../communities';
import { parseId } from '../../conversations';
import { presentJoinedPerson } from '../../people';
import { canEditList, keepsGroupLists, type GroupKeeper } from './policy';
import { presentSourceListItem } from '../list-item';
import {
  deleteList,
  existingSources,
  findCommunity,
  findList,
  findUserId,
  insertList,
  itemsOf,
  listLists,
  lockList,
  replaceItems,
  updateList,
  type ListRow,
} from './repo';
import type { CreateBody, ItemsBody, ListsQuery, PatchBody } from './schema';
import { notifyReadingListChanged } from '../notify';

const NO_ROLES: GroupKeeper = { coordinator: false, ambassador: false };

async function rolesFor(ctx: Ctx, user: CurrentUser | null, communityId: number | null): Promise<GroupKeeper> {
  if (!user || communityId === null) return NO_ROLES;
  return rolesInCommunity(ctx.db, user.id, communityId, todayUtc(ctx.now));
}

const mayEdit = async (ctx: Ctx, l: ListRow) =>
  canEditList(ctx.actor, l, await rolesFor(ctx, ctx.actor, l.community_id));

export async function loadList(ctx: Pick<Ctx, 'db'>, idParam: string): Promise<ListRow> {
  const id = parseId(idParam);
  const row = id === null ? undefined : await findList(ctx.db, id);
  if (!row) throw notFound();
  return row;
}

function presentSummary(l: ListRow): ReadingListSummary {
  return {
    id: String(l.id),
    title: l.title,
    owner: presentJoinedPerson(l.username, l.display_name, l.public_fields),
    community: l.community_slug && l.community_name ? { slug: l.community_slug, name: l.community_name } : null,
    count: l.count,
    updatedAt: l.updated_at.toISOString(),
  };
}

export async function listReadingLists(ctx: Ctx, q: ListsQuery) {
  const filter: { ownerId?: number; communityId?: number } = {};
  if (q.owner !== undefined) {
    const id = await findUserId(ctx.db, q.owner);
    if (id === undefined) return { items: [], next: null };
    filter.ownerId = id;
  }
  if (q.community !== undefined) {
    const g = await findCommunity(ctx.db, q.community);
    if (!g) return { items: [], next: null };
    filter.communityId = g.id;
  }
  const rows = await listLists(ctx.db, filter, decodeTimeIdCursor(q.cursor), q.limit + 1);
  const { items, next } = page(rows, q.limit, (r) => [r.updated_at.toISOString(), r.id]);
  return { items: items.map(presentSummary), next };
}

export async function getReadingList(ctx: Ctx, idParam: string): Promise<ReadingList> {
  const l = await loadList(ctx, idParam);
  const [items, edit] = await Promise.all([itemsOf(ctx.db, l.id), mayEdit(ctx, l)]);
  return {
    ...presentSummary(l),
    description: l.description,
    descriptionHtml: storedHtml(l.description, l.description_html, l.html_version),
    items: items.map((i) => ({
      source: presentSourceListItem(i),
      note: i.note,
      noteHtml: storedHtml(i.note, i.note_html, i.note_version),
    })),
    revision: l.revision,
    can: { edit },
  };
}

export async function createReadingList(ctx: Ctx, body: CreateBody): Promise<ReadingList> {
  const user = requireUser(ctx);
  let communityId: number | null = null;
  if (body.community !== undefined) {
    const g = await findCommunity(ctx.db, body.community);
    if (!g) throw badRequest([{ field: 'community', message: 'reading-lists-community-unknown' }]);
    await ensure(ctx, keepsGroupLists(user, await rolesFor(ctx, user, g.id)), 'reading_list.create', {
      type: 'community',
      id: g.id,
    });
    communityId = g.id;
  }
  const id = await ctx.db.transaction().execute(async (trx) => {
    const newId = await insertList(trx, {
      title: body.title,
      description: body.description ?? '',
      ownerId: communityId === null ? user.id : null,
      communityId,
      by: user.id,
      at: ctx.now,
    });
    await audit(trx, {
      ...actorOf(ctx),
      action: 'reading_list.create',
      objectType: 'reading_list',
      objectId: newId,
      details: { title: body.title, community: communityId },
    });
    return newId;
  });
  return getReadingList(ctx, String(id));
}

/** The list, when this person may change it: 401, 404, then 403 (logged). */
async function editable(ctx: Ctx, idParam: string, action: string): Promise<ListRow> {
  requireUser(ctx);
  const l = await loadList(ctx, idParam);
  await ensure(ctx, await mayEdit(ctx, l), action, { type: 'reading_list', id: l.id });
  return l;
}

/** Runs `change` with the list locked; 404 when it went meanwhile, 409 when it moved past `baseRevision`. */
async function changeLocked(
  ctx: Ctx,
  id: number,
  baseRevision: number | undefined,
  change: (trx: Db, revision: number) => Promise<void>,
) {
  await ctx.db.transaction().execute(async (trx) => {
    const revision = await lockList(trx, id);
    if (revision === undefined) throw notFound();
    if (baseRevision !== undefined && baseRevision !== revision)
      throw conflict('reading-lists-edit-conflict', 'baseRevision');
    await change(trx, revision);
  });
}

export async function patchReadingList(ctx: Ctx, idParam: string, body: PatchBody): Promise<ReadingList> {
  const l = await editable(ctx, idParam, 'reading_list.edit');
  const values: { title?: string; description?: string } = {};
  if (body.title !== undefined) values.title = body.title;
  if (body.description !== undefined) values.description = body.description;
  // Nothing named: no new revision, the list as it is.
  if (Object.keys(values).length === 0) return getReadingList(ctx, String(l.id));
  await changeLocked(ctx, l.id, body.baseRevision, async (trx, revision) => {
    await updateList(trx, l.id, values, ctx.now);
    await audit(trx, {
      ...actorOf(ctx),
      action: 'reading_list.edit',
      objectType: 'reading_list',
      objectId: l.id,
      details: { fields: Object.keys(values), revision: revision + 1 },
    });
  });
  return getReadingList(ctx, String(l.id));
}

export async function putReadingListItems(ctx: Ctx, idParam: string, body: ItemsBody): Promise<ReadingList> {
  const l = await editable(ctx, idParam, 'reading_list.items');
  const items = body.items.map((i) => ({ sourceId: Number(i.source), note: i.note ?? '' }));
  const known = await existingSources(
    ctx.db,
    items.map((i) => i.sourceId),
  );
  const unknown = items.flatMap((i, n) =>
    known.has(i.sourceId) ? [] : [{ field: `items.${n}.source`, message: 'reading-lists-source-unknown' }],
  );
  if (unknown.length) throw badRequest(unknown);
  await changeLocked(ctx, l.id, undefined, async (trx, revision) => {
    await replaceItems(trx, l.id, items);
    await updateList(trx, l.id, {}, ctx.now);
    await audit(trx, {
      ...actorOf(ctx),
      action: 'reading_list.items',
      objectType: 'reading_list',
      objectId: l.id,
      details: { count: items.length, revision: revision + 1 },
    });
    await notifyReadingListChanged(trx, l.id, ctx.actor?.id ?? null, ctx.now);
  });
  return getReadingList(ctx, String(l.id));
}

export async function deleteReadingList(ctx: Ctx, idParam: string): Promise<void> {
  const l = await editable(ctx, idParam, 'reading_list.delete');
  await ctx.db.transaction().execute(async (trx) => {
    await deleteList(trx, l.id);
    await audit(trx, {
      ...actorOf(ctx),
      action: 'reading_list.delete',
      objectType: 'reading_list',
      objectId: l.id,
      details: { title: l.title },
    });
  });
}
