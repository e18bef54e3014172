// Who answers a request to become a lead, and who steps down: team/policy.ts.
import { describe, expect, it } from 'vitest';
import type { CurrentUser } from '../../../http/context';
import { mayAnswerRequest, mayStepDown } from './policy';

const person = (id: number, roles: CurrentUser['roles'] = []): CurrentUser => ({
  id,
  username: `p${id}`,
  displayName: `P${id}`,
  roles,
  timeZone: null,
  uiLanguage: null,
});

describe('team policy', () => {
  it('has an invitation answered by the invitee only, even with a manager at hand', () => {
    const invitation = { kind: 'invitation' as const, user_id: 1 };
    expect(mayAnswerRequest(person(1), invitation, false)).toBe(true);
    expect(mayAnswerRequest(person(2), invitation, true)).toBe(false);
    expect(mayAnswerRequest(null, invitation, false)).toBe(false);
  });

  it('has a volunteer answered by a manager (a lead, an admin, a moderator), not by the volunteer', () => {
    const offer = { kind: 'volunteer' as const, user_id: 1 };
    expect(mayAnswerRequest(person(2), offer, true)).toBe(true);
    expect(mayAnswerRequest(person(1), offer, false)).toBe(false);
    expect(mayAnswerRequest(null, offer, true)).toBe(false);
  });

  it('lets only a lead step down', () => {
    expect(mayStepDown(person(1), true)).toBe(true);
    expect(mayStepDown(person(1, ['admin']), false)).toBe(false);
    expect(mayStepDown(null, true)).toBe(false);
  });
});
