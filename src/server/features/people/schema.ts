// Request shapes of profiles and the participants directory; the answers are in src/contracts/people.ts.
import { z } from 'zod';
import { isMediaWikiLanguage } from '../../../contracts/mediawiki-languages';
import { REGIONS } from '../../../contracts/regions';
import { isSkill } from '../../../contracts/skills';
import { COMMUNITY_KINDS } from '../../../contracts/community-kinds';
import { UI_LANGUAGES } from '../../../contracts/languages';
import { PROFILE_FIELDS } from '../../../contracts/people';
import { listQuery } from '../../http/pagination';
import { NAME_SPACES, nameChecks } from '../../text/names';

export { PROFILE_FIELDS, type ProfileField } from '../../../contracts/people';

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
  .pipe(
    z
      .string()
      .max(85)
      .refine((v) => !/[#<>[\]|{}/@:\u0000-\u001f\u007f]/.test(v), { message: 'people-wikimedia-username-invalid' }),
  );

/** Display names need not be unique (DECISIONS 27) but may not hide or reorder anything (text/names.ts). */
const displayNameSchema = z
  .string()
  .transform((v) => v.normalize('NFC').replace(NAME_SPACES, ' ').trim())
  .pipe(nameChecks(z.string(), 0, DISPLAY_NAME_MAX));

export const profilePatchBody = z.strictObject({
  displayName: displayNameSchema.optional(),
  wikimediaUsername: wikimediaUsername.nullable().optional(),
  languages: languagesSchema.optional(),
  region: regionSchema.nullable().optional(),
  timeZone: timeZoneSchema.nullable().optional(),
  bio: z.string().max(BIO_MAX).optional(),
  interests: skillList.optional(),
  uiLanguage: z.enum(UI_LANGUAGES).nullable().optional(),
  publicFields: z
    .array(z.enum(PROFILE_FIELDS))
    .max(PROFILE_FIELDS.length * 2)
    .transform((f) => [...new Set(f)])
    .optional(),
});
export type ProfilePatch = z.infer<typeof profilePatchBody>;

/** The interface language alone: a suspended person may still change it (their profile they may not). */
export const uiLanguageBody = z.strictObject({ uiLanguage: z.enum(UI_LANGUAGES).nullable() });
export type UiLanguageBody = z.infer<typeof uiLanguageBody>;

export const usernameParams = z.object({ username: z.string().min(1).max(300) });

export const participantsQuery = z.object({
  q: z.string().trim().max(100).optional(),
  region: regionSchema.optional(),
  language: z
    .string()
    .trim()
    .toLowerCase()
    .max(40)
    .refine(isMediaWikiLanguage, { message: 'people-language-unknown-filter' })
    .optional(),
  kind: z.enum(COMMUNITY_KINDS).optional(),
  partner: z.stringbool().optional(),
  ambassador: z.stringbool().optional(),
  ...listQuery,
});
export type ParticipantsQuery = z.infer<typeof participantsQuery>;
