// What the events pages share: addresses, message keys of the vocabularies, and the zones offered in choosers.
import type { EventKind, EventMode } from '../../../contracts/events';

/**
 * An event's page, at one occurrence when named (its original local start, as iCalendar's RECURRENCE-ID) and at
 * one of its paired slots (0 is the main time).
 */
export function eventPath(id: string, occurrence?: string | null, slot = 0): string {
  const q = new URLSearchParams();
  if (occurrence) q.set('occurrence', occurrence);
  if (slot) q.set('slot', String(slot));
  const s = q.toString();
  return s ? `/events/${id}?${s}` : `/events/${id}`;
}

export const kindKey = (kind: EventKind) => `events-kind-${kind.replace(/_/g, '-')}`;
export const modeKey = (mode: EventMode) => `events-mode-${mode.replace(/_/g, '-')}`;

/**
 * Zones offered as suggestions where a zone is typed (any IANA name is taken): one or two per region the network
 * spans, so that most people find theirs, without sending four hundred names with every page.
 */
export const COMMON_ZONES = [
  'UTC',
  'Africa/Abidjan',
  'Africa/Accra',
  'Africa/Cairo',
  'Africa/Johannesburg',
  'Africa/Kinshasa',
  'Africa/Lagos',
  'Africa/Nairobi',
  'America/Bogota',
  'America/Buenos_Aires',
  'America/Chicago',
  'America/Los_Angeles',
  'America/Mexico_City',
  'America/New_York',
  'America/Sao_Paulo',
  'Asia/Bangkok',
  'Asia/Dhaka',
  'Asia/Dubai',
  'Asia/Jakarta',
  'Asia/Karachi',
  'Asia/Kathmandu',
  'Asia/Kolkata',
  'Asia/Manila',
  'Asia/Riyadh',
  'Asia/Seoul',
  'Asia/Shanghai',
  'Asia/Tehran',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Europe/Berlin',
  'Europe/Istanbul',
  'Europe/London',
  'Europe/Madrid',
  'Europe/Moscow',
  'Europe/Paris',
  'Pacific/Auckland',
  'Pacific/Honolulu',
  'Pacific/Tongatapu',
] as const;
