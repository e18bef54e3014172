// Passwords that appear at the top of every breach list; refused at sign-up and change.
const COMMON = `123456 123456789 12345678 password qwerty123 qwerty 1234567890 1234567 111111 123123 abc123 password1
iloveyou 000000 qwertyuiop 123321 654321 666666 987654321 1q2w3e4r 1q2w3e4r5t zaq12wsx 1qaz2wsx qazwsxedc
admin admin123 welcome welcome1 letmein monkey dragon football baseball sunshine princess master shadow
superman michael charlie jennifer jordan23 trustno1 passw0rd p@ssw0rd p@ssword password123 password12
11111111 12341234 88888888 aaaaaaaa asdfghjk asdfasdf zxcvbnm1 qwer1234 abcd1234 abcdefgh 1234qwer
changeme secret123 starwars whatever freedom computer internet wikipedia wikimedia mediawiki
123456789a a123456789 q1w2e3r4 q1w2e3r4t5 987654321a 147258369 789456123 159753456 11223344 12344321
987654321 00000000 99999999 77777777 55555555 12121212 123qweasd qweasdzxc iloveyou1 loveyou1
mustang access batman harley hunter ranger buster soccer hockey killer george summer ashley
bailey thomas hello123 hellohello letmein1 welcome123 monkey123 dragon123 football1 baseball1`;

export const COMMON_PASSWORDS = new Set(COMMON.split(/\s+/).filter(Boolean));

export const isCommonPassword = (password: string): boolean => COMMON_PASSWORDS.has(password.toLowerCase());

/**
 * The form in which a password and a username are compared: compatibility forms unified (NFKC: full-width and
 * styled letters read as plain ones), letter case folded (toUpperCase first, so "ß" matches "SS"), and spaces and
 * underscores left out, since a username reads them alike ("sp_polx" is "Sp Polx").
 */
export function comparableName(text: string): string {
  return text
    .normalize('NFKC')
    .toUpperCase()
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[\s_]+/g, '');
}

/** Why a new password is refused (a message key): a common one, or the username itself; null when it will do. */
export function guessablePasswordMessage(password: string, username: string): string | null {
  if (isCommonPassword(password)) return 'accounts-password-common';
  if (comparableName(password) === comparableName(username)) return 'accounts-password-is-username';
  return null;
}
