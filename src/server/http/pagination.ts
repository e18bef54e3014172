// Keyset pagination: lists answer {items, next}; `next` is an opaque cursor holding the sort key of the
// last item, so pages stay stable while rows are inserted.
import { z } from 'zod';
import { isKeepableText } from '../../contracts/text';
import { badRequest } from './errors';

export const listQuery = {
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
};

export type CursorValue = string | number;

/**
 * What each place of a cursor holds: `id` a row's number (a safe integer, 1 or more); `number` a count, a
 * revision or a place in a file (0 or more, within PostgreSQL's integer); `time` an instant as the lists write it (ISO 8601
 * in UTC, up to microseconds, years 1000 to 9999); `text` a sort key (a name's key, a slug, a path: text the
 * database can hold, at most 400 characters).
 */
export type CursorPart = 'id' | 'number' | 'time' | 'text';
type PartValue<P> = P extends 'time' | 'text' ? string : number;
export type CursorOf<S extends readonly CursorPart[]> = { -readonly [K in keyof S]: PartValue<S[K]> };

export function encodeCursor(values: CursorValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

const INT4_MAX = 2 ** 31 - 1;
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,6})?Z$/;

/** Whether a text is an instant a list could have written, on a real day of a year PostgreSQL reads plainly. */
function isInstant(v: string): boolean {
  const m = INSTANT.exec(v);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1000 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const fits: Record<CursorPart, (v: unknown) => boolean> = {
  id: (v) => Number.isSafeInteger(v) && (v as number) >= 1,
  number: (v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= INT4_MAX,
  time: (v) => typeof v === 'string' && isInstant(v),
  text: (v) => typeof v === 'string' && v.length <= 400 && isKeepableText(v),
};

export const badCursor = () => badRequest([{ field: 'cursor', message: 'validation-cursor' }]);

/**
 * The values of a cursor of the given shape, or null without one. A cursor is trusted no more than any input:
 * anything but what `encodeCursor` would have written for this list is a 400 naming `cursor`.
 */
export function decodeCursor<const S extends readonly CursorPart[]>(
  cursor: string | undefined,
  shape: S,
): CursorOf<S> | null {
  if (!cursor) return null;
  if (cursor.length > 2000 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw badCursor();
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (!Array.isArray(values) || values.length !== shape.length || !shape.every((part, i) => fits[part](values[i])))
    throw badCursor();
  return values as CursorOf<S>;
}

/** A keyset cursor of [time, id] (the common newest-first order); anything else is a 400. */
export function decodeTimeIdCursor(cursor: string | undefined): [string, number] | null {
  return decodeCursor(cursor, ['time', 'id']);
}

/** Takes limit+1 rows, returns the page and the cursor of the next one. */
export function page<T>(
  rows: T[],
  limit: number,
  keyOf: (row: T) => CursorValue[],
): { items: T[]; next: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const next = rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null;
  return { items, next };
}
