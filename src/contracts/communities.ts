// Answers of the communities API (groups, memberships, ambassador terms, the overview counts), shared: the server
// presents against them and the web derives its types from them with z.infer (always `import type` there).
import { z } from 'zod';
import { personRef } from './people';

/**
 * A person as a group names them. The display name is the username when the person keeps theirs hidden
 * (people/person-ref.ts); the schema keeps it nullable, as this answer always declared it.
 */
const person = personRef.extend({ displayName: z.string().nullable() });

export const communitySummary = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  kind: z.string(),
  region: z.string(),
  country: z.string().nullable(),
  languages: z.array(z.string()),
  description: z.string(),
  isPartner: z.boolean(),
  partnerSince: z.string().nullable(),
  isDemo: z.boolean(),
  memberCount: z.number(),
  ambassadorCount: z.number(),
  createdAt: z.string(),
});
export type CommunitySummary = z.infer<typeof communitySummary>;

export const memberItem = person.extend({ role: z.string(), joinedAt: z.string() });
export type Member = z.infer<typeof memberItem>;
export const membersAnswer = z.object({ items: z.array(memberItem), next: z.string().nullable() });
export type MembersAnswer = z.infer<typeof membersAnswer>;

export const termItem = person.extend({ start: z.string(), end: z.string().nullable() });
export type Term = z.infer<typeof termItem>;

export const historyItem = z.object({
  event: z.enum(['designated', 'ended', 'partner_marked', 'partner_unmarked']),
  at: z.string(),
  by: z.string().nullable(),
  person: person.nullable(),
  start: z.string().nullable(),
  end: z.string().nullable(),
});
export type HistoryEvent = z.infer<typeof historyItem>;

export const viewerOfCommunity = z.object({
  member: z.boolean(),
  coordinator: z.boolean(),
  canEdit: z.boolean(),
  isAdmin: z.boolean(),
});

export const communityDetail = communitySummary.extend({
  /** The description (Markdown) as sanitized HTML, empty when there is none. */
  descriptionHtml: z.string(),
  metaPage: z.string().nullable(),
  website: z.string().nullable(),
  wikidataId: z.string().nullable(),
  coordinators: z.array(person),
  ambassadors: z.array(termItem),
  members: membersAnswer,
  history: z.array(historyItem),
  viewer: viewerOfCommunity,
});
export type CommunityDetail = z.infer<typeof communityDetail>;

export const communitiesAnswer = z.object({ items: z.array(communitySummary), next: z.string().nullable() });
export type CommunitiesAnswer = z.infer<typeof communitiesAnswer>;

/** The languages groups work in (codes), for the directory's language filter: one page, never a next. */
export const communityLanguagesAnswer = z.object({ items: z.array(z.string()), next: z.null() });
export type CommunityLanguagesAnswer = z.infer<typeof communityLanguagesAnswer>;

export const membershipAnswer = z.object({ username: z.string(), role: z.string(), joinedAt: z.string() });
export type Membership = z.infer<typeof membershipAnswer>;

export const termAnswer = termItem.extend({ id: z.string(), current: z.boolean() });
export type TermAnswer = z.infer<typeof termAnswer>;

/** The network's counts on the overview. */
export const statsAnswer = z.object({
  participants: z.number(),
  groups: z.number(),
  partners: z.number(),
  ambassadors: z.number(),
  languages: z.number(),
});
export type Stats = z.infer<typeof statsAnswer>;
