import type { CurrentUser } from '../../http/context';

/** The signed-in person as the API shows them to themselves. */
export const presentCurrentUser = (u: CurrentUser | null) =>
  u && {
    id: String(u.id),
    username: u.username,
    displayName: u.displayName || u.username,
    roles: u.roles,
    timeZone: u.timeZone,
    uiLanguage: u.uiLanguage,
  };
