import { describe, expect, it } from 'vitest';
import type { CurrentUser } from '../../http/context';
import { mayDeleteNow, mayDeleteUpdate, mayEditUpdate, mayPostAtAll, mayPostFor } from './policy';

const person = (over: Partial<CurrentUser> = {}): CurrentUser => ({
  id: 7,
  username: 'Ana',
  displayName: 'Ana',
  roles: [],
  timeZone: null,
  uiLanguage: null,
  ...over,
});
const admin = person({ id: 1, roles: ['admin'] });
const moderator = person({ id: 2, roles: ['moderator'] });
const mine = { author_id: 7 };
const theirs = { author_id: 9 };

describe('posting an update', () => {
  it('is for admins and for the groups one leads', () => {
    expect(mayPostAtAll(admin, [])).toBe(true);
    expect(mayPostAtAll(person(), [3])).toBe(true);
    expect(mayPostFor(person(), [3], 3)).toBe(true);
    expect(mayPostFor(admin, [], 3)).toBe(true);
  });
  it('is refused to someone who leads no group, or not that one', () => {
    expect(mayPostAtAll(person(), [])).toBe(false);
    expect(mayPostFor(person(), [4], 3)).toBe(false);
  });
});

describe('changing and deleting an update', () => {
  it('lets its author and admins change it, moderators delete it too', () => {
    expect(mayEditUpdate(person(), mine)).toBe(true);
    expect(mayEditUpdate(admin, theirs)).toBe(true);
    expect(mayDeleteUpdate(moderator, theirs)).toBe(true);
  });
  it('refuses others, and anonymous people', () => {
    expect(mayEditUpdate(person(), theirs)).toBe(false);
    expect(mayEditUpdate(moderator, theirs)).toBe(false);
    expect(mayDeleteUpdate(person(), theirs)).toBe(false);
    expect(mayDeleteUpdate(null, mine)).toBe(false);
  });
  it('lets a suspended person delete their own update only', () => {
    const until = new Date(Date.now() + 3600_000);
    expect(mayDeleteNow(person({ suspendedUntil: until }), mine)).toBe(true);
    expect(mayDeleteNow(person({ id: 2, roles: ['moderator'], suspendedUntil: until }), theirs)).toBe(false);
    expect(mayDeleteNow(moderator, theirs)).toBe(true);
  });
});
