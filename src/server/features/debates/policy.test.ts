import { describe, expect, it } from 'vitest';
import type { CurrentUser } from '../../http/context';
import { canCloseDebate } from './policy';

const person = (id: number, roles: CurrentUser['roles'] = []): CurrentUser => ({
  id,
  username: `p${id}`,
  displayName: `p${id}`,
  roles,
  timeZone: null,
  uiLanguage: null,
});

describe('who may close a debate', () => {
  it('is its opener, a moderator or an admin', () => {
    expect(canCloseDebate(person(1), { opener_id: 1 })).toBe(true);
    expect(canCloseDebate(person(2, ['moderator']), { opener_id: 1 })).toBe(true);
    expect(canCloseDebate(person(3, ['admin']), { opener_id: 1 })).toBe(true);
  });
  it('is nobody else, nor an anonymous visitor', () => {
    expect(canCloseDebate(person(2), { opener_id: 1 })).toBe(false);
    expect(canCloseDebate(null, { opener_id: 1 })).toBe(false);
    expect(canCloseDebate(person(2), { opener_id: null })).toBe(false);
  });
});
