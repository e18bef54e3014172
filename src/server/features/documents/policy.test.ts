import { describe, expect, it } from 'vitest';
import type { CurrentUser } from '../../http/context';
import { canEditSource, canProofread, canTranslate } from './policy';

const person = (id: number, roles: CurrentUser['roles'] = []): CurrentUser => ({
  id,
  username: `p${id}`,
  displayName: `P ${id}`,
  roles,
  timeZone: null,
  uiLanguage: null,
});

describe('documents policy', () => {
  it('lets only admins edit the source', () => {
    expect(canEditSource(person(1, ['admin']))).toBe(true);
    expect(canEditSource(person(1, ['moderator']))).toBe(false);
    expect(canEditSource(person(1))).toBe(false);
    expect(canEditSource(null)).toBe(false);
  });

  it('lets anyone signed in translate', () => {
    expect(canTranslate(person(1))).toBe(true);
    expect(canTranslate(null)).toBe(false);
  });

  it('lets anyone but the last translator proofread', () => {
    expect(canProofread(person(1), { translated_by: 2 })).toBe(true);
    expect(canProofread(person(1), { translated_by: null })).toBe(true);
    expect(canProofread(person(1), { translated_by: 1 })).toBe(false);
    expect(canProofread(person(1, ['admin']), { translated_by: 1 })).toBe(false);
    expect(canProofread(null, { translated_by: 2 })).toBe(false);
  });
});
