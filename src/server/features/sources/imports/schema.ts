// Request shapes of imports (the answers' are in src/contracts/sources.ts).
import { z } from 'zod';
import { IMPORT_ACTIONS } from '../../../../contracts/sources';

const id = z.string().max(30);

export const importParams = z.object({ id });
export const entryParams = z.object({ id, n: z.string().max(12) });
export const importQuery = z.object({ cursor: z.string().max(500).optional() });

/** What the importer chose for an entry: `merge` needs `into`, the source to fill. */
export const chooseBody = z.strictObject({
  action: z.enum(IMPORT_ACTIONS),
  into: z.string().trim().max(30).nullable().optional(),
});
export type ChooseBody = z.infer<typeof chooseBody>;

/** An upload is the file itself, read as text. */
export const uploadBody = z.string();
