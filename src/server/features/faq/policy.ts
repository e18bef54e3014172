// Who may do what with the FAQ: pure predicates (unit-tested in policy.test.ts). Everyone reads it.
import type { CurrentUser } from '../../http/context';
import { hasRole } from '../../http/access';

/** Network admins write, change, order and delete the questions. */
export const mayEditFaq = (actor: CurrentUser | null): boolean => hasRole(actor, 'admin');
