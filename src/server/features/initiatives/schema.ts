// Request shapes of initiatives themselves (the idea, its stage and phase), and the field rules every
// capability's requests share. Answers are contracts: src/contracts/initiatives-answers.ts.
import { z } from 'zod';
import { isMediaWikiLanguage } from '../../../contracts/mediawiki-languages';
import { REGIONS } from '../../../contracts/regions';
import { SKILLS } from '../../../contracts/skills';
import { PHASES, STAGES } from '../../../contracts/initiatives';

export const text = (max: number) => z.string().trim().max(max);
export const required = (max: number) => z.string().trim().min(1, 'validation-required').max(max);
export const language = z.string().max(30).refine(isMediaWikiLanguage, 'initiatives-language-unknown');
export const unique = <T>(items: T[]) => new Set(items).size === items.length;
export const list = <T extends z.ZodType>(item: T, max: number) =>
  z.array(item).max(max).refine(unique, 'initiatives-duplicates');
/** A calendar date, YYYY-MM-DD, that exists. */
export const isoDate = z.iso.date({ message: 'initiatives-date-invalid' });
/** A web address: http or https only. */
export const webUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === 'https:' || u.protocol === 'http:') && !!u.hostname;
    } catch {
      return false;
    }
  }, 'validation-url');

const ideaFields = {
  title: required(200),
  summary: required(2000),
  problem: text(5000).optional(),
  audience: text(2000).optional(),
  languages: list(language, 30).optional(),
  regions: list(z.enum(REGIONS), 8).optional(),
  /** Slugs of the groups involved. */
  communities: list(z.string().max(100), 20).optional(),
  skills: list(z.enum(SKILLS), 30).optional(),
};

export const createBody = z.strictObject(ideaFields);
export type CreateBody = z.infer<typeof createBody>;

export const patchBody = z.strictObject({
  ...ideaFields,
  title: ideaFields.title.optional(),
  summary: ideaFields.summary.optional(),
});
export type PatchBody = z.infer<typeof patchBody>;

export const idParams = z.object({ id: z.string().max(30) });

export const stageBody = z.strictObject({ stage: z.enum(STAGES) });
export const phaseBody = z.strictObject({ phase: z.enum(PHASES) });
