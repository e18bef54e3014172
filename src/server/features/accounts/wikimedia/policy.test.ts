import { describe, expect, it } from 'vitest';
import type { CurrentUser } from '../../../http/context';
import { mayLink } from './policy';

const person: CurrentUser = { id: 1, username: 'Ada', displayName: 'Ada', roles: [], timeZone: null, uiLanguage: null };

describe('Log in with Wikimedia policy', () => {
  it('links to the signed-in person at a browser session only', () => {
    expect(mayLink({ actor: person, via: 'session' })).toBe(true);
    expect(mayLink({ actor: person, via: 'token' })).toBe(false);
    expect(mayLink({ actor: null, via: null })).toBe(false);
  });
});
