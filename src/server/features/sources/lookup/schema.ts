// The body of "Add by identifier": what someone pasted (a DOI, an ISBN or a Wikidata id, in any usual spelling).
import { z } from 'zod';

export const lookupBody = z.strictObject({ identifier: z.string().trim().min(1, 'validation-required').max(300) });
export type LookupBody = z.infer<typeof lookupBody>;
