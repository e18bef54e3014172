import { describe, expect, it } from 'vitest';
import type { CurrentUser } from '../../http/context';
import { canEditSources, canModerateSources, canReviewSources } from './policy';

const now = new Date('2026-12-07T10:00:00Z');
const person = (id: number, roles: CurrentUser['roles'] = [], suspendedUntil: Date | null = null): CurrentUser => ({
  id,
  username: `p${id}`,
  displayName: `P ${id}`,
  roles,
  timeZone: null,
  uiLanguage: null,
  suspendedUntil,
});

describe('sources policy', () => {
  it('lets members add and edit records, not anonymous visitors nor suspended people', () => {
    expect(canEditSources(person(1), now)).toBe(true);
    expect(canEditSources(null, now)).toBe(false);
    expect(canEditSources(person(1, [], new Date('2026-12-08T00:00:00Z')), now)).toBe(false);
    expect(canEditSources(person(1, [], new Date('2026-12-01T00:00:00Z')), now)).toBe(true);
  });

  it('lets members review', () => {
    expect(canReviewSources(person(1))).toBe(true);
    expect(canReviewSources(null)).toBe(false);
  });

  it('lets only moderators and admins revert, merge and delete', () => {
    expect(canModerateSources(person(1, ['moderator']))).toBe(true);
    expect(canModerateSources(person(1, ['admin']))).toBe(true);
    expect(canModerateSources(person(1))).toBe(false);
    expect(canModerateSources(null)).toBe(false);
  });
});
