import { describe, expect, it } from 'vitest';
import type { CurrentUser } from '../../../http/context';
import { canDecide, canWithdraw } from './policy';

const person = (id: number, roles: string[] = []) => ({ id, username: `p${id}`, roles }) as unknown as CurrentUser;
const coordinator = { member: true, coordinator: true, ambassador: false };
const member = { member: true, coordinator: false, ambassador: false };

describe('amendment policy', () => {
  it('lets admins decide on a document’s amendments, and only them', () => {
    expect(canDecide(person(1, ['admin']), { type: 'document' }, null)).toBe(true);
    expect(canDecide(person(1, ['moderator']), { type: 'document' }, null)).toBe(false);
    expect(canDecide(person(1), { type: 'document' }, coordinator)).toBe(false);
    expect(canDecide(null, { type: 'document' }, null)).toBe(false);
  });

  it('lets the group’s coordinators decide on its adaptation’s amendments, not admins or members', () => {
    expect(canDecide(person(1), { type: 'adaptation' }, coordinator)).toBe(true);
    expect(canDecide(person(1), { type: 'adaptation' }, member)).toBe(false);
    expect(canDecide(person(1, ['admin']), { type: 'adaptation' }, null)).toBe(false);
  });

  it('lets only the author withdraw', () => {
    expect(canWithdraw(person(1), { author_id: 1 })).toBe(true);
    expect(canWithdraw(person(2), { author_id: 1 })).toBe(false);
    expect(canWithdraw(null, { author_id: 1 })).toBe(false);
    expect(canWithdraw(person(1), { author_id: null })).toBe(false);
  });
});
