import { describe, expect, it } from 'vitest';
import { readMarked } from '../../../text/units';
import { textEdits } from './service';

const now = [
  { unit_id: 0, text: 'Title' },
  { unit_id: 1, text: 'One' },
  { unit_id: 2, text: 'Two' },
  { unit_id: 3, text: 'Three' },
];
const base = new Map(now.map((u) => [u.unit_id, u.text]));

describe('textEdits', () => {
  it('changes nothing for the text as it is', () => {
    const text = '<!--T:0-->\nTitle\n\n<!--T:1-->\nOne\n\n<!--T:2-->\nTwo\n\n<!--T:3-->\nThree';
    expect(textEdits(readMarked(text), now, base, 4)).toEqual([]);
  });

  it('keeps ids by marker, removes vanished ones, adds new blocks where they stand, moves as little as it can', () => {
    const text = '<!--T:0-->\nTitle\n\nNew first\n\n<!--T:3-->\nThree\n\n<!--T:1-->\nOne, changed';
    expect(textEdits(readMarked(text), now, base, 4)).toEqual([
      { op: 'remove', unitId: 2 },
      { op: 'add', after: null, text: 'New first' },
      { op: 'move', unitId: 3, after: 4 },
      { op: 'change', unitId: 1, text: 'One, changed' },
    ]);
  });

  it('leaves alone what the editor did not change since the base, and units added since', () => {
    const current = [...now, { unit_id: 4, text: 'Added by someone else' }].map((u) =>
      u.unit_id === 2 ? { ...u, text: 'Two, changed by someone else' } : u,
    );
    const text = '<!--T:0-->\nTitle\n\n<!--T:1-->\nOne\n\n<!--T:2-->\nTwo\n\n<!--T:3-->\nThree';
    expect(textEdits(readMarked(text), current, base, 5)).toEqual([]);
  });

  it('conflicts over a marker of a unit removed since the base', () => {
    const current = now.filter((u) => u.unit_id !== 2);
    expect(() => textEdits(readMarked('<!--T:2-->\nTwo'), current, base, 4)).toThrow(/conflict/);
  });

  it('refuses a marker the document never had, naming the line, and a title over several lines', () => {
    expect(() => textEdits(readMarked('<!--T:9-->\nNine'), now, base, 4)).toThrow();
    expect(() => textEdits(readMarked('<!--T:0-->\nTwo\nlines'), now, base, 4)).toThrow();
  });
});
