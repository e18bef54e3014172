import { describe, expect, it } from 'vitest';
import type { CurrentUser } from '../../http/context';
import { isSelf, maySeeField, mayTypeWikimediaUsername } from './policy';

const person: CurrentUser = { id: 1, username: 'Ada', displayName: 'Ada', roles: [], timeZone: null, uiLanguage: null };

describe('people policy', () => {
  it('knows the viewer from everyone else', () => {
    expect(isSelf(person, 1)).toBe(true);
    expect(isSelf(person, 2)).toBe(false);
    expect(isSelf(null, 1)).toBe(false);
  });

  it('shows others public fields only, and the person all of their own', () => {
    const row = { public_fields: ['region'] };
    expect(maySeeField(row, 'region', false)).toBe(true);
    expect(maySeeField(row, 'bio', false)).toBe(false);
    expect(maySeeField(row, 'bio', true)).toBe(true);
  });

  it('lets the Wikimedia username be typed unless the login confirmed it', () => {
    expect(mayTypeWikimediaUsername({ wikimedia_sub: null, wikimedia_username: null }, 'Ada')).toBe(true);
    expect(mayTypeWikimediaUsername({ wikimedia_sub: '42', wikimedia_username: 'Ada' }, 'Other')).toBe(false);
    expect(mayTypeWikimediaUsername({ wikimedia_sub: '42', wikimedia_username: 'Ada' }, 'Ada')).toBe(true);
  });
});
