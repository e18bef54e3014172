// Only the network's admins use the admin API. Anonymous people are asked to log in (401); anyone else is
// refused (403), the refusal logged in its own write. Both say what the page is for.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { CurrentUser } from '../../http/context';
import { forbidden, HttpError } from '../../http/errors';
import { hasRole, refuse } from '../../http/permissions';

export async function requireAdmin(app: FastifyInstance, req: FastifyRequest, action: string): Promise<CurrentUser> {
  if (!req.user) throw new HttpError(401, 'error-unauthorized', { detailKey: 'telegram-admin-login' });
  if (hasRole(req.user, 'admin')) return req.user;
  await refuse(app.db, req, action);
  throw forbidden('telegram-admin-only');
}
