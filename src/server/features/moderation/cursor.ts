// Moderation's lists page by id: a cursor holds the last id seen, and anything else is a 400.
import { decodeCursor } from '../../http/pagination';

export function cursorId(cursor: string | undefined): number | null {
  return decodeCursor(cursor, ['id'])?.[0] ?? null;
}
