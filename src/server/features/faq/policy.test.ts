import { describe, expect, it } from 'vitest';
import type { CurrentUser, Role } from '../../http/context';
import { mayEditFaq } from './policy';

const withRoles = (...roles: Role[]): CurrentUser => ({
  id: 1,
  username: 'Ada',
  displayName: 'Ada',
  roles,
  timeZone: null,
  uiLanguage: null,
});

describe('FAQ policy', () => {
  it('lets network admins edit the FAQ', () => {
    expect(mayEditFaq(withRoles('admin'))).toBe(true);
    expect(mayEditFaq(withRoles('moderator', 'admin'))).toBe(true);
  });

  it('refuses moderators, other people and anonymous visitors', () => {
    expect(mayEditFaq(withRoles('moderator'))).toBe(false);
    expect(mayEditFaq(withRoles())).toBe(false);
    expect(mayEditFaq(null)).toBe(false);
  });
});
