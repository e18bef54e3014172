// Profiles and the participants directory. Each use case checks who may do it first.
import type {
  LanguagesInUseAnswer,
  MovedAnswer,
  OwnProfile,
  ParticipantsAnswer,
  PersonAnswer,
} from '../../../contracts/people';
import { requireUser } from '../../http/access';
import { audit } from '../../http/audit';
import type { Ctx } from '../../http/context';
import { conflict, notFound } from '../../http/errors';
import { decodeCursor, page } from '../../http/pagination';
import { usernameKey, usernameToPath } from '../../../contracts/usernames';
import { groupsOfPeople, termsOfPeople, todayUtc } from '../communities';
import { isSelf, mayTypeWikimediaUsername } from './policy';
import * as repo from './repo';
import { presentOwnProfile, presentParticipant, presentPerson } from './present';
import type { ParticipantsQuery, ProfilePatch, UiLanguageBody } from './schema';

export type PersonResult = { person: PersonAnswer } | { moved: MovedAnswer };

/** One person's page data; an old username answers where the person is now. Anyone may read it. */
export async function getPerson(ctx: Ctx, name: string): Promise<PersonResult> {
  const db = ctx.db;
  const key = usernameKey(name);
  const row = await repo.findProfileByKey(db, key);
  if (!row) {
    const renamed = await repo.findRenamed(db, key);
    if (!renamed) throw notFound();
    return { moved: { username: renamed.username, location: `/api/v1/people/${usernameToPath(renamed.username)}` } };
  }
  const [groups, terms] = await Promise.all([groupsOfPeople(db, [row.id]), termsOfPeople(db, [row.id])]);
  return { person: presentPerson(row, isSelf(ctx.actor, row.id), groups, terms, todayUtc(ctx.now)) };
}

/** Where an old username's page lives now, or null (for page redirects after a rename). */
export async function currentPathOf(ctx: Pick<Ctx, 'db'>, name: string): Promise<string | null> {
  const key = usernameKey(name);
  if (await repo.findProfileByKey(ctx.db, key)) return null;
  const renamed = await repo.findRenamed(ctx.db, key);
  return renamed ? `/people/${usernameToPath(renamed.username)}` : null;
}

async function ownRow(ctx: Ctx, userId: number) {
  const row = await repo.findProfileById(ctx.db, userId);
  if (!row) throw notFound();
  return row;
}

export async function getOwnProfile(ctx: Ctx): Promise<OwnProfile> {
  const user = requireUser(ctx);
  return presentOwnProfile(await ownRow(ctx, user.id));
}

/** Writes the changes (if any) with an audit entry naming the fields only: private values stay out of the log. */
async function saveProfile(ctx: Ctx, userId: number, changes: repo.ProfileChanges): Promise<void> {
  if (Object.keys(changes).length === 0) return;
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateProfile(trx, userId, changes, ctx.now);
    await audit(trx, {
      actorId: userId,
      action: 'profile.update',
      objectType: 'user',
      objectId: userId,
      details: { fields: Object.keys(changes) },
      ip: ctx.ip ?? undefined,
    });
  });
}

export async function updateOwnProfile(ctx: Ctx, body: ProfilePatch): Promise<OwnProfile> {
  const user = requireUser(ctx);
  const before = await ownRow(ctx, user.id);
  // A Wikimedia username confirmed by "Log in with Wikimedia" is kept current by the login, not typed.
  if (body.wikimediaUsername !== undefined && !mayTypeWikimediaUsername(before, body.wikimediaUsername)) {
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
  await saveProfile(ctx, user.id, changes);
  return presentOwnProfile(await ownRow(ctx, user.id));
}

/** The interface language alone (the route stays open to suspended people, as their profile does not). */
export async function setUiLanguage(ctx: Ctx, body: UiLanguageBody): Promise<void> {
  const user = requireUser(ctx);
  await saveProfile(ctx, user.id, { ui_language: body.uiLanguage });
}

/** The directory: three queries per page whatever its length (people, their groups, their current terms). */
export async function listParticipants(ctx: Ctx, query: ParticipantsQuery): Promise<ParticipantsAnswer> {
  const db = ctx.db;
  const [after = null] = decodeCursor(query.cursor, ['text']) ?? [];
  const day = todayUtc(ctx.now);
  const rows = await repo.listParticipants(db, query, after, day);
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

export async function languagesInUse(ctx: Ctx): Promise<LanguagesInUseAnswer> {
  return { items: await repo.publicLanguagesOfPeople(ctx.db), next: null };
}
