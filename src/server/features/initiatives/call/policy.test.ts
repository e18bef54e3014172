// Who may take a sign-up back, and when a call may be opened: call/policy.ts.
import { describe, expect, it } from 'vitest';
import type { CurrentUser } from '../../../http/context';
import { CALL_STAGES, mayWithdrawSignup } from './policy';

const person = (id: number, roles: CurrentUser['roles'] = []): CurrentUser => ({
  id,
  username: `p${id}`,
  displayName: `P${id}`,
  roles,
  timeZone: null,
  uiLanguage: null,
});

describe('call policy', () => {
  it('lets only the person who signed up withdraw, not a lead nor an admin', () => {
    expect(mayWithdrawSignup(person(1), { user_id: 1 })).toBe(true);
    expect(mayWithdrawSignup(person(2), { user_id: 1 })).toBe(false);
    expect(mayWithdrawSignup(person(3, ['admin']), { user_id: 1 })).toBe(false);
    expect(mayWithdrawSignup(null, { user_id: 1 })).toBe(false);
  });

  it('opens calls while an initiative is an idea, recruiting or active', () => {
    expect(CALL_STAGES).toEqual(['idea', 'recruiting', 'active']);
    expect(CALL_STAGES.includes('evaluating')).toBe(false);
  });
});
