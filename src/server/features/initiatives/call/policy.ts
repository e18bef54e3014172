// Who may do what with a call for collaborators, beyond what the leads may (../policy.ts): pure predicates.
import type { CurrentUser } from '../../../http/context';
import { SIGNUP_STAGES } from '../../../../contracts/initiatives';

/** The stages in which the leads may open or change a call. */
export const CALL_STAGES: readonly string[] = ['idea', 'recruiting', 'active'];

/** Whether an initiative in this stage takes sign-ups (while its call is open): recruiting or active. */
export const takesSignups = (stage: string): boolean => (SIGNUP_STAGES as readonly string[]).includes(stage);

/** A sign-up is taken back only by the person who made it. */
export const mayWithdrawSignup = (user: CurrentUser | null, signup: { user_id: number }): boolean =>
  !!user && signup.user_id === user.id;
