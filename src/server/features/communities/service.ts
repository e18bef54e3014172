// Groups: register, read, list, change, mark as partner. Each use case checks who may do it first.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../../db/connection';
import { isUniqueViolation } from '../../db/errors';
import { audit } from '../../http/audit';
import { conflict, notFound } from '../../http/errors';
import { decodeCursor, page } from '../../http/pagination';
import { ensure, hasRole, requireUser } from '../../http/permissions';
import { rolesInCommunity, todayUtc } from './roles';
import * as repo from './repo';
import { presentDetail, presentHistory, presentMember, presentSummary } from './present';
import { freeSlug, nameKey, slugBase } from './slug';
import type { CommunitiesQuery, CreateCommunity, UpdateCommunity } from './schema';

export const today = (app: FastifyInstance) => todayUtc(app.deps.clock.now());
const MEMBERS_PAGE = 50;

export async function findCommunity(app: FastifyInstance, slug: string, db: Db = app.db) {
  const row = await repo.findBySlug(db, slug, today(app));
  if (!row) throw notFound();
  return row;
}

/** Coordinators of the group and network admins may change it and manage its members and ambassadors. */
export async function ensureManager(app: FastifyInstance, req: FastifyRequest, communityId: number, action: string) {
  const user = requireUser(req);
  const isAdmin = hasRole(user, 'admin');
  const roles = isAdmin ? null : await rolesInCommunity(app.db, user.id, communityId, today(app));
  await ensure(app.db, req, isAdmin || !!roles?.coordinator, action, { type: 'community', id: communityId });
  return user;
}

const nameTaken = (name: string) => conflict('communities-name-taken', 'name', [name]);

export async function createCommunity(app: FastifyInstance, req: FastifyRequest, body: CreateCommunity) {
  const user = requireUser(req);
  const base = slugBase(body.name);
  const now = app.deps.clock.now();
  // Two different names can meet on one slug at the same moment: try again with the next free one.
  for (let attempt = 0; ; attempt++) {
    try {
      const slug = await app.db.transaction().execute(async (trx) => {
        const created = await repo.insertCommunity(trx, {
          slug: freeSlug(base, await repo.slugsLike(trx, base)),
          name: body.name,
          name_key: nameKey(body.name),
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
        await repo.addMember(trx, created.id, user.id, 'coordinator', now);
        await audit(trx, { actorId: user.id, action: 'community.create', objectType: 'community', objectId: created.id, details: { name: body.name, slug: created.slug }, ip: req.ip });
        return created.slug;
      });
      return getCommunity(app, req, slug);
    } catch (err) {
      if (isUniqueViolation(err) && (err as { constraint?: string }).constraint !== 'communities_slug_key') throw nameTaken(body.name);
      if (!isUniqueViolation(err) || attempt >= 3) throw err;
    }
  }
}

export async function getCommunity(app: FastifyInstance, req: FastifyRequest, slug: string) {
  const db = app.db;
  const c = await findCommunity(app, slug);
  const day = today(app);
  const [coordinators, ambassadors, memberRows, terms, partnerEvents, roles] = await Promise.all([
    repo.listCoordinators(db, c.id),
    repo.currentTerms(db, c.id, day),
    repo.listMembers(db, c.id, null, MEMBERS_PAGE),
    repo.termHistory(db, c.id),
    repo.partnerEvents(db, c.id),
    req.user ? rolesInCommunity(db, req.user.id, c.id, day) : Promise.resolve(null),
  ]);
  const members = page(memberRows, MEMBERS_PAGE, (m) => [m.username_key]);
  const isAdmin = hasRole(req.user, 'admin');
  return presentDetail(c, {
    coordinators,
    ambassadors,
    members: { items: members.items.map(presentMember), next: members.next },
    history: presentHistory(terms, partnerEvents),
    viewer: { member: !!roles?.member, coordinator: !!roles?.coordinator, canEdit: isAdmin || !!roles?.coordinator, isAdmin },
  });
}

export async function listMembers(app: FastifyInstance, slug: string, query: { cursor?: string; limit: number }) {
  const c = await findCommunity(app, slug);
  const [after] = decodeCursor(query.cursor, 1) ?? [null];
  const rows = await repo.listMembers(app.db, c.id, after === null ? null : String(after), query.limit);
  const result = page(rows, query.limit, (m) => [m.username_key]);
  return { items: result.items.map(presentMember), next: result.next };
}

export async function listCommunities(app: FastifyInstance, query: CommunitiesQuery) {
  const [after] = decodeCursor(query.cursor, 1) ?? [null];
  const rows = await repo.listCommunities(app.db, query, after === null ? null : String(after), today(app));
  const result = page(rows, query.limit, (c) => [c.name_key]);
  return { items: result.items.map(presentSummary), next: result.next };
}

export async function updateCommunity(app: FastifyInstance, req: FastifyRequest, slug: string, body: UpdateCommunity) {
  const c = await findCommunity(app, slug);
  const user = await ensureManager(app, req, c.id, 'community.update');
  // Only network admins mark partners: a coordinator who sends `partner` changes nothing at all.
  if (body.partner !== undefined) await ensure(app.db, req, hasRole(user, 'admin'), 'community.partner', { type: 'community', id: c.id });
  const now = app.deps.clock.now();
  const day = today(app);
  const v: repo.CommunityValues = {};
  if (body.name !== undefined && body.name !== c.name) Object.assign(v, { name: body.name, name_key: nameKey(body.name) });
  if (body.kind !== undefined) v.kind = body.kind;
  if (body.region !== undefined) v.region = body.region;
  if (body.country !== undefined) v.country = body.country;
  if (body.languages !== undefined) v.languages = body.languages;
  if (body.metaPage !== undefined) v.meta_page = body.metaPage;
  if (body.website !== undefined) v.website = body.website;
  if (body.wikidataId !== undefined) v.wikidata_id = body.wikidataId;
  if (body.description !== undefined) v.description = body.description.trim();
  const partnerChange = body.partner !== undefined && body.partner !== c.is_partner ? body.partner : undefined;
  if (partnerChange !== undefined) Object.assign(v, { is_partner: partnerChange, partner_since: partnerChange ? day : null });
  if (Object.keys(v).length > 0) {
    try {
      await app.db.transaction().execute(async (trx) => {
        await repo.lockCommunity(trx, c.id);
        await repo.updateCommunity(trx, c.id, v, now);
        const fields = Object.keys(v).filter((k) => !['name_key', 'is_partner', 'partner_since'].includes(k));
        if (fields.length) await audit(trx, { actorId: user.id, action: 'community.update', objectType: 'community', objectId: c.id, details: { fields }, ip: req.ip });
        if (partnerChange === true) await audit(trx, { actorId: user.id, action: 'community.partner_mark', objectType: 'community', objectId: c.id, ip: req.ip });
        if (partnerChange === false) {
          // A group that is no longer a partner has no ambassadors: their terms end today and stay in history.
          const ended = await repo.endOpenTermsOfCommunity(trx, c.id, day, user.id, now);
          if (ended.length) {
            await audit(trx, { actorId: user.id, action: 'ambassador.end', objectType: 'community', objectId: c.id, details: { terms: ended, reason: 'partner_unmarked' }, ip: req.ip });
          }
          await audit(trx, { actorId: user.id, action: 'community.partner_unmark', objectType: 'community', objectId: c.id, ip: req.ip });
        }
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw nameTaken(body.name ?? c.name);
      throw err;
    }
  }
  return getCommunity(app, req, slug);
}

export async function networkStats(app: FastifyInstance) {
  return repo.stats(app.db, today(app));
}

export async function communityLanguages(app: FastifyInstance) {
  return { items: await repo.languagesOfCommunities(app.db), next: null };
}
