// Loader of an event's page (`?occurrence=` for one occurrence, else the next): the API's answer with its times
// made text in the viewer's zone and the organizer's, and for organizers the registrants and answer totals.
import { z } from 'zod';
import type { LoadContext } from '../../../state';
import { query } from '../../../api';
import type { EventDetail, registrationsAnswer } from '../../../../contracts/events';
import {
  formatDayTime,
  formatTimeRange,
  localDateTime,
  twoZones,
  type TwoZones,
} from '../../../../contracts/time-ranges';
import { languageNames, queryString } from '../../communities';
import { googleCalendarLink, outlookCalendarLink } from '../../../../contracts/calendar-links';

export type Registrations = z.infer<typeof registrationsAnswer>;

export interface EventPageData extends EventDetail {
  /** Every time of a meeting with paired slots (the main one first), at this occurrence; empty without. */
  slotTexts: string[];
  /** The occurrence's times in the viewer's zone, and in the organizer's when it differs. */
  whenHere: string;
  whenThere: string | null;
  startZones: TwoZones;
  upcomingTexts: string[];
  closesText: string | null;
  cancelledText: string | null;
  names: Record<string, string>;
  calendar: { ics: string; google: string; outlook: string };
  /** The occurrence's local start and end in the event's zone, for the organizer's move form. */
  localStart: string;
  localEnd: string;
  /** Organizers only. */
  registrations: Registrations | null;
}

export async function loadEvent(ctx: LoadContext): Promise<EventPageData> {
  const { lang, timeZone } = ctx.state;
  const id = String(ctx.route.params.id);
  const occurrence = queryString(ctx.route.query.occurrence);
  const slot = queryString(ctx.route.query.slot);
  const d = await ctx.api.get<EventDetail>(
    `/events/${id}${query({ occurrence, slot: /^\d$/.test(slot) ? slot : '' })}`,
  );
  const o = d.occurrence;
  const start = o?.start ?? d.start;
  const end = o?.end ?? d.end;
  const registrations =
    d.can.manage && o
      ? await ctx.api.get<Registrations>(`/events/${id}/registrations${query({ occurrence: o.occurrence })}`)
      : null;
  // Every time of the meeting: the main one (slot 0) and the paired ones, at this occurrence: shifted from the
  // series' first by as much as the occurrence's own slot is.
  const slots = [{ start: d.start, end: d.end }, ...d.slots];
  const shift = o ? Date.parse(o.start) - Date.parse(slots[o.slot]?.start ?? o.start) : 0;
  const at = (iso: string) => new Date(Date.parse(iso) + shift);
  const link = { title: d.title, start, end, location: d.address, timeZone: d.timezone };
  return {
    ...d,
    whenHere: formatTimeRange(start, end, lang, timeZone),
    whenThere: d.timezone === timeZone ? null : formatTimeRange(start, end, lang, d.timezone),
    startZones: twoZones(start, lang, d.timezone, timeZone),
    slotTexts: (d.slots.length ? slots : []).map((s) => formatTimeRange(at(s.start), at(s.end), lang, timeZone)),
    upcomingTexts: d.upcoming.map((u) => formatDayTime(u.start, lang, timeZone)),
    closesText: d.registration.closesAt ? formatDayTime(d.registration.closesAt, lang, timeZone) : null,
    cancelledText: d.cancelled ? formatDayTime(d.cancelled.at, lang, timeZone) : null,
    names: languageNames([...d.languages, ...d.interpretation], lang),
    calendar: { ics: `/events/${id}.ics`, google: googleCalendarLink(link), outlook: outlookCalendarLink(link) },
    localStart: localDateTime(start, d.timezone),
    localEnd: localDateTime(end, d.timezone),
    registrations,
  };
}
