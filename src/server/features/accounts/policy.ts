// Who may do what with accounts: pure predicates of the actor (unit-tested in policy.test.ts).
import type { CurrentUser } from '../../http/context';

/** Signing up is for people who are not signed in; a signed-in person is told so (409). */
export const maySignUp = (actor: CurrentUser | null): boolean => actor === null;
