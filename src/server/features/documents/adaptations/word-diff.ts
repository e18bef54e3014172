// A word diff of two unit texts (jsdiff's diffWords; spaces stay with the words they follow), for a base unit
// changed upstream and an amendment against the units it replaces. To give way to src/server/text/diff.ts's
// diffWords once it lands there.
import { diffWords } from 'diff';
import type { DiffPart } from '../../../text/diff';

export function wordDiff(before: string, after: string): DiffPart[] {
  return diffWords(before, after).map((c) => ({
    op: c.added ? ('added' as const) : c.removed ? ('removed' as const) : ('same' as const),
    text: c.value,
  }));
}
