// Request shapes of what the leads record: progress updates, links, grants, checklist items, the evaluation.
import { z } from 'zod';
import { GRANT_PROGRAMS, GRANT_STATUSES, LINK_KINDS, RESULTS } from '../../../../contracts/initiatives';
import { REGIONS } from '../../../../contracts/regions';
import { isoDate, language, list, required, text, unique, webUrl } from '../schema';

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

export const grantParams = z.object({ id: z.string().max(30), grantId: z.string().max(30) });
export const linkParams = z.object({ id: z.string().max(30), linkId: z.string().max(30) });
export const itemParams = z.object({ id: z.string().max(30), item: z.string().max(60) });

export const updateBody = z.strictObject({ title: required(200), body: required(20000) });
export type UpdateBody = z.infer<typeof updateBody>;
/**
 * A link: an address with a title, or an item of the platform (DECISIONS 11): `{kind: "event", event}` or
 * `{kind: "course", course}` with the item's id; its title and address then come from the item.
 */
export const linkBody = z
  .strictObject({
    kind: z.enum(LINK_KINDS),
    title: required(200).optional(),
    url: webUrl.optional(),
    event: z.string().max(30).optional(),
    course: z.string().max(30).optional(),
  })
  .superRefine((b, ctx) => {
    const item = b.event !== undefined || b.course !== undefined;
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (b.event !== undefined && b.course !== undefined) issue('course', 'initiatives-link-one-item');
    else if (b.event !== undefined && b.kind !== 'event') issue('kind', 'initiatives-link-kind-item');
    else if (b.course !== undefined && b.kind !== 'course') issue('kind', 'initiatives-link-kind-item');
    if (item) {
      if (b.url !== undefined) issue('url', 'initiatives-link-item-no-url');
      if (b.title !== undefined) issue('title', 'initiatives-link-item-no-url');
    } else {
      if (b.title === undefined) issue('title', 'validation-required');
      if (b.url === undefined) issue('url', 'validation-required');
    }
  });
export type LinkBody = z.infer<typeof linkBody>;

const metaGrantUrl = webUrl.refine(
  (v) => /^https:\/\/meta\.wikimedia\.org\/wiki\/./.test(v),
  'initiatives-grant-url-meta',
);
export const grantBody = z.strictObject({
  program: z.enum(GRANT_PROGRAMS),
  amount: z
    .number()
    .min(0)
    .max(1e11)
    .refine(
      (n) => Math.round(n * 100) === n * 100 || Math.abs(Math.round(n * 100) - n * 100) < 1e-6,
      'initiatives-amount-cents',
    ),
  currency: z.string().refine((c) => CURRENCIES.has(c), 'initiatives-currency-unknown'),
  status: z.enum(GRANT_STATUSES),
  url: metaGrantUrl.nullable().optional(),
});
export type GrantBody = z.infer<typeof grantBody>;

export const checkBody = z.strictObject({ checked: z.boolean() });

export const evaluationBody = z.strictObject({
  outcomes: z
    .array(z.strictObject({ goal: required(500), result: z.enum(RESULTS), note: text(2000).optional() }))
    .min(1)
    .max(30),
  reached: z
    .array(z.strictObject({ region: z.enum(REGIONS), language, count: z.number().int().min(0).max(10_000_000) }))
    .max(200)
    .refine((rows) => unique(rows.map((r) => `${r.region}|${r.language}`)), 'initiatives-duplicates'),
  lessons: required(10000),
  differently: text(10000).optional(),
  documentation: list(webUrl, 30),
  followUp: isoDate.nullable().optional(),
});
export type EvaluationBody = z.infer<typeof evaluationBody>;
