import { describe, expect, it } from 'vitest';
import type { CurrentUser } from '../../http/context';
import { isGuessablePassword } from './common-passwords';
import { maySignUp } from './policy';

const person: CurrentUser = { id: 1, username: 'Ada', displayName: 'Ada', roles: [], timeZone: null, uiLanguage: null };

describe('accounts policy', () => {
  it('lets only people who are not signed in sign up', () => {
    expect(maySignUp(null)).toBe(true);
    expect(maySignUp(person)).toBe(false);
  });

  it('refuses common passwords and the username as a password, in any letter case', () => {
    expect(isGuessablePassword('Password123', 'Ada')).toBe(true);
    expect(isGuessablePassword('ada lovelace', 'Ada Lovelace')).toBe(true);
    expect(isGuessablePassword('correct horse battery', 'Ada')).toBe(false);
  });
});
