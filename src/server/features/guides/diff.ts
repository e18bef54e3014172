// What changed in the English text since a translation last caught up with it: a line diff (longest common
// subsequence), small enough to need no library. Guides are a few hundred lines at most; beyond a budget the
// diff gives up on alignment and shows the old lines removed and the new ones added.
export interface DiffPart {
  op: 'same' | 'added' | 'removed';
  text: string;
}

const BUDGET = 4_000_000;

export function diffLines(before: string[], after: string[]): DiffPart[] {
  // Common head and tail need no table.
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < before.length - head && tail < after.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  const a = before.slice(head, before.length - tail);
  const b = after.slice(head, after.length - tail);
  const middle: DiffPart[] = [];
  if (a.length * b.length > BUDGET) {
    middle.push(...a.map((text) => ({ op: 'removed' as const, text })), ...b.map((text) => ({ op: 'added' as const, text })));
  } else {
    // lengths[i][j]: the longest common subsequence of a[i..] and b[j..].
    const lengths = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
    for (let i = a.length - 1; i >= 0; i--) {
      for (let j = b.length - 1; j >= 0; j--) {
        lengths[i][j] = a[i] === b[j] ? lengths[i + 1][j + 1] + 1 : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
      }
    }
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
      if (i < a.length && j < b.length && a[i] === b[j]) {
        middle.push({ op: 'same', text: a[i] });
        i++;
        j++;
      } else if (j < b.length && (i === a.length || lengths[i][j + 1] >= lengths[i + 1][j])) {
        middle.push({ op: 'added', text: b[j++] });
      } else {
        middle.push({ op: 'removed', text: a[i++] });
      }
    }
  }
  return [
    ...before.slice(0, head).map((text) => ({ op: 'same' as const, text })),
    ...middle,
    ...before.slice(before.length - tail).map((text) => ({ op: 'same' as const, text })),
  ];
}

export const diffText = (before: string, after: string): DiffPart[] => diffLines(before.split('\n'), after.split('\n'));
