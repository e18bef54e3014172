// Shapes of the people API as the pages read them.
export interface GroupRef {
  slug: string;
  name: string;
}

export interface ParticipantItem {
  id: string;
  username: string;
  displayName: string | null;
  region: string | null;
  languages: string[] | null;
  interests: string[] | null;
  isDemo: boolean;
  groups: (GroupRef & { role: string })[];
  ambassadorOf: GroupRef[];
}

export interface Person {
  id: string;
  username: string;
  displayName: string | null;
  wikimediaUsername: string | null;
  languages: string[] | null;
  region: string | null;
  timeZone: string | null;
  bio: string | null;
  interests: string[] | null;
  publicFields?: string[];
  isSelf: boolean;
  isDemo: boolean;
  networkRoles: string[];
  joinedAt: string;
  groups: (GroupRef & { kind: string; isPartner: boolean; role: string; joinedAt: string })[];
  ambassadorTerms: (GroupRef & { start: string; end: string | null; current: boolean })[];
}

export interface OwnProfile {
  id: string;
  username: string;
  displayName: string;
  wikimediaUsername: string | null;
  wikimediaLinked: boolean;
  languages: string[];
  region: string | null;
  timeZone: string | null;
  bio: string;
  interests: string[];
  uiLanguage: string | null;
  publicFields: string[];
}

export const PROFILE_FIELDS = ['display_name', 'wikimedia_username', 'languages', 'region', 'time_zone', 'bio', 'interests'] as const;
