// Answers about people that every feature shares. The web derives its types from these with z.infer (and
// imports them with `import type`, so no schema code reaches the browser).
import { z } from 'zod';

/**
 * A person as other items name them (an author, a lead, a member): their username and the name to show, which
 * is the display name when they made it public, else the username.
 */
export const personRef = z.object({ username: z.string(), displayName: z.string() });
export type PersonRef = z.infer<typeof personRef>;

/** Profile fields a person may make public, as stored in users.public_fields. */
export const PROFILE_FIELDS = [
  'display_name',
  'wikimedia_username',
  'languages',
  'region',
  'time_zone',
  'bio',
  'interests',
] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

/** One's own profile, with every field and which ones are public. */
export const ownProfile = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  wikimediaUsername: z.string().nullable(),
  /** True when the Wikimedia username comes from "Log in with Wikimedia" and cannot be edited. */
  wikimediaLinked: z.boolean(),
  languages: z.array(z.string()),
  region: z.string().nullable(),
  timeZone: z.string().nullable(),
  bio: z.string(),
  interests: z.array(z.string()),
  uiLanguage: z.string().nullable(),
  publicFields: z.array(z.string()),
});
export type OwnProfile = z.infer<typeof ownProfile>;

const groupRef = z.object({ slug: z.string(), name: z.string() });

export const personAnswer = z.object({
  id: z.string(),
  username: z.string(),
  /** Fields the person keeps private are null for everyone else. */
  displayName: z.string().nullable(),
  wikimediaUsername: z.string().nullable(),
  languages: z.array(z.string()).nullable(),
  region: z.string().nullable(),
  timeZone: z.string().nullable(),
  bio: z.string().nullable(),
  interests: z.array(z.string()).nullable(),
  /** Only on one's own page: which fields are public. */
  publicFields: z.array(z.string()).optional(),
  isSelf: z.boolean(),
  isDemo: z.boolean(),
  networkRoles: z.array(z.string()),
  joinedAt: z.string(),
  groups: z.array(
    groupRef.extend({ kind: z.string(), isPartner: z.boolean(), role: z.string(), joinedAt: z.string() }),
  ),
  ambassadorTerms: z.array(groupRef.extend({ start: z.string(), end: z.string().nullable(), current: z.boolean() })),
});
export type PersonAnswer = z.infer<typeof personAnswer>;

/** An old username: where the person's page is now. */
export const movedAnswer = z.object({ username: z.string(), location: z.string() });
export type MovedAnswer = z.infer<typeof movedAnswer>;

export const participantItem = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string().nullable(),
  region: z.string().nullable(),
  languages: z.array(z.string()).nullable(),
  interests: z.array(z.string()).nullable(),
  isDemo: z.boolean(),
  groups: z.array(groupRef.extend({ role: z.string() })),
  ambassadorOf: z.array(groupRef),
});
export type ParticipantItem = z.infer<typeof participantItem>;

export const participantsAnswer = z.object({ items: z.array(participantItem), next: z.string().nullable() });
export type ParticipantsAnswer = z.infer<typeof participantsAnswer>;

export const languagesInUseAnswer = z.object({ items: z.array(z.string()), next: z.null() });
export type LanguagesInUseAnswer = z.infer<typeof languagesInUseAnswer>;
