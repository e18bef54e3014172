// A group's local adaptation of a document in one language: its base (the document, from its source or its
// translation in that language, and the base's revision), its units (each the same as the base, changed, added
// by the group or dropped, with a note on why), and the base units changed upstream since last reviewed (with
// the base's word diff). Ids are decimal strings (DECISIONS 7), unit ids too (shown to people as `T:12`). The web
// derives its types with z.infer through `import type`.
import { z } from 'zod';
import { personRef } from './people';

/** Where the adaptation started: the English source, or the document's translation in its language. */
export const ADAPTATION_BASES = ['source', 'translation'] as const;
export type AdaptationBase = (typeof ADAPTATION_BASES)[number];

/** A unit of an adaptation against its base: the same, changed, added by the group, or dropped. */
export const ADAPTED_UNIT_STATES = ['same', 'changed', 'added', 'dropped'] as const;
export type AdaptedUnitState = (typeof ADAPTED_UNIT_STATES)[number];

/** What changed upstream: the base unit's text changed, a unit was added to the base, or removed from it. */
export const UPSTREAM_CHANGES = ['changed', 'added', 'removed'] as const;
export type UpstreamChange = (typeof UPSTREAM_CHANGES)[number];

/** How a coordinator settles an upstream change: take the new base, keep the local text, or send a merged one. */
export const REVIEW_TAKES = ['base', 'local', 'merged'] as const;
export type ReviewTake = (typeof REVIEW_TAKES)[number];

const diffPart = z.object({ op: z.enum(['same', 'added', 'removed']), text: z.string() });

/** A base unit changed upstream since the adaptation last reviewed it. */
export const upstreamChange = z.object({
  change: z.enum(UPSTREAM_CHANGES),
  /** The base text as last reviewed ('' for a unit added upstream). */
  before: z.string(),
  /** The base's current text ('' for a unit removed upstream). */
  after: z.string(),
  afterHtml: z.string(),
  /** Word diff from `before` to `after`. */
  diff: z.array(diffPart),
  /** The document unit's source revision now (null for a removed unit). */
  baseRevision: z.number().int().nullable(),
});
export type UpstreamChangeItem = z.infer<typeof upstreamChange>;

export const adaptedUnit = z.object({
  /** The document's unit id for a base unit; 1000000 and above for a unit the group added. */
  id: z.string(),
  /** Whether the unit is the group's own (added), not the base's. */
  local: z.boolean(),
  kind: z.enum(['title', 'heading', 'paragraph', 'list', 'table', 'other']),
  /** Markdown ('' for a unit added upstream and not yet taken). */
  text: z.string(),
  /** Sanitized HTML rendered from the text. */
  html: z.string(),
  /**
   * The language of the text shown: the adaptation's for the group's own units and changed texts and for base
   * units from a translation; the base's fallback (English, the source) for a base unit it has no translation of.
   */
  language: z.string(),
  dir: z.enum(['ltr', 'rtl']),
  /** Why the group changed, added or dropped it ('' when none given). */
  note: z.string(),
  state: z.enum(ADAPTED_UNIT_STATES),
  /** The base text this unit was last reviewed against (null for a local unit): shown beside a changed one. */
  baseText: z.string().nullable(),
  /** The unit's own revision: the `baseRevision` of its next save (0 for a unit added upstream, not yet taken). */
  revision: z.number().int(),
  /** The base changed since last reviewed: take the base, keep the local text, or merge. Null when up to date. */
  upstream: upstreamChange.nullable(),
  /** Open amendments of this unit (count). */
  openAmendments: z.number().int(),
  updatedBy: personRef.nullable(),
  updatedAt: z.string(),
});
export type AdaptedUnit = z.infer<typeof adaptedUnit>;

export const adaptationCommunity = z.object({ id: z.string(), slug: z.string(), name: z.string() });

export const adaptationBaseRef = z.object({
  document: z.object({ id: z.string(), slug: z.string(), title: z.string() }),
  /** The language of the adaptation; for a translation base, the translation's language too. */
  language: z.string(),
  basedOn: z.enum(ADAPTATION_BASES),
  /** The document revision the adaptation was made from or last reviewed against. */
  revision: z.number().int(),
  /** The document's current revision. */
  currentRevision: z.number().int(),
});

/** One adaptation in lists (a document's adaptations, a group's). */
export const adaptationSummary = z.object({
  id: z.string(),
  /** The adaptation's title: its unit 0. */
  title: z.string(),
  community: adaptationCommunity,
  language: z.string(),
  dir: z.enum(['ltr', 'rtl']),
  base: adaptationBaseRef,
  /** Its own revision: one more with every change of a unit. */
  revision: z.number().int(),
  /** Units that differ from the base (changed, added or dropped). */
  differing: z.number().int(),
  /** Base units changed upstream and not yet reviewed. */
  pendingReview: z.number().int(),
  createdBy: personRef.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AdaptationSummary = z.infer<typeof adaptationSummary>;

export const adaptationList = z.object({ items: z.array(adaptationSummary), next: z.string().nullable() });
export type AdaptationList = z.infer<typeof adaptationList>;

export const adaptationDetail = adaptationSummary.extend({
  /** Every unit in the adaptation's order, dropped ones where they stood; units added upstream and not yet
   * reviewed where they stand in the base (state 'same', text '', `upstream.change` 'added'). */
  units: z.array(adaptedUnit),
  /** The comment thread: comments with the subject {type: 'adaptation', id}. */
  subject: z.object({ type: z.literal('adaptation'), id: z.string() }),
  /** What the reader may do: the group's coordinators edit and review; anyone signed in proposes amendments. */
  can: z.object({ edit: z.boolean(), review: z.boolean(), amend: z.boolean() }),
});
export type AdaptationDetail = z.infer<typeof adaptationDetail>;

/** The answer to a unit's save, addition, drop or review: the unit as it is now and the adaptation's revision. */
export const savedAdaptedUnit = z.object({
  adaptationId: z.string(),
  /** The adaptation's revision after the change. */
  revision: z.number().int(),
  unit: adaptedUnit,
  /** The unit's place among the adaptation's units (0-based). */
  position: z.number().int(),
});
export type SavedAdaptedUnit = z.infer<typeof savedAdaptedUnit>;
