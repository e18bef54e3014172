// Cursors are input like any other: only what encodeCursor writes for that list is taken, anything else is a
// 400 naming `cursor` (every list's own check is in fuzz.test.ts).
import { describe, expect, it } from 'vitest';
import { decodeCursor, decodeTimeIdCursor, encodeCursor } from './pagination';
import { HttpError } from './errors';

const refused = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    return err instanceof HttpError && err.status === 400 && err.options.errors?.[0]?.field === 'cursor';
  }
  return false;
};
const raw = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

describe('decodeCursor', () => {
  it('gives back what encodeCursor wrote, and null without a cursor', () => {
    const at = new Date('2026-03-01T10:00:00.123Z').toISOString();
    expect(decodeTimeIdCursor(encodeCursor([at, 42]))).toEqual([at, 42]);
    expect(decodeCursor(encodeCursor(['open', at, 7]), ['text', 'time', 'id'])).toEqual(['open', at, 7]);
    expect(decodeCursor(encodeCursor([0]), ['number'])).toEqual([0]);
    expect(decodeCursor(encodeCursor(['2026-03-01T10:00:00.123456Z', 1]), ['time', 'id'])).not.toBeNull();
    expect(decodeCursor(encodeCursor(['1970-01-01T00:00:00.000Z', 1]), ['time', 'id'])).not.toBeNull();
    expect(decodeCursor(undefined, ['id'])).toBeNull();
    expect(decodeCursor('', ['id'])).toBeNull();
  });

  it('refuses ids that are not safe positive integers', () => {
    for (const v of ['x', '1', 1.5, 1e300, 0, -1, 2 ** 53, null, [], {}])
      expect(
        refused(() => decodeCursor(raw([v]), ['id'])),
        String(v),
      ).toBe(true);
  });

  it('refuses counts and revisions outside PostgreSQL’s integer', () => {
    for (const v of [-1, 1.5, 2 ** 31, 'x']) expect(refused(() => decodeCursor(raw([v]), ['number']))).toBe(true);
  });

  it('refuses times that are not instants of a sane year, on a real day', () => {
    for (const v of [
      '+099999-01-01T00:00:00.000Z',
      '99999-01-01T00:00:00Z',
      '0999-12-31T00:00:00.000Z',
      '2024-02-30T00:00:00.000Z',
      '2024-13-01T00:00:00.000Z',
      '2024-01-01T24:00:00.000Z',
      '2024-01-01',
      '2024-01-01T00:00:00+02:00',
      'yesterday',
      1,
    ])
      expect(
        refused(() => decodeTimeIdCursor(raw([v, 1]))),
        String(v),
      ).toBe(true);
  });

  it('refuses text the database cannot hold, and text too long for a sort key', () => {
    for (const v of ['\u0000', 'a\ud800', 'a'.repeat(401), 5])
      expect(refused(() => decodeCursor(raw([v]), ['text']))).toBe(true);
    expect(decodeCursor(raw(['nadia']), ['text'])).toEqual(['nadia']);
  });

  it('refuses the wrong shape, what is not base64url JSON, and what is too long', () => {
    expect(refused(() => decodeTimeIdCursor(raw(['2024-01-01T00:00:00.000Z'])))).toBe(true);
    expect(refused(() => decodeCursor(raw([1, 2]), ['id']))).toBe(true);
    expect(refused(() => decodeCursor(raw({ 0: 1 }), ['id']))).toBe(true);
    expect(refused(() => decodeCursor('not base64!', ['id']))).toBe(true);
    expect(refused(() => decodeCursor(Buffer.from('[1').toString('base64url'), ['id']))).toBe(true);
    expect(refused(() => decodeCursor('A'.repeat(3000), ['id']))).toBe(true);
  });
});
