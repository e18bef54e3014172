// Moderation's lists page by id: a cursor holds the last id seen, and anything else is a 400.
import { badRequest } from '../../http/errors';
import { decodeCursor } from '../../http/pagination';

export function cursorId(cursor: string | undefined): number | null {
  const [id] = decodeCursor(cursor, 1) ?? [];
  if (id === undefined) return null;
  if (typeof id !== 'number') throw badRequest([{ field: 'cursor', message: 'validation-cursor' }]);
  return id;
}
