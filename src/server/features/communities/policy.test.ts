import { describe, expect, it } from 'vitest';
import type { CurrentUser } from '../../http/context';
import { mayManageCommunity, mayMarkPartner, mayRemoveOthersNow, viewerOf } from './policy';

const person = (over: Partial<CurrentUser> = {}): CurrentUser => ({
  id: 7,
  username: 'Ana',
  displayName: 'Ana',
  roles: [],
  timeZone: null,
  uiLanguage: null,
  ...over,
});
const admin = person({ roles: ['admin'] });
const none = { member: false, coordinator: false, ambassador: false };
const coordinator = { member: true, coordinator: true, ambassador: false };

describe('who may manage a group', () => {
  it('lets its coordinators and network admins', () => {
    expect(mayManageCommunity(person(), coordinator)).toBe(true);
    expect(mayManageCommunity(admin, null)).toBe(true);
  });
  it('refuses members, ambassadors, moderators and strangers', () => {
    expect(mayManageCommunity(person(), { member: true, coordinator: false, ambassador: true })).toBe(false);
    expect(mayManageCommunity(person({ roles: ['moderator'] }), none)).toBe(false);
    expect(mayManageCommunity(person(), null)).toBe(false);
  });
});

describe('who may mark a partner', () => {
  it('lets network admins only', () => {
    expect(mayMarkPartner(admin)).toBe(true);
    expect(mayMarkPartner(person())).toBe(false);
  });
});

describe('removing someone else from a group', () => {
  it('is open to a manager who is not suspended, closed during a suspension', () => {
    expect(mayRemoveOthersNow(person())).toBe(true);
    expect(mayRemoveOthersNow(person({ suspendedUntil: new Date(Date.now() + 3600_000) }))).toBe(false);
  });
});

describe('what the page offers', () => {
  it('lets coordinators and admins edit, and tells members they are', () => {
    expect(viewerOf(person(), coordinator)).toEqual({ member: true, coordinator: true, canEdit: true, isAdmin: false });
    expect(viewerOf(admin, none)).toEqual({ member: false, coordinator: false, canEdit: true, isAdmin: true });
    expect(viewerOf(null, null)).toEqual({ member: false, coordinator: false, canEdit: false, isAdmin: false });
  });
});
