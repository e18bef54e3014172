// A poll as its contract shows it: each slot in the poll's zone with its counts, each invitee with the zone the
// grid may show (public on the profile, shared by answering, or the viewer's own) and each slot there.
import type { TimePollDetail } from '../../../../contracts/time-polls';
import type { PollAnswer } from '../../../../contracts/time-polls';
import { presentPersonRef } from '../../people';
import { isoWithOffset } from '../time/zoned';
import { slotThere } from './night';
import type { PollRow } from './repo';

interface Person {
  id: number;
  username: string;
  display_name: string;
  public_fields: string[];
  time_zone: string | null;
}
interface Slot {
  slot: number;
  starts_at: Date;
  ends_at: Date;
}
interface Answer {
  user_id: number;
  slot: number;
  answer: PollAnswer;
  timezone: string | null;
}

export function presentPoll(
  poll: PollRow,
  v: {
    organizer: Person | null;
    slots: Slot[];
    people: Person[];
    answers: Answer[];
    viewerId: number | null;
    can: TimePollDetail['can'];
  },
): TimePollDetail {
  const count = (slot: number, a: PollAnswer) => v.answers.filter((x) => x.slot === slot && x.answer === a).length;
  const zoneOf = (p: Person): string | null => {
    if (p.id === v.viewerId && p.time_zone) return p.time_zone;
    if (p.time_zone && p.public_fields.includes('time_zone')) return p.time_zone;
    return v.answers.find((a) => a.user_id === p.id && a.timezone)?.timezone ?? null;
  };
  const people = [...v.people].sort((a, b) =>
    presentPersonRef(a).displayName.localeCompare(presentPersonRef(b).displayName),
  );
  return {
    id: String(poll.id),
    title: poll.title,
    timezone: poll.timezone,
    organizer: presentPersonRef(v.organizer),
    slots: v.slots.map((s) => ({
      slot: s.slot,
      start: isoWithOffset(s.starts_at, poll.timezone),
      end: isoWithOffset(s.ends_at, poll.timezone),
      yes: count(s.slot, 'yes'),
      ifNeedBe: count(s.slot, 'if_need_be'),
      no: count(s.slot, 'no'),
    })),
    invitees: people.map((p) => {
      const zone = zoneOf(p);
      return {
        person: presentPersonRef(p),
        timezone: zone,
        answers: Object.fromEntries(
          v.answers.filter((a) => a.user_id === p.id).map((a) => [String(a.slot), a.answer] as const),
        ),
        local: zone
          ? v.slots.map((s) => ({
              slot: s.slot,
              start: isoWithOffset(s.starts_at, zone),
              night: slotThere(s.starts_at, s.ends_at, zone).night,
            }))
          : null,
      };
    }),
    picked:
      poll.picked_slot === null
        ? null
        : { slot: poll.picked_slot, eventId: poll.event_id === null ? null : String(poll.event_id) },
    can: v.can,
  };
}
