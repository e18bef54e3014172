// Groups: register, read, list, change, mark as partner. Each use case checks who may do it first.
import type { Ctx } from '../../http/context';
import { isUniqueViolation } from '../../db/errors';
import { actorOf, audit } from '../../http/audit';
import { conflict, notFound } from '../../http/errors';
import { decodeCursor, page } from '../../http/pagination';
import { ensure, requireUser } from '../../http/access';
import type {
  CommunityDetail,
  CommunitiesAnswer,
  CommunityLanguagesAnswer,
  MembersAnswer,
  Stats,
} from '../../../contracts/communities';
import { rolesInCommunity, todayUtc } from './roles';
import * as repo from './repo';
import { presentDetail, presentHistory, presentMember, presentSummary } from './present';
import { mayManageCommunity, mayMarkPartner, viewerOf } from './policy';
import { freeSlug, slugBase } from './slug';
import { ensureGroupNameFree, nameColumns } from './names';
import { notifyPartnerChange, notifyTermsEnded } from './notify';
import type { CommunitiesQuery, CreateCommunity, UpdateCommunity } from './schema';

/** Today's date (UTC) as the use case sees it: terms are calendar dates. */
export const today = (ctx: Pick<Ctx, 'now'>) => todayUtc(ctx.now);
const MEMBERS_PAGE = 50;

export async function findCommunity(ctx: Pick<Ctx, 'db' | 'now'>, slug: string) {
  const row = await repo.findBySlug(ctx.db, slug, today(ctx));
  if (!row) throw notFound();
  return row;
}

/** Coordinators of the group and network admins may change it and manage its members and ambassadors. */
export async function ensureManager(ctx: Ctx, communityId: number, action: string) {
  const user = requireUser(ctx);
  const roles = mayManageCommunity(user, null)
    ? null
    : await rolesInCommunity(ctx.db, user.id, communityId, today(ctx));
  await ensure(ctx, mayManageCommunity(user, roles), action, { type: 'community', id: communityId });
  return user;
}

const nameTaken = (name: string) => conflict('communities-name-taken', 'name', [name]);

export async function createCommunity(ctx: Ctx, body: CreateCommunity): Promise<CommunityDetail> {
  const user = requireUser(ctx);
  await ensureGroupNameFree(ctx.db, body.name);
  const base = slugBase(body.name);
  // Two different names can meet on one slug at the same moment: try again with the next free one.
  for (let attempt = 0; ; attempt++) {
    try {
      const slug = await ctx.db.transaction().execute(async (trx) => {
        const created = await repo.insertCommunity(trx, {
          slug: freeSlug(base, await repo.slugsLike(trx, base)),
          ...nameColumns(body.name),
          kind: body.kind,
          region: body.region,
          country: body.country ?? null,
          languages: body.languages ?? [],
          meta_page: body.metaPage ?? null,
          website: body.website ?? null,
          wikidata_id: body.wikidataId ?? null,
          description: body.description?.trim() ?? '',
          created_by: user.id,
        });
        await repo.addMember(trx, created.id, user.id, 'coordinator', ctx.now);
        await audit(trx, {
          ...actorOf(ctx),
          action: 'community.create',
          objectType: 'community',
          objectId: created.id,
          details: { name: body.name, slug: created.slug },
        });
        return created.slug;
      });
      return getCommunity(ctx, slug);
    } catch (err) {
      if (isUniqueViolation(err) && (err as { constraint?: string }).constraint !== 'communities_slug_key')
        throw nameTaken(body.name);
      if (!isUniqueViolation(err) || attempt >= 3) throw err;
    }
  }
}

export async function getCommunity(ctx: Ctx, slug: string): Promise<CommunityDetail> {
  const { db, actor } = ctx;
  const c = await findCommunity(ctx, slug);
  const day = today(ctx);
  const [coordinators, ambassadors, memberRows, terms, partnerEvents, roles] = await Promise.all([
    repo.listCoordinators(db, c.id),
    repo.currentTerms(db, c.id, day),
    repo.listMembers(db, c.id, null, MEMBERS_PAGE),
    repo.termHistory(db, c.id),
    repo.partnerEvents(db, c.id),
    actor ? rolesInCommunity(db, actor.id, c.id, day) : Promise.resolve(null),
  ]);
  const members = page(memberRows, MEMBERS_PAGE, (m) => [m.username_key]);
  return presentDetail(c, {
    coordinators,
    ambassadors,
    members: { items: members.items.map(presentMember), next: members.next },
    history: presentHistory(terms, partnerEvents),
    viewer: viewerOf(actor, roles),
  });
}

export async function listMembers(
  ctx: Ctx,
  slug: string,
  query: { cursor?: string; limit: number },
): Promise<MembersAnswer> {
  const c = await findCommunity(ctx, slug);
  const [after = null] = decodeCursor(query.cursor, ['text']) ?? [];
  const rows = await repo.listMembers(ctx.db, c.id, after, query.limit);
  const result = page(rows, query.limit, (m) => [m.username_key]);
  return { items: result.items.map(presentMember), next: result.next };
}

export async function listCommunities(ctx: Ctx, query: CommunitiesQuery): Promise<CommunitiesAnswer> {
  const [after = null] = decodeCursor(query.cursor, ['text']) ?? [];
  const rows = await repo.listCommunities(ctx.db, query, after, today(ctx));
  const result = page(rows, query.limit, (c) => [c.name_key]);
  return { items: result.items.map(presentSummary), next: result.next };
}

export async function updateCommunity(ctx: Ctx, slug: string, body: UpdateCommunity): Promise<CommunityDetail> {
  const c = await findCommunity(ctx, slug);
  const user = await ensureManager(ctx, c.id, 'community.update');
  // Only network admins mark partners: a coordinator who sends `partner` changes nothing at all.
  if (body.partner !== undefined)
    await ensure(ctx, mayMarkPartner(user), 'community.partner', { type: 'community', id: c.id });
  const now = ctx.now;
  const day = today(ctx);
  const v: repo.CommunityValues = {};
  if (body.name !== undefined && body.name !== c.name) {
    await ensureGroupNameFree(ctx.db, body.name, c.id);
    Object.assign(v, nameColumns(body.name));
  }
  if (body.kind !== undefined) v.kind = body.kind;
  if (body.region !== undefined) v.region = body.region;
  if (body.country !== undefined) v.country = body.country;
  if (body.languages !== undefined) v.languages = body.languages;
  if (body.metaPage !== undefined) v.meta_page = body.metaPage;
  if (body.website !== undefined) v.website = body.website;
  if (body.wikidataId !== undefined) v.wikidata_id = body.wikidataId;
  if (body.description !== undefined) v.description = body.description.trim();
  const partnerChange = body.partner !== undefined && body.partner !== c.is_partner ? body.partner : undefined;
  if (partnerChange !== undefined)
    Object.assign(v, { is_partner: partnerChange, partner_since: partnerChange ? day : null });
  if (Object.keys(v).length > 0) {
    const who = actorOf(ctx);
    try {
      await ctx.db.transaction().execute(async (trx) => {
        await repo.lockCommunity(trx, c.id);
        await repo.updateCommunity(trx, c.id, v, now);
        const fields = Object.keys(v).filter(
          (k) => !['name_key', 'name_skeleton', 'is_partner', 'partner_since'].includes(k),
        );
        if (fields.length)
          await audit(trx, {
            ...who,
            action: 'community.update',
            objectType: 'community',
            objectId: c.id,
            details: { fields },
          });
        // The coordinators (and ambassadors whose terms end) are told, under the group's new name if it has one.
        const told = { id: c.id, slug: c.slug, name: v.name ?? c.name };
        if (partnerChange !== undefined) await notifyPartnerChange(trx, told, partnerChange, user.id, now);
        if (partnerChange === true)
          await audit(trx, { ...who, action: 'community.partner_mark', objectType: 'community', objectId: c.id });
        if (partnerChange === false) {
          // A group that is no longer a partner has no ambassadors: their terms end today and stay in history.
          const ended = await repo.endOpenTermsOfCommunity(trx, c.id, day, user.id, now);
          if (ended.length) {
            await audit(trx, {
              ...who,
              action: 'ambassador.end',
              objectType: 'community',
              objectId: c.id,
              details: { terms: ended, reason: 'partner_unmarked' },
            });
          }
          await notifyTermsEnded(trx, told, ended, user.id, now);
          await audit(trx, { ...who, action: 'community.partner_unmark', objectType: 'community', objectId: c.id });
        }
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw nameTaken(body.name ?? c.name);
      throw err;
    }
  }
  return getCommunity(ctx, slug);
}

export const networkStats = (ctx: Ctx): Promise<Stats> => repo.stats(ctx.db, today(ctx));

export async function communityLanguages(ctx: Ctx): Promise<CommunityLanguagesAnswer> {
  return { items: await repo.languagesOfCommunities(ctx.db), next: null };
}
