import { describe, expect, it } from 'vitest';
import type { CurrentUser } from '../../../http/context';
import { canEditList, keepsGroupLists } from './policy';

const person = (id: number, roles: string[] = []) => ({ id, roles }) as unknown as CurrentUser;
const none = { coordinator: false, ambassador: false };

describe('who keeps a reading list', () => {
  it('a personal list: its owner only, not even admins', () => {
    const list = { owner_id: 1, community_id: null };
    expect(canEditList(person(1), list, none)).toBe(true);
    expect(canEditList(person(2), list, none)).toBe(false);
    expect(canEditList(person(2, ['admin']), list, none)).toBe(false);
    expect(canEditList(null, list, none)).toBe(false);
  });

  it("a group's list: its coordinators, current ambassadors and admins", () => {
    const list = { owner_id: null, community_id: 5 };
    expect(canEditList(person(1), list, { coordinator: true, ambassador: false })).toBe(true);
    expect(canEditList(person(1), list, { coordinator: false, ambassador: true })).toBe(true);
    expect(canEditList(person(1, ['admin']), list, none)).toBe(true);
    expect(canEditList(person(1, ['moderator']), list, none)).toBe(false);
    expect(canEditList(person(1), list, none)).toBe(false);
    expect(keepsGroupLists(null, { coordinator: true, ambassador: true })).toBe(false);
  });
});
