// Request shapes of sources' records: add, edit, history, revert, merge (answers are in src/contracts/sources.ts).
// The record's own fields and their rules are the feature's one record schema (../schema.ts).
import { z } from 'zod';
import { listQuery } from '../../../http/pagination';
import { recordFields } from '../schema';

export const idParams = z.object({ id: z.string().max(30) });

/** A record plus `force`: add it although a source with the same title and first author exists. */
export const createBody = z.strictObject({ ...recordFields, force: z.boolean().optional() });
export type CreateBody = z.infer<typeof createBody>;

const f = recordFields;
/**
 * The fields that change (others stay as they are), the revision the editor started from, and a note for the
 * history. `identifiers`, when sent, is the whole set: one left out is removed.
 */
export const patchBody = z.strictObject({
  kind: f.kind.optional(),
  title: f.title.optional(),
  authors: f.authors.optional(),
  year: f.year,
  publisher: f.publisher,
  languages: f.languages.optional(),
  identifiers: f.identifiers,
  access: f.access.optional(),
  summary: f.summary,
  skills: f.skills.optional(),
  baseRevision: z.number().int().min(1),
  comment: z.string().trim().max(500).optional(),
  force: z.boolean().optional(),
});
export type PatchBody = z.infer<typeof patchBody>;

export const revisionsQuery = z.object(listQuery);
export type RevisionsQuery = z.infer<typeof revisionsQuery>;

export const revertBody = z.strictObject({
  // A revision is a PostgreSQL integer: a larger number names none, and is refused before the query.
  revision: z
    .number()
    .int()
    .min(1)
    .max(2 ** 31 - 1),
  comment: z.string().trim().max(500).optional(),
});
export type RevertBody = z.infer<typeof revertBody>;

export const mergeBody = z.strictObject({ into: z.string().trim().min(1, 'validation-required').max(30) });
export type MergeBody = z.infer<typeof mergeBody>;
