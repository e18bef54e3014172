// A Wikimedia login whose username is taken here, or looks like one that is (DECISIONS 27), is asked for another
// username instead of being given "Name 2": the callback keeps the login for its browser session for ten minutes
// (wikimedia-service.ts), the sign-up page asks, and the chosen name goes through the checks every new name meets.
import type { WikimediaSignupAnswer } from '../../../../contracts/accounts';
import { usernameKey } from '../../../../contracts/usernames';
import { isUniqueViolation } from '../../../db/errors';
import { audit } from '../../../http/audit';
import type { Ctx } from '../../../http/context';
import { conflict, HttpError } from '../../../http/errors';
import { maySignUp } from '../policy';
import { findLookAlike } from '../repo';
import type { WikimediaSignupBody } from '../schema';
import { ensureUsernameFree } from '../service';
import { deleteExpiredSignups, dropSignup, findBySub, findSignup, insertWikimediaUser } from './wikimedia-repo';
import { freeUsername, usernameFromWikimedia } from './wikimedia-service';

/** No sign-up waits in this session (never started, expired, or finished): the log-in starts again. */
const expired = () => new HttpError(404, 'error-not-found', { detailKey: 'accounts-wikimedia-error-state' });

async function pending(ctx: Ctx) {
  if (!maySignUp(ctx.actor)) throw new HttpError(409, 'error-conflict', { detailKey: 'accounts-already-signed-in' });
  const row = ctx.sessionId === null ? undefined : await findSignup(ctx.db, ctx.sessionId, ctx.now);
  if (!row || ctx.sessionId === null) throw expired();
  return { ...row, sessionId: ctx.sessionId };
}

/** The waiting sign-up: the Wikimedia username, the name here it is or looks like, and a free one to offer. */
export async function wikimediaSignup(ctx: Ctx): Promise<WikimediaSignupAnswer> {
  const row = await pending(ctx);
  const wanted = usernameFromWikimedia(row.wikimedia_username);
  const other = await findLookAlike(ctx.db, wanted, usernameKey(wanted), null);
  return {
    wikimediaUsername: row.wikimedia_username,
    looksLike: other?.username ?? null,
    suggestion: await freeUsername(ctx.db, wanted, null),
  };
}

/** Creates the account with the chosen username and answers its id, for the route to sign the person in. */
export async function finishWikimediaSignup(ctx: Ctx, body: WikimediaSignupBody): Promise<number> {
  const row = await pending(ctx);
  await ensureUsernameFree(ctx.db, body.username);
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      // The same Wikimedia account may have finished signing up in another tab meanwhile.
      if (await findBySub(trx, row.sub)) throw conflict('accounts-wikimedia-error-linked-elsewhere');
      const { id } = await insertWikimediaUser(trx, {
        username: body.username,
        usernameKey: usernameKey(body.username),
        sub: row.sub,
        wikimediaUsername: row.wikimedia_username,
        fromWikimedia: false,
        uiLanguage: ctx.lang,
        now: ctx.now,
      });
      await dropSignup(trx, row.sessionId);
      await deleteExpiredSignups(trx, ctx.now);
      await audit(trx, {
        actorId: id,
        action: 'account.create',
        objectType: 'user',
        objectId: id,
        details: {
          via: 'wikimedia',
          wikimediaUsername: row.wikimedia_username,
          ...(row.wikimedia_blocked ? { wikimediaBlocked: true } : {}),
        },
        ip: ctx.ip ?? undefined,
      });
      return id;
    });
  } catch (err) {
    // A concurrent sign-up took the name between the check and the insert.
    if (isUniqueViolation(err)) throw conflict('accounts-username-taken', 'username', [body.username]);
    throw err;
  }
}
