// Find a time: an organizer offers up to 20 slots to people, a group's members or all current ambassadors, who
// answer yes / if need be / no per slot. Each slot shows in each invitee's local time, night (22:00–07:00 there)
// marked; a zone shows only if public on the profile or shared by answering.
import { z } from 'zod';
import { personRef } from './people';

export const POLL_ANSWERS = ['yes', 'if_need_be', 'no'] as const;
export type PollAnswer = (typeof POLL_ANSWERS)[number];
export const MAX_POLL_SLOTS = 20;

export const timePollDetail = z.object({
  id: z.string(),
  title: z.string(),
  timezone: z.string(),
  organizer: personRef.nullable(),
  slots: z.array(
    z.object({
      slot: z.number().int(),
      start: z.string(),
      end: z.string(),
      yes: z.number().int(),
      ifNeedBe: z.number().int(),
      no: z.number().int(),
    }),
  ),
  invitees: z.array(
    z.object({
      person: personRef,
      /** null when neither public nor shared. */
      timezone: z.string().nullable(),
      answers: z.record(z.string(), z.enum(POLL_ANSWERS)),
      /** Per slot: the local start there, and whether it falls in the night (22:00–07:00). */
      local: z.array(z.object({ slot: z.number().int(), start: z.string(), night: z.boolean() })).nullable(),
    }),
  ),
  picked: z.object({ slot: z.number().int(), eventId: z.string().nullable() }).nullable(),
  can: z.object({ answer: z.boolean(), pick: z.boolean() }),
});
export type TimePollDetail = z.infer<typeof timePollDetail>;
