// Groups as the API shows them: an explicit whitelist of fields, typed against src/contracts/communities.ts.
// The description is Markdown, shown as sanitized HTML on the group's page.
// People go through the one person presenter (people/person-ref.ts): a hidden display name shows as the username.
import { storedHtml } from '../../markdown/stored';
import { presentPersonRef, type PersonRefRow } from '../people';
import type {
  CommunityDetail,
  CommunitySummary,
  HistoryEvent,
  Member,
  MembersAnswer,
  Term,
  TermAnswer,
} from '../../../contracts/communities';
import type { CommunityRow } from './repo';
import { isCurrentTerm } from './roles';

export interface SummaryRow {
  id: number;
  slug: string;
  name: string;
  kind: string;
  region: string;
  country: string | null;
  languages: string[];
  description: string;
  description_html: string | null;
  html_version: number | null;
  is_partner: boolean;
  partner_since: string | null;
  is_demo: boolean;
  created_at: Date;
  member_count: number | null;
  ambassador_count: number | null;
}

export const presentSummary = (c: SummaryRow): CommunitySummary => ({
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

export const presentMember = (m: PersonRefRow & { role: string; joined_at: Date }): Member => ({
  ...presentPersonRef(m),
  role: m.role,
  joinedAt: m.joined_at.toISOString(),
});

interface TermRow {
  start_date: string;
  end_date: string | null;
}

export const presentTerm = (t: PersonRefRow & TermRow): Term => ({
  ...presentPersonRef(t),
  start: t.start_date,
  end: t.end_date,
});

export interface HistoryTermRow extends PersonRefRow, TermRow {
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
export function presentHistory(terms: HistoryTermRow[], partnerEvents: PartnerEventRow[]): HistoryEvent[] {
  const events: HistoryEvent[] = [
    ...terms.map((t) => ({
      event: 'designated' as const,
      at: t.created_at.toISOString(),
      by: t.designated_by,
      person: presentPersonRef(t),
      start: t.start_date,
      end: t.end_date,
    })),
    ...terms.flatMap((t) =>
      t.ended_at === null
        ? []
        : [
            {
              event: 'ended' as const,
              at: t.ended_at.toISOString(),
              by: t.ended_by,
              person: presentPersonRef(t),
              start: t.start_date,
              end: t.end_date,
            },
          ],
    ),
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
    coordinators: PersonRefRow[];
    ambassadors: (PersonRefRow & TermRow)[];
    members: MembersAnswer;
    history: HistoryEvent[];
    viewer: CommunityDetail['viewer'];
  },
): CommunityDetail => ({
  ...presentSummary(c),
  descriptionHtml: c.description ? storedHtml(c.description, c.description_html, c.html_version) : '',
  metaPage: c.meta_page,
  website: c.website,
  wikidataId: c.wikidata_id,
  coordinators: parts.coordinators.map((p) => presentPersonRef(p)),
  ambassadors: parts.ambassadors.map(presentTerm),
  members: parts.members,
  history: parts.history,
  viewer: parts.viewer,
});

export const presentTermAnswer = (t: PersonRefRow & TermRow & { id: number }, today: string): TermAnswer => ({
  id: String(t.id),
  ...presentTerm(t),
  current: isCurrentTerm(t, today),
});
