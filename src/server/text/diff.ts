// What changed in the English text since a translation last caught up with it: a line diff by jsdiff
// (`diff`), as parts of one line each so the page can mark every line.
import { diffArrays } from 'diff';

export interface DiffPart {
  op: 'same' | 'added' | 'removed';
  text: string;
}

export function diffLines(before: string[], after: string[]): DiffPart[] {
  return diffArrays(before, after).flatMap((change) =>
    change.value.map((text) => ({
      op: change.added ? ('added' as const) : change.removed ? ('removed' as const) : ('same' as const),
      text,
    })),
  );
}

export const diffText = (before: string, after: string): DiffPart[] => diffLines(before.split('\n'), after.split('\n'));
