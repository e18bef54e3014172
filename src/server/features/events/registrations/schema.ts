// Request shapes of registrations, attendance, notes and messages (the answers' are in src/contracts/events.ts).
import { z } from 'zod';
import { LOCAL_TIME } from '../../../../contracts/events';

const id = z.string().max(30);
/** An occurrence: its original local start 'YYYY-MM-DDTHH:mm' (iCalendar's RECURRENCE-ID), URL-encoded in paths. */
export const occurrenceText = z.string().max(16).regex(LOCAL_TIME, 'events-occurrence-format');
const slot = z.number().int().min(0).max(20);

export const eventParams = z.object({ id });
export const registrationParams = z.object({ id, registrationId: id });
export const occurrenceParams = z.object({ id, occurrence: occurrenceText });

export const registrationBody = z
  .strictObject({
    occurrence: occurrenceText.optional(),
    /** Every occurrence of a recurring event, those made later included. */
    series: z.boolean().optional(),
    slot: slot.optional(),
    /** The name is shown only to the person and the organizers. */
    private: z.boolean().optional(),
    /** The event's questions (contracts' EVENT_QUESTIONS), checked against the event in the use case. */
    answers: z.record(z.string().max(40), z.string().max(40)).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.series && v.occurrence !== undefined)
      ctx.addIssue({ code: 'custom', path: ['series'], message: 'events-registration-series-or-occurrence' });
  });
export type RegistrationBody = z.infer<typeof registrationBody>;

export const cancelQuery = z.object({
  /** Also leave the series the registration belongs to (its future occurrences). */
  series: z.enum(['true', 'false']).optional(),
});

export const registrationsQuery = z.object({ occurrence: occurrenceText.optional() });

export const attendanceBody = z.strictObject({
  present: z.array(z.string().trim().min(1).max(100)).max(2000),
  walkIns: z.number().int().min(0).max(100000).optional(),
  slot: slot.optional(),
});
export type AttendanceBody = z.infer<typeof attendanceBody>;

const url = z
  .string()
  .trim()
  .max(2000)
  .url('validation-url')
  .refine((u) => /^https?:\/\//i.test(u), 'validation-url');

export const notesBody = z.strictObject({
  notes: z.string().trim().max(50000),
  recordingUrl: url.nullable().optional(),
  followUp: z.string().trim().max(20000).nullable().optional(),
  slot: slot.optional(),
});
export type NotesBody = z.infer<typeof notesBody>;

export const messageBody = z.strictObject({
  subject: z.string().trim().min(1, 'validation-required').max(200),
  body: z.string().trim().min(1, 'validation-required').max(10000),
});
export type MessageBody = z.infer<typeof messageBody>;
