import { describe, expect, it } from 'vitest';
import type { CurrentUser } from '../../http/context';
import { guessablePasswordMessage } from './common-passwords';
import { maySignUp } from './policy';

const person: CurrentUser = { id: 1, username: 'Ada', displayName: 'Ada', roles: [], timeZone: null, uiLanguage: null };

describe('accounts policy', () => {
  it('lets only people who are not signed in sign up', () => {
    expect(maySignUp(null)).toBe(true);
    expect(maySignUp(person)).toBe(false);
  });

  it('refuses common passwords and the username as a password, by letter case, spaces, underscores and NFKC', () => {
    expect(guessablePasswordMessage('Password123', 'Ada')).toBe('accounts-password-common');
    expect(guessablePasswordMessage('ada lovelace', 'Ada Lovelace')).toBe('accounts-password-is-username');
    expect(guessablePasswordMessage('ada_lovelace', 'Ada Lovelace')).toBe('accounts-password-is-username');
    expect(guessablePasswordMessage('ADALOVELACE', 'Ada Lovelace')).toBe('accounts-password-is-username');
    expect(guessablePasswordMessage('ａｄａ　ｌｏｖｅｌａｃｅ', 'Ada Lovelace')).toBe('accounts-password-is-username');
    expect(guessablePasswordMessage('straße münchen', 'STRASSE München')).toBe('accounts-password-is-username');
    expect(guessablePasswordMessage('correct horse battery', 'Ada')).toBeNull();
    expect(guessablePasswordMessage('ada lovelace 1815', 'Ada Lovelace')).toBeNull();
  });
});
