// Profiles as the API shows them (typed against src/contracts/people.ts): everyone sees public fields only,
// the person sees all of their own.
import type { OwnProfile, ParticipantItem, PersonAnswer, ProfileField } from '../../../contracts/people';
import { isCurrentTerm } from '../communities';
import { maySeeField } from './policy';
import type { ProfileRow } from './repo';

/** A field's value when the viewer may see it, else null. */
function pick<T>(row: { public_fields: string[] }, field: ProfileField, self: boolean, value: T): T | null {
  return maySeeField(row, field, self) ? value : null;
}

export const presentOwnProfile = (row: ProfileRow): OwnProfile => ({
  id: String(row.id),
  username: row.username,
  displayName: row.display_name,
  wikimediaUsername: row.wikimedia_username,
  wikimediaLinked: row.wikimedia_sub !== null,
  languages: row.languages,
  region: row.region,
  timeZone: row.time_zone,
  bio: row.bio,
  interests: row.interests,
  uiLanguage: row.ui_language,
  publicFields: row.public_fields,
});

export interface PersonGroupRow {
  slug: string;
  name: string;
  kind: string;
  is_partner: boolean;
  role: string;
  joined_at: Date;
}

export interface PersonTermRow {
  slug: string;
  name: string;
  start_date: string;
  end_date: string | null;
}

export function presentPerson(
  row: ProfileRow,
  self: boolean,
  groups: PersonGroupRow[],
  terms: PersonTermRow[],
  today: string,
): PersonAnswer {
  return {
    id: String(row.id),
    username: row.username,
    displayName: pick(row, 'display_name', self, row.display_name || row.username),
    wikimediaUsername: pick(row, 'wikimedia_username', self, row.wikimedia_username),
    languages: pick(row, 'languages', self, row.languages),
    region: pick(row, 'region', self, row.region),
    timeZone: pick(row, 'time_zone', self, row.time_zone),
    bio: pick(row, 'bio', self, row.bio),
    interests: pick(row, 'interests', self, row.interests),
    ...(self ? { publicFields: row.public_fields } : {}),
    isSelf: self,
    isDemo: row.is_demo,
    networkRoles: row.roles.filter((r) => r === 'admin' || r === 'moderator'),
    joinedAt: row.created_at.toISOString(),
    groups: groups.map((g) => ({
      slug: g.slug,
      name: g.name,
      kind: g.kind,
      isPartner: g.is_partner,
      role: g.role,
      joinedAt: g.joined_at.toISOString(),
    })),
    ambassadorTerms: terms.map((t) => ({
      slug: t.slug,
      name: t.name,
      start: t.start_date,
      end: t.end_date,
      current: isCurrentTerm(t, today),
    })),
  };
}

export interface ParticipantRow {
  id: number;
  username: string;
  display_name: string;
  region: string | null;
  languages: string[];
  interests: string[];
  public_fields: string[];
  is_demo: boolean;
}

export function presentParticipant(
  row: ParticipantRow,
  groups: { slug: string; name: string; role: string }[],
  ambassadorOf: { slug: string; name: string }[],
): ParticipantItem {
  return {
    id: String(row.id),
    username: row.username,
    displayName: pick(row, 'display_name', false, row.display_name || row.username),
    region: pick(row, 'region', false, row.region),
    languages: pick(row, 'languages', false, row.languages),
    interests: pick(row, 'interests', false, row.interests),
    isDemo: row.is_demo,
    groups: groups.map((g) => ({ slug: g.slug, name: g.name, role: g.role })),
    ambassadorOf: ambassadorOf.map((g) => ({ slug: g.slug, name: g.name })),
  };
}
