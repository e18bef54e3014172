import { describe, expect, it } from 'vitest';
import type { CurrentUser } from '../../../http/context';
import { canChangeAdaptation } from './policy';

const user = { id: 1, username: 'a', roles: [] } as unknown as CurrentUser;
const admin = { id: 2, username: 'b', roles: ['admin'] } as unknown as CurrentUser;
const roles = (coordinator: boolean, member = coordinator) => ({ member, coordinator, ambassador: false });

describe('adaptation policy', () => {
  it('lets only the group’s coordinators change its adaptation', () => {
    expect(canChangeAdaptation(user, roles(true))).toBe(true);
    expect(canChangeAdaptation(user, roles(false, true))).toBe(false);
    expect(canChangeAdaptation(admin, roles(false))).toBe(false);
    expect(canChangeAdaptation(null, roles(true))).toBe(false);
    expect(canChangeAdaptation(user, null)).toBe(false);
  });
});
