// Groups as the API shows them: an explicit whitelist of fields. People appear with their public display name.
import { isCurrent } from '../people/present';
import type { CommunityRow } from './repo';

export interface PersonCols {
  username: string;
  display_name: string;
  public_fields: string[];
}

export const presentPersonRef = (p: PersonCols) => ({
  username: p.username,
  displayName: p.public_fields.includes('display_name') ? p.display_name || p.username : null,
});

export interface SummaryRow {
  id: number;
  slug: string;
  name: string;
  kind: string;
  region: string;
  country: string | null;
  languages: string[];
  description: string;
  is_partner: boolean;
  partner_since: string | null;
  is_demo: boolean;
  created_at: Date;
  member_count: number | null;
  ambassador_count: number | null;
}

export const presentSummary = (c: SummaryRow) => ({
  id: String(c.id),
  slug: c.slug,
  name: c.name,
  kind: c.kind,
  region: c.region,
  country: c.country,
  languages: c.languages,
  description: c.description,
  isPartner: c.is_partner,
  partnerSince: c.partner_since,
  isDemo: c.is_demo,
  memberCount: Number(c.member_count ?? 0),
  ambassadorCount: Number(c.ambassador_count ?? 0),
  createdAt: c.created_at.toISOString(),
});

export const presentMember = (m: PersonCols & { role: string; joined_at: Date }) => ({
  ...presentPersonRef(m),
  role: m.role,
  joinedAt: m.joined_at.toISOString(),
});

export const presentTerm = (t: PersonCols & { start_date: string; end_date: string | null }) => ({
  ...presentPersonRef(t),
  start: t.start_date,
  end: t.end_date,
});

export interface HistoryTermRow extends PersonCols {
  start_date: string;
  end_date: string | null;
  created_at: Date;
  ended_at: Date | null;
  designated_by: string | null;
  ended_by: string | null;
}

export interface PartnerEventRow {
  action: string;
  created_at: Date;
  username: string | null;
}

/** Designations, ends and partner changes, newest first. */
export function presentHistory(terms: HistoryTermRow[], partnerEvents: PartnerEventRow[]) {
  const events = [
    ...terms.map((t) => ({
      event: 'designated' as const,
      at: t.created_at.toISOString(),
      by: t.designated_by,
      person: presentPersonRef(t),
      start: t.start_date,
      end: t.end_date,
    })),
    ...terms
      .filter((t) => t.ended_at !== null)
      .map((t) => ({
        event: 'ended' as const,
        at: t.ended_at!.toISOString(),
        by: t.ended_by,
        person: presentPersonRef(t),
        start: t.start_date,
        end: t.end_date,
      })),
    ...partnerEvents.map((e) => ({
      event: e.action === 'community.partner_mark' ? ('partner_marked' as const) : ('partner_unmarked' as const),
      at: e.created_at.toISOString(),
      by: e.username,
      person: null,
      start: null,
      end: null,
    })),
  ];
  return events.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

export const presentDetail = (
  c: CommunityRow,
  parts: {
    coordinators: PersonCols[];
    ambassadors: (PersonCols & { start_date: string; end_date: string | null })[];
    members: { items: ReturnType<typeof presentMember>[]; next: string | null };
    history: ReturnType<typeof presentHistory>;
    viewer: { member: boolean; coordinator: boolean; canEdit: boolean; isAdmin: boolean };
  },
) => ({
  ...presentSummary(c),
  metaPage: c.meta_page,
  website: c.website,
  wikidataId: c.wikidata_id,
  coordinators: parts.coordinators.map(presentPersonRef),
  ambassadors: parts.ambassadors.map(presentTerm),
  members: parts.members,
  history: parts.history,
  viewer: parts.viewer,
});

export const presentTermAnswer = (t: PersonCols & { id: number; start_date: string; end_date: string | null }, today: string) => ({
  id: String(t.id),
  ...presentTerm(t),
  current: isCurrent(t, today),
});
