// Request shapes of groups, memberships and ambassador terms (the answers are in src/contracts/communities.ts).
import { z } from 'zod';
import { COMMUNITY_KINDS } from '../../../contracts/community-kinds';
import { isCountry } from '../../../contracts/countries';
import { isMediaWikiLanguage } from '../../../contracts/mediawiki-languages';
import { REGIONS } from '../../../contracts/regions';
import { listQuery } from '../../http/pagination';
import { NAME_SPACES, nameChecks } from '../../text/names';
import { codeList } from '../people';

export const NAME_MAX = 120;
export const DESCRIPTION_MAX = 5000;
const META_PREFIX = /^https?:\/\/meta\.wikimedia\.org\/wiki\//i;

/** Group names: NFC, single spaces, 2 to 120 characters as people count them, nothing invisible (text/names.ts). */
const nameSchema = z
  .string()
  .transform((v) => v.normalize('NFC').replace(NAME_SPACES, ' ').trim())
  .pipe(nameChecks(z.string(), 2, NAME_MAX));

const countrySchema = z.string().trim().toUpperCase().refine(isCountry, { message: 'communities-country-unknown' });

/** A Meta-Wiki page title; a full Meta URL is accepted and reduced to its title. */
const metaPageSchema = z
  .string()
  .max(600)
  .transform((v, ctx) => {
    let title = v.trim();
    if (META_PREFIX.test(title)) {
      try {
        title = decodeURIComponent(title.replace(META_PREFIX, '').split(/[?#]/)[0] ?? '');
      } catch {
        ctx.addIssue({ code: 'custom', message: 'communities-meta-page-invalid' });
        return z.NEVER;
      }
    }
    return title.replace(/_/g, ' ').replace(/\s+/g, ' ').trim();
  })
  .pipe(
    z
      .string()
      .min(1)
      .max(255)
      .refine((t) => !/[#<>[\]|{}\u0000-\u001f\u007f]/.test(t) && !/^https?:/i.test(t), {
        message: 'communities-meta-page-invalid',
      }),
  );

const websiteSchema = z.url({ protocol: /^https?$/, hostname: z.regexes.domain }).max(500);
const wikidataSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^Q[1-9]\d{0,11}$/, 'communities-wikidata-invalid');
const languagesSchema = codeList(isMediaWikiLanguage, 'people-language-unknown', 50);

export const createCommunityBody = z.strictObject({
  name: nameSchema,
  kind: z.enum(COMMUNITY_KINDS),
  region: z.enum(REGIONS),
  country: countrySchema.optional(),
  languages: languagesSchema.optional(),
  metaPage: metaPageSchema.optional(),
  website: websiteSchema.optional(),
  wikidataId: wikidataSchema.optional(),
  description: z.string().max(DESCRIPTION_MAX).optional(),
});
export type CreateCommunity = z.infer<typeof createCommunityBody>;

export const updateCommunityBody = z.strictObject({
  name: nameSchema.optional(),
  kind: z.enum(COMMUNITY_KINDS).optional(),
  region: z.enum(REGIONS).optional(),
  country: countrySchema.nullable().optional(),
  languages: languagesSchema.optional(),
  metaPage: metaPageSchema.nullable().optional(),
  website: websiteSchema.nullable().optional(),
  wikidataId: wikidataSchema.nullable().optional(),
  description: z.string().max(DESCRIPTION_MAX).optional(),
  /** Network admins only. */
  partner: z.boolean().optional(),
});
export type UpdateCommunity = z.infer<typeof updateCommunityBody>;

export const communitiesQuery = z.object({
  q: z.string().trim().max(100).optional(),
  region: z.enum(REGIONS).optional(),
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
export type CommunitiesQuery = z.infer<typeof communitiesQuery>;

export const slugParams = z.object({ slug: z.string().min(1).max(200) });
export const memberParams = slugParams.extend({ username: z.string().min(1).max(300) });

export const memberRoleBody = z.strictObject({ role: z.enum(['member', 'coordinator']) });

const isoDate = z.iso.date();
export const designateBody = z
  .strictObject({
    username: z.string().trim().min(1).max(300),
    start: isoDate,
    end: isoDate.nullable().optional(),
  })
  .superRefine((b, ctx) => {
    if (b.end && b.end < b.start)
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'communities-term-end-before-start' });
  });
export type Designate = z.infer<typeof designateBody>;
