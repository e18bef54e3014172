// Only the network's admins use the admin API. Anonymous people are asked to log in (401); anyone else is
// refused (403), the refusal logged in its own write. Both say what the page is for, which is why the routes'
// policies admit anyone and this check, the first line of each use case, answers.
import type { Ctx, CurrentUser } from '../../http/context';
import { forbidden, HttpError } from '../../http/errors';
import { refuse } from '../../http/access';
import { mayUseAdminPages } from './policy';

export async function requireAdmin(ctx: Ctx, action: string): Promise<CurrentUser> {
  if (!ctx.actor) throw new HttpError(401, 'error-unauthorized', { detailKey: 'telegram-admin-login' });
  if (mayUseAdminPages(ctx.actor)) return ctx.actor;
  await refuse(ctx, action);
  throw forbidden('telegram-admin-only');
}
