// Amendments: new Markdown proposed for one unit, or consecutive units of one section, of a document or of a
// group's adaptation, with a rationale. People take positions (support, oppose, neutral; one each, changeable);
// maintainers (admins for a document, the group's coordinators for its adaptation) accept or reject; the author
// may withdraw; coordinators may adopt a rejected amendment of a document into their adaptation. Ids are decimal
// strings (DECISIONS 7); maps keyed by an enum use its snake_case values (DECISIONS 8). The web derives its types
// with z.infer through `import type`.
import { z } from 'zod';
import { personRef } from './people';

export const AMENDMENT_TARGETS = ['document', 'adaptation'] as const;
export type AmendmentTarget = (typeof AMENDMENT_TARGETS)[number];

export const AMENDMENT_STATUSES = ['open', 'accepted', 'rejected', 'withdrawn'] as const;
export type AmendmentStatus = (typeof AMENDMENT_STATUSES)[number];

export const POSITIONS = ['support', 'oppose', 'neutral'] as const;
export type Position = (typeof POSITIONS)[number];

const diffPart = z.object({ op: z.enum(['same', 'added', 'removed']), text: z.string() });

export const amendmentTargetRef = z.object({
  type: z.enum(AMENDMENT_TARGETS),
  id: z.string(),
  /** The document's title, or the adaptation's (its unit 0). */
  title: z.string(),
  /** The document's slug (for an adaptation, its document's). */
  slug: z.string(),
  /** The language of the target's text: 'en' for a document, the adaptation's language otherwise. */
  language: z.string(),
  /** For an adaptation: its group. */
  community: z.object({ slug: z.string(), name: z.string() }).nullable(),
  /** Path of the target's page. */
  link: z.string(),
});
export type AmendmentTargetRef = z.infer<typeof amendmentTargetRef>;

/** A unit the amendment replaces, as it is now. */
export const amendedUnit = z.object({
  id: z.string(),
  /** Its current text ('' when the unit has since been removed). */
  text: z.string(),
  html: z.string(),
  /** Its revision when the amendment was proposed, and now (differing: the amendment is stale). */
  proposedAt: z.number().int(),
  current: z.number().int(),
  removed: z.boolean(),
});
export type AmendedUnit = z.infer<typeof amendedUnit>;

/** Counts of positions, keyed by the position's value. */
export const positionCounts = z.object({
  support: z.number().int(),
  oppose: z.number().int(),
  neutral: z.number().int(),
});
export type PositionCounts = z.infer<typeof positionCounts>;

export const adoptionRef = z.object({
  adaptationId: z.string(),
  community: z.object({ slug: z.string(), name: z.string() }),
  language: z.string(),
  by: personRef.nullable(),
  at: z.string(),
});

/** One amendment in lists. */
export const amendmentSummary = z.object({
  id: z.string(),
  target: amendmentTargetRef,
  unitIds: z.array(z.string()),
  /** The proposed Markdown, and its HTML. */
  text: z.string(),
  html: z.string(),
  rationale: z.string(),
  /** The start of the rationale as plain text, for lists. */
  rationaleText: z.string(),
  author: personRef.nullable(),
  status: z.enum(AMENDMENT_STATUSES),
  positions: positionCounts,
  /** A unit changed since it was proposed: accepting needs merged text. Always false once decided. */
  stale: z.boolean(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type AmendmentSummary = z.infer<typeof amendmentSummary>;

export const amendmentList = z.object({ items: z.array(amendmentSummary), next: z.string().nullable() });
export type AmendmentList = z.infer<typeof amendmentList>;

export const amendmentDetail = amendmentSummary.extend({
  rationaleHtml: z.string(),
  /** The units as they are now, in order. */
  units: z.array(amendedUnit),
  /** Word diff from the units' current text (joined by blank lines) to the proposed text. */
  diff: z.array(diffPart),
  decidedBy: personRef.nullable(),
  /** A rejection's reason (null otherwise). */
  reason: z.string().nullable(),
  /** The revision that accepting it made (of the document or the adaptation). */
  acceptedRevision: z.number().int().nullable(),
  /** Groups that adopted it (a rejected amendment of a document) into their adaptations. */
  adoptions: z.array(adoptionRef),
  /** The reader's position (null when none, or anonymous). */
  myPosition: z.enum(POSITIONS).nullable(),
  /** The comment thread: comments with the subject {type: 'amendment', id}. */
  subject: z.object({ type: z.literal('amendment'), id: z.string() }),
  /** What the reader may do. `adoptInto`: adaptations (ids) of the reader's groups it may be adopted into. */
  can: z.object({
    position: z.boolean(),
    accept: z.boolean(),
    reject: z.boolean(),
    withdraw: z.boolean(),
    adoptInto: z.array(z.object({ id: z.string(), title: z.string(), language: z.string() })),
  }),
});
export type AmendmentDetail = z.infer<typeof amendmentDetail>;

/** The answer to taking or removing a position. */
export const positionAnswer = z.object({
  amendmentId: z.string(),
  positions: positionCounts,
  myPosition: z.enum(POSITIONS).nullable(),
  /** The comment posted to the amendment's thread with the position, if any. */
  commentId: z.string().nullable(),
});
export type PositionAnswer = z.infer<typeof positionAnswer>;
