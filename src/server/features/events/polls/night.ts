// Night hours for finding a time: a slot is at night for someone when any part of it falls between 22:00 and
// 07:00 on their wall clock. Computed from the local start's minute of the day and the slot's length, so a grid
// of 20 slots and hundreds of invitees costs one zone lookup per cell.
import { instantToLocal, localMillis } from '../time/zoned';

export const NIGHT_STARTS = 22 * 60;
export const NIGHT_ENDS = 7 * 60;

/** Whether [start, start + minutes) on a wall clock (start as minutes after midnight) touches 22:00–07:00. */
export function touchesNight(startMinute: number, minutes: number): boolean {
  // Longer than the day (07:00 to 22:00): some of it is at night wherever it starts.
  if (minutes > NIGHT_STARTS - NIGHT_ENDS) return true;
  // Before 07:00 it starts at night; otherwise it reaches the night if it runs past 22:00 the same evening.
  return startMinute < NIGHT_ENDS || startMinute >= NIGHT_STARTS || startMinute + minutes > NIGHT_STARTS;
}

/** A slot seen from a zone: its local start there ('YYYY-MM-DDTHH:mm') and whether it is at night. */
export function slotThere(start: Date, end: Date, timeZone: string): { local: string; night: boolean } {
  const local = instantToLocal(start, timeZone);
  const ms = localMillis(local);
  const minuteOfDay = Math.round((ms - Math.floor(ms / 86_400_000) * 86_400_000) / 60_000);
  return { local, night: touchesNight(minuteOfDay, Math.round((end.getTime() - start.getTime()) / 60_000)) };
}
