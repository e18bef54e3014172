// A person's first steps after signing up: complete the profile, join or register a group, join the Telegram
// channel, read the guides. Each use case checks who asks first; a person sees and marks only their own.
import type { FirstStepsAnswer } from '../../../contracts/first-steps';
import { requireUser } from '../../http/access';
import { actorOf, audit } from '../../http/audit';
import type { Ctx } from '../../http/context';
import { presentFirstSteps } from './present';
import { firstStepsOf, saveMarks } from './repo';
import type { MarkFirstStepsBody } from './schema';

export async function myFirstSteps(ctx: Ctx): Promise<FirstStepsAnswer> {
  const user = requireUser(ctx);
  return presentFirstSteps(await firstStepsOf(ctx.db, user.id));
}

/** Marks the Telegram or guides step done (or not), or hides (or shows again) the list. */
export async function markFirstSteps(ctx: Ctx, body: MarkFirstStepsBody): Promise<FirstStepsAnswer> {
  const user = requireUser(ctx);
  // Nothing marked: nothing written, the list as it is.
  if (Object.keys(body).length === 0) return myFirstSteps(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    await saveMarks(trx, user.id, body, ctx.now);
    await audit(trx, {
      ...actorOf(ctx),
      action: 'first_steps.mark',
      objectType: 'user',
      objectId: user.id,
      details: { ...body },
    });
  });
  return myFirstSteps(ctx);
}
