import { describe, expect, it } from 'vitest';
import type { CurrentUser } from '../../http/context';
import { isModerator, mayActOnContent, mayActOnPerson } from './policy';

const person = (id: number, roles: CurrentUser['roles'] = []): CurrentUser => ({
  id,
  username: `p${id}`,
  displayName: `p${id}`,
  roles,
  timeZone: null,
  uiLanguage: null,
});

describe('who moderates', () => {
  it('is a moderator or an admin', () => {
    expect(isModerator(person(1, ['moderator']))).toBe(true);
    expect(isModerator(person(1, ['admin']))).toBe(true);
  });
  it('is not a member, nor an anonymous visitor', () => {
    expect(isModerator(person(1))).toBe(false);
    expect(isModerator(null)).toBe(false);
  });
});

describe('whom a moderator acts on', () => {
  it('lets a moderator act on members, and an admin on moderators', () => {
    expect(mayActOnPerson(person(1, ['moderator']), { id: 2, roles: [] })).toBe(true);
    expect(mayActOnPerson(person(1, ['admin']), { id: 2, roles: ['moderator'] })).toBe(true);
  });
  it('refuses acting on oneself, on an equal or on someone who outranks', () => {
    expect(mayActOnPerson(person(1, ['moderator']), { id: 1, roles: ['moderator'] })).toBe(false);
    expect(mayActOnPerson(person(1, ['moderator']), { id: 2, roles: ['moderator'] })).toBe(false);
    expect(mayActOnPerson(person(1, ['moderator']), { id: 2, roles: ['admin'] })).toBe(false);
    expect(mayActOnPerson(person(1, ['admin']), { id: 2, roles: ['admin'] })).toBe(false);
  });
});

describe('whose content a moderator hides', () => {
  it('is content of members and of equals', () => {
    expect(mayActOnContent(person(1, ['moderator']), [])).toBe(true);
    expect(mayActOnContent(person(1, ['moderator']), ['moderator'])).toBe(true);
    expect(mayActOnContent(person(1, ['admin']), ['moderator'])).toBe(true);
  });
  it('is never content of someone who outranks the moderator', () => {
    expect(mayActOnContent(person(1, ['moderator']), ['admin'])).toBe(false);
  });
});
