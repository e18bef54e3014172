// Request and response shapes of profiles and the participants directory.
import { z } from 'zod';
import { isMediaWikiLanguage } from '../../../contracts/mediawiki-languages';
import { REGIONS } from '../../../contracts/regions';
import { isSkill } from '../../../contracts/skills';
import { COMMUNITY_KINDS } from '../../../contracts/community-kinds';
import { UI_LANGUAGES } from '../../../contracts/languages';
import { listQuery } from '../../http/pagination';

/** Profile fields a person may make public, as stored in users.public_fields. */
export const PROFILE_FIELDS = ['display_name', 'wikimedia_username', 'languages', 'region', 'time_zone', 'bio', 'interests'] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

export const BIO_MAX = 2000;
export const DISPLAY_NAME_MAX = 100;

/** A list of codes from a shipped list: duplicates dropped, an unknown code names the field. */
export const codeList = (isKnown: (code: string) => boolean, unknownKey: string, max: number) =>
  z
    .array(z.string().trim().toLowerCase().max(40))
    .max(max)
    .superRefine((codes, ctx) => {
      const bad = codes.find((c) => !isKnown(c));
      if (bad !== undefined) ctx.addIssue({ code: 'custom', message: unknownKey, params: { i18n: [bad] } });
    })
    .transform((codes) => [...new Set(codes)]);

export const languagesSchema = codeList(isMediaWikiLanguage, 'people-language-unknown', 30);
export const regionSchema = z.enum(REGIONS);

/** An IANA time zone Intl knows, in its canonical spelling. */
export const timeZoneSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .transform((zone, ctx) => {
    try {
      const resolved = new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
      // Keep the name as chosen (Intl may answer an older alias, Asia/Calcutta for Asia/Kolkata), fixing only
      // its letter case when Intl knows the same name.
      const lower = zone.toLowerCase();
      if (resolved.toLowerCase() === lower) return resolved;
      return Intl.supportedValuesOf('timeZone').find((z) => z.toLowerCase() === lower) ?? zone;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'people-time-zone-unknown', params: { i18n: [zone] } });
      return z.NEVER;
    }
  });

const skillList = z
  .array(z.string().trim().max(60))
  .max(30)
  .superRefine((slugs, ctx) => {
    const bad = slugs.find((s) => !isSkill(s));
    if (bad !== undefined) ctx.addIssue({ code: 'custom', message: 'people-skill-unknown', params: { i18n: [bad] } });
  })
  .transform((slugs) => [...new Set(slugs)]);

/** Wikimedia usernames follow the same title rules as ours. */
const wikimediaUsername = z
  .string()
  .transform((v) => v.normalize('NFC').replace(/_/g, ' ').replace(/\s+/g, ' ').trim())
  .pipe(z.string().max(85).refine((v) => !/[#<>[\]|{}/@:\u0000-\u001f\u007f]/.test(v), { message: 'people-wikimedia-username-invalid' }));

export const profilePatchBody = z.strictObject({
  displayName: z.string().trim().max(DISPLAY_NAME_MAX).optional(),
  wikimediaUsername: wikimediaUsername.nullable().optional(),
  languages: languagesSchema.optional(),
  region: regionSchema.nullable().optional(),
  timeZone: timeZoneSchema.nullable().optional(),
  bio: z.string().max(BIO_MAX).optional(),
  interests: skillList.optional(),
  uiLanguage: z.enum(UI_LANGUAGES).nullable().optional(),
  publicFields: z.array(z.enum(PROFILE_FIELDS)).max(PROFILE_FIELDS.length * 2).transform((f) => [...new Set(f)]).optional(),
});
export type ProfilePatch = z.infer<typeof profilePatchBody>;

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
  groups: z.array(groupRef.extend({ kind: z.string(), isPartner: z.boolean(), role: z.string(), joinedAt: z.string() })),
  ambassadorTerms: z.array(groupRef.extend({ start: z.string(), end: z.string().nullable(), current: z.boolean() })),
});

export const movedAnswer = z.object({ username: z.string(), location: z.string() });

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

export const participantsQuery = z.object({
  q: z.string().trim().max(100).optional(),
  region: regionSchema.optional(),
  language: z.string().trim().toLowerCase().max(40).refine(isMediaWikiLanguage, { message: 'people-language-unknown-filter' }).optional(),
  kind: z.enum(COMMUNITY_KINDS).optional(),
  partner: z.stringbool().optional(),
  ambassador: z.stringbool().optional(),
  ...listQuery,
});
export type ParticipantsQuery = z.infer<typeof participantsQuery>;

export const participantsAnswer = z.object({ items: z.array(participantItem), next: z.string().nullable() });

export const languagesInUseAnswer = z.object({ items: z.array(z.string()), next: z.null() });
