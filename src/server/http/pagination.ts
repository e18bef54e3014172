// Keyset pagination: lists answer {items, next}; `next` is an opaque cursor holding the sort key of the
// last item, so pages stay stable while rows are inserted.
import { z } from 'zod';
import { badRequest } from './errors';

export const listQuery = {
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
};

export type CursorValue = string | number;

export function encodeCursor(values: CursorValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, arity: number): CursorValue[] | null {
  if (!cursor) return null;
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(values) &&
      values.length === arity &&
      values.every((v) => typeof v === 'string' || typeof v === 'number')
    ) {
      return values as CursorValue[];
    }
  } catch {
    /* fall through */
  }
  throw badRequest([{ field: 'cursor', message: 'validation-cursor' }]);
}

/** A keyset cursor of [time as ISO text, id] (the common newest-first order); anything else is a 400. */
export function decodeTimeIdCursor(cursor: string | undefined): [string, number] | null {
  const after = decodeCursor(cursor, 2);
  if (after && (typeof after[0] !== 'string' || Number.isNaN(Date.parse(after[0])) || typeof after[1] !== 'number')) {
    throw badRequest([{ field: 'cursor', message: 'validation-cursor' }]);
  }
  return after as [string, number] | null;
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
