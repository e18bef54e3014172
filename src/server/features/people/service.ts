// Profiles and the participants directory. Each use case checks who may do it first.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { audit } from '../../http/audit';
import { conflict, notFound } from '../../http/errors';
import { decodeCursor, page } from '../../http/pagination';
import { requireUser } from '../../http/permissions';
import { usernameKey, usernameToPath } from '../../../contracts/usernames';
import { todayUtc } from '../communities/roles';
import { groupsOfPeople, termsOfPeople } from '../communities/people-view';
import * as repo from './repo';
import { presentOwnProfile, presentParticipant, presentPerson } from './present';
import type { ParticipantsQuery, ProfilePatch } from './schema';

const today = (app: FastifyInstance) => todayUtc(app.deps.clock.now());

export type PersonResult = { person: ReturnType<typeof presentPerson> } | { moved: { username: string; location: string } };

/** One person's page data; an old username answers where the person is now. */
export async function getPerson(app: FastifyInstance, req: FastifyRequest, name: string): Promise<PersonResult> {
  const db = app.db;
  const key = usernameKey(name);
  const row = await repo.findProfileByKey(db, key);
  if (!row) {
    const renamed = await repo.findRenamed(db, key);
    if (!renamed) throw notFound();
    return { moved: { username: renamed.username, location: `/api/v1/people/${usernameToPath(renamed.username)}` } };
  }
  const [groups, terms] = await Promise.all([groupsOfPeople(db, [row.id]), termsOfPeople(db, [row.id])]);
  return { person: presentPerson(row, req.user?.id === row.id, groups, terms, today(app)) };
}

/** Where an old username's page lives now, or null (for page redirects after a rename). */
export async function currentPathOf(app: FastifyInstance, name: string): Promise<string | null> {
  const key = usernameKey(name);
  if (await repo.findProfileByKey(app.db, key)) return null;
  const renamed = await repo.findRenamed(app.db, key);
  return renamed ? `/people/${usernameToPath(renamed.username)}` : null;
}

export async function getOwnProfile(app: FastifyInstance, req: FastifyRequest) {
  const user = requireUser(req);
  const row = await repo.findProfileById(app.db, user.id);
  if (!row) throw notFound();
  return presentOwnProfile(row);
}

export async function updateOwnProfile(app: FastifyInstance, req: FastifyRequest, body: ProfilePatch) {
  const user = requireUser(req);
  const db = app.db;
  const before = await repo.findProfileById(db, user.id);
  if (!before) throw notFound();
  // A Wikimedia username confirmed by "Log in with Wikimedia" is kept current by the login, not typed.
  if (body.wikimediaUsername !== undefined && before.wikimedia_sub !== null && body.wikimediaUsername !== before.wikimedia_username) {
    throw conflict('people-wikimedia-username-linked', 'wikimediaUsername');
  }
  const changes: repo.ProfileChanges = {};
  if (body.displayName !== undefined) changes.display_name = body.displayName || before.username;
  if (body.wikimediaUsername !== undefined) changes.wikimedia_username = body.wikimediaUsername || null;
  if (body.languages !== undefined) changes.languages = body.languages;
  if (body.region !== undefined) changes.region = body.region;
  if (body.timeZone !== undefined) changes.time_zone = body.timeZone;
  if (body.bio !== undefined) changes.bio = body.bio.trim();
  if (body.interests !== undefined) changes.interests = body.interests;
  if (body.uiLanguage !== undefined) changes.ui_language = body.uiLanguage;
  if (body.publicFields !== undefined) changes.public_fields = body.publicFields;
  if (Object.keys(changes).length > 0) {
    await db.transaction().execute(async (trx) => {
      await repo.updateProfile(trx, user.id, changes, app.deps.clock.now());
      // Field names only: private values stay out of the audit log.
      await audit(trx, { actorId: user.id, action: 'profile.update', objectType: 'user', objectId: user.id, details: { fields: Object.keys(changes) }, ip: req.ip });
    });
  }
  return presentOwnProfile((await repo.findProfileById(db, user.id))!);
}

/** The directory: three queries per page whatever its length (people, their groups, their current terms). */
export async function listParticipants(app: FastifyInstance, query: ParticipantsQuery) {
  const db = app.db;
  const [after] = decodeCursor(query.cursor, 1) ?? [null];
  const day = today(app);
  const rows = await repo.listParticipants(db, query, after === null ? null : String(after), day);
  const result = page(rows, query.limit, (r) => [r.username_key]);
  const ids = result.items.map((r) => r.id);
  const [groups, terms] = await Promise.all([groupsOfPeople(db, ids), termsOfPeople(db, ids, day)]);
  return {
    items: result.items.map((r) =>
      presentParticipant(
        r,
        groups.filter((g) => g.user_id === r.id),
        terms.filter((t) => t.user_id === r.id),
      ),
    ),
    next: result.next,
  };
}

export async function languagesInUse(app: FastifyInstance) {
  return { items: await repo.publicLanguagesOfPeople(app.db), next: null };
}
