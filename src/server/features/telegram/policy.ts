// Who may use the admin pages (the Telegram channel, its posts, the mail outbox): the network's admins only.
import type { CurrentUser } from '../../http/context';
import { hasRole } from '../../http/access';

export const mayUseAdminPages = (actor: CurrentUser | null): actor is CurrentUser => hasRole(actor, 'admin');
