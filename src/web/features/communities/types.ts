// Shapes of the communities API as the pages read them.
export interface PersonRef {
  username: string;
  displayName: string | null;
}

export interface CommunitySummary {
  id: string;
  slug: string;
  name: string;
  kind: string;
  region: string;
  country: string | null;
  languages: string[];
  description: string;
  isPartner: boolean;
  partnerSince: string | null;
  isDemo: boolean;
  memberCount: number;
  ambassadorCount: number;
  createdAt: string;
}

export interface Member extends PersonRef {
  role: string;
  joinedAt: string;
}

export interface Term extends PersonRef {
  start: string;
  end: string | null;
}

export interface HistoryEvent {
  event: 'designated' | 'ended' | 'partner_marked' | 'partner_unmarked';
  at: string;
  by: string | null;
  person: PersonRef | null;
  start: string | null;
  end: string | null;
}

export interface CommunityDetail extends CommunitySummary {
  metaPage: string | null;
  website: string | null;
  wikidataId: string | null;
  coordinators: PersonRef[];
  ambassadors: Term[];
  members: { items: Member[]; next: string | null };
  history: HistoryEvent[];
  viewer: { member: boolean; coordinator: boolean; canEdit: boolean; isAdmin: boolean };
}

/** What the group form edits. */
export interface CommunityFields {
  name: string;
  kind: string;
  region: string;
  country: string;
  languages: string[];
  metaPage: string;
  website: string;
  wikidataId: string;
  description: string;
}
