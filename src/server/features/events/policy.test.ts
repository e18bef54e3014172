import { describe, expect, it } from 'vitest';
import type { CurrentUser } from '../../http/context';
import { canCreateKind, canManage } from './policy';

const person = (id: number, roles: CurrentUser['roles'] = []): CurrentUser => ({
  id,
  username: `p${id}`,
  displayName: `P ${id}`,
  roles,
  timeZone: null,
  uiLanguage: null,
});

describe('events policy', () => {
  it('lets only admins and current ambassadors make ambassador meetings', () => {
    const no = { currentAmbassador: false };
    expect(canCreateKind(person(1, ['admin']), 'ambassador_meeting', no)).toBe(true);
    expect(canCreateKind(person(1), 'ambassador_meeting', { currentAmbassador: true })).toBe(true);
    expect(canCreateKind(person(1), 'ambassador_meeting', no)).toBe(false);
    expect(canCreateKind(person(1, ['moderator']), 'ambassador_meeting', no)).toBe(false);
    expect(canCreateKind(null, 'ambassador_meeting', { currentAmbassador: true })).toBe(false);
  });

  it('lets any signed-in member make the other kinds', () => {
    for (const kind of ['training', 'workshop', 'community_call', 'other'] as const) {
      expect(canCreateKind(person(1), kind, { currentAmbassador: false })).toBe(true);
      expect(canCreateKind(null, kind, { currentAmbassador: false })).toBe(false);
    }
  });

  it('lets organizers, coordinators of organizing groups and admins manage', () => {
    const none = { organizer: false, coordinator: false };
    expect(canManage(person(1), { organizer: true, coordinator: false })).toBe(true);
    expect(canManage(person(1), { organizer: false, coordinator: true })).toBe(true);
    expect(canManage(person(1, ['admin']), none)).toBe(true);
    expect(canManage(person(1, ['moderator']), none)).toBe(false);
    expect(canManage(person(1), none)).toBe(false);
    expect(canManage(null, { organizer: true, coordinator: true })).toBe(false);
  });
});
