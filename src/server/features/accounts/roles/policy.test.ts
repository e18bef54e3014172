import { describe, expect, it } from 'vitest';
import type { CurrentUser } from '../../../http/context';
import { mayManageRoles } from './policy';

const admin: CurrentUser = {
  id: 1,
  username: 'Ada',
  displayName: 'Ada',
  roles: ['admin'],
  timeZone: null,
  uiLanguage: null,
};

describe('network roles policy', () => {
  it('lets the system (the command line) give and take roles', () => {
    expect(mayManageRoles({ actor: null, via: null, ip: null })).toBe(true);
  });

  it('refuses people, admins included, and anonymous requests', () => {
    expect(mayManageRoles({ actor: admin, via: 'session', ip: '127.0.0.1' })).toBe(false);
    expect(mayManageRoles({ actor: admin, via: null, ip: null })).toBe(false);
    expect(mayManageRoles({ actor: null, via: null, ip: '127.0.0.1' })).toBe(false);
  });
});
