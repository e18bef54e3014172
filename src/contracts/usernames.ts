// Usernames follow the wikis' habits: any script, spaces allowed, unique regardless of letter case.
// In URLs a space becomes '_'.
export const USERNAME_MAX = 85;

/** The key that decides uniqueness: NFC, trimmed, single spaces, underscores read as spaces, lower case. */
export function usernameKey(name: string): string {
  return normalizeUsername(name).toLowerCase();
}

export function normalizeUsername(name: string): string {
  // U+FEFF counts as white space for \s, but in a name it is an invisible character to refuse, not a space.
  return name
    .normalize('NFC')
    .replace(/_/g, ' ')
    .replace(/[^\S\ufeff]+/g, ' ')
    .trim();
}

export const usernameToPath = (name: string): string => encodeURIComponent(name.replace(/ /g, '_'));
export const usernameFromPath = (segment: string): string => normalizeUsername(decodeURIComponent(segment));

/** Characters MediaWiki refuses in titles (and so in usernames), plus '@' and '/' which would break mentions and paths. */
export const USERNAME_FORBIDDEN = /[#<>[\]|{}/@:\u0000-\u001f\u007f]/;
/** The same characters, as shown to people. */
export const USERNAME_FORBIDDEN_LIST = '# < > [ ] | { } / @ :';
