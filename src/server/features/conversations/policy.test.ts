import { describe, expect, it } from 'vitest';
import type { CurrentUser } from '../../http/context';
import { canDeleteComment, canEditComment } from './policy';

const person = (id: number, roles: CurrentUser['roles'] = []): CurrentUser => ({
  id,
  username: `p${id}`,
  displayName: `p${id}`,
  roles,
  timeZone: null,
  uiLanguage: null,
});
const comment = (authorId: number | null, deleted = false) => ({
  author_id: authorId,
  deleted_at: deleted ? new Date() : null,
});

describe('who may edit a comment', () => {
  it('is its author, while it is not deleted', () => {
    expect(canEditComment(person(1), comment(1))).toBe(true);
    expect(canEditComment(person(1), comment(1, true))).toBe(false);
  });
  it('is nobody else, moderators and anonymous people included', () => {
    expect(canEditComment(person(2), comment(1))).toBe(false);
    expect(canEditComment(person(2, ['moderator']), comment(1))).toBe(false);
    expect(canEditComment(null, comment(1))).toBe(false);
    expect(canEditComment(person(1), comment(null))).toBe(false);
  });
});

describe('who may delete a comment', () => {
  it('is its author, an admin or a moderator', () => {
    expect(canDeleteComment(person(1), comment(1))).toBe(true);
    expect(canDeleteComment(person(2, ['admin']), comment(1))).toBe(true);
    expect(canDeleteComment(person(3, ['moderator']), comment(1))).toBe(true);
  });
  it('is nobody else, and nobody once it is deleted', () => {
    expect(canDeleteComment(person(2), comment(1))).toBe(false);
    expect(canDeleteComment(null, comment(1))).toBe(false);
    expect(canDeleteComment(person(1), comment(1, true))).toBe(false);
    expect(canDeleteComment(person(2, ['admin']), comment(1, true))).toBe(false);
  });
});
