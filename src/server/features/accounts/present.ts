// Answers of the accounts API, typed against src/contracts/accounts.ts: an explicit list of fields, never a row.
import type { AccountAnswer, SessionItem, TokenItem, UserSummary } from '../../../contracts/accounts';
import type { CurrentUser } from '../../http/context';
import { describeDevice } from './device';

/** The signed-in person as the API shows them to themselves. */
export function presentCurrentUser(u: CurrentUser): UserSummary;
export function presentCurrentUser(u: CurrentUser | null): UserSummary | null;
export function presentCurrentUser(u: CurrentUser | null): UserSummary | null {
  return (
    u && {
      id: String(u.id),
      username: u.username,
      displayName: u.displayName || u.username,
      roles: u.roles,
      timeZone: u.timeZone,
      uiLanguage: u.uiLanguage,
      suspendedUntil: u.suspendedUntil ? u.suspendedUntil.toISOString() : null,
    }
  );
}

const iso = (d: Date) => d.toISOString();

export const presentSession = (
  row: { id: number; user_agent: string; ip: string; created_at: Date; last_seen_at: Date },
  currentSessionId: number | null,
): SessionItem => ({
  id: String(row.id),
  device: describeDevice(row.user_agent),
  userAgent: row.user_agent,
  ip: row.ip,
  createdAt: iso(row.created_at),
  lastSeenAt: iso(row.last_seen_at),
  current: row.id === currentSessionId,
});

export const presentToken = (row: {
  id: number;
  name: string;
  created_at: Date;
  last_used_at: Date | null;
}): TokenItem => ({
  id: String(row.id),
  name: row.name,
  createdAt: iso(row.created_at),
  lastUsedAt: row.last_used_at ? iso(row.last_used_at) : null,
});

export const presentAccount = (row: {
  id: number;
  username: string;
  email: string | null;
  password_hash: string | null;
  wikimedia_username: string | null;
}): AccountAnswer => ({
  id: String(row.id),
  username: row.username,
  email: row.email,
  hasPassword: !!row.password_hash,
  wikimediaUsername: row.wikimedia_username,
});
