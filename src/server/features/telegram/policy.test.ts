import { describe, expect, it } from 'vitest';
import type { CurrentUser } from '../../http/context';
import { mayUseAdminPages } from './policy';

const person = (over: Partial<CurrentUser> = {}): CurrentUser => ({
  id: 7,
  username: 'Ana',
  displayName: 'Ana',
  roles: [],
  timeZone: null,
  uiLanguage: null,
  ...over,
});

describe('the admin pages', () => {
  it('are for the network’s admins', () => {
    expect(mayUseAdminPages(person({ roles: ['admin'] }))).toBe(true);
  });
  it('are refused to members, moderators and anonymous people', () => {
    expect(mayUseAdminPages(person())).toBe(false);
    expect(mayUseAdminPages(person({ roles: ['moderator'] }))).toBe(false);
    expect(mayUseAdminPages(null)).toBe(false);
  });
});
