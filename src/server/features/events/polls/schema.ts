// Requests of find-a-time: slots are local times 'YYYY-MM-DDTHH:mm' in the poll's zone (DECISIONS 6), at most 20,
// each ending after it starts and lasting at most a day; invitees are named people, groups' members, or all
// current ambassadors.
import { z } from 'zod';
import { LOCAL_TIME } from '../../../../contracts/events';
import { MAX_POLL_SLOTS, POLL_ANSWERS } from '../../../../contracts/time-polls';
import { timeZoneSchema } from '../../people';
import { isLocalTime, localMinutesBetween } from '../time/zoned';

const localTime = z
  .string()
  .regex(LOCAL_TIME, { message: 'time-polls-local-time' })
  .refine(isLocalTime, { message: 'time-polls-local-time' });

const slot = z
  .object({ start: localTime, end: localTime })
  .strict()
  .superRefine((s, ctx) => {
    if (!isLocalTime(s.start) || !isLocalTime(s.end)) return;
    const minutes = localMinutesBetween(s.start, s.end);
    if (minutes <= 0) ctx.addIssue({ code: 'custom', path: ['end'], message: 'time-polls-end-before-start' });
    else if (minutes > 24 * 60) ctx.addIssue({ code: 'custom', path: ['end'], message: 'time-polls-slot-too-long' });
  });

export const createPollBody = z
  .object({
    title: z.string().trim().min(1).max(200),
    timezone: timeZoneSchema,
    slots: z.array(slot).min(1).max(MAX_POLL_SLOTS),
    invitees: z
      .object({
        people: z.array(z.string().trim().min(1).max(85)).max(200).optional(),
        communities: z.array(z.string().trim().min(1).max(100)).max(20).optional(),
        ambassadors: z.boolean().optional(),
      })
      .strict(),
  })
  .strict();
export type CreatePoll = z.infer<typeof createPollBody>;

export const answersBody = z
  .object({
    answers: z
      .array(
        z
          .object({
            slot: z
              .number()
              .int()
              .min(0)
              .max(MAX_POLL_SLOTS - 1),
            answer: z.enum(POLL_ANSWERS),
          })
          .strict(),
      )
      .min(1)
      .max(MAX_POLL_SLOTS),
    /** Show one's profile zone on the grid even though the profile keeps it private. */
    shareTimezone: z.boolean().optional(),
  })
  .strict();
export type PollAnswers = z.infer<typeof answersBody>;

export const pickBody = z
  .object({
    slot: z
      .number()
      .int()
      .min(0)
      .max(MAX_POLL_SLOTS - 1),
    /** The event's body as `POST /api/v1/events` takes it, without start, end and timezone (the slot gives them). */
    event: z.record(z.string(), z.unknown()),
  })
  .strict();
export type PickBody = z.infer<typeof pickBody>;

export const pollParams = z.object({ id: z.string().regex(/^\d{1,15}$/) });
