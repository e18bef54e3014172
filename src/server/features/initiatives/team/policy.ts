// Who may answer a request to become a lead: pure predicates (the leads' own rights are ../policy.ts).
import type { CurrentUser } from '../../../http/context';

/**
 * An invitation is answered by the invitee; a volunteer by a lead, an admin or a moderator (`manager`, as
 * ../policy.ts mayManage answers).
 */
export function mayAnswerRequest(
  user: CurrentUser | null,
  r: { kind: 'invitation' | 'volunteer'; user_id: number },
  manager: boolean,
): boolean {
  if (!user) return false;
  return r.kind === 'invitation' ? r.user_id === user.id : manager;
}

/** Only a lead steps down (admins and moderators do not remove leads this way). */
export const mayStepDown = (user: CurrentUser | null, isLead: boolean): boolean => !!user && isLead;
