// Request shapes of the call for collaborators: the call itself with its jobs, and sign-ups.
import { z } from 'zod';
import { listQuery } from '../../../http/pagination';
import { SKILLS } from '../../../../contracts/skills';
import { isoDate, list, required, text, unique } from '../schema';

export const jobParams = z.object({ id: z.string().max(30), jobId: z.string().max(30) });
export const signupParams = z.object({ id: z.string().max(30), signupId: z.string().max(30) });

const jobBody = z.strictObject({
  /** An existing job's id keeps it (and its sign-ups); a job without one is new. */
  id: z.string().max(30).optional(),
  title: required(200),
  description: required(5000),
  places: z.number().int().min(1).max(1000),
  skills: list(z.enum(SKILLS), 30).optional(),
  commitment: text(200).optional(),
});

export const callBody = z
  .strictObject({
    goals: z.array(required(500)).min(1).max(20),
    jobs: z.array(jobBody).min(1).max(30),
    start: isoDate,
    end: isoDate,
    /** The last day to sign up (UTC); the start when left out. */
    deadline: isoDate.optional(),
    howToJoin: text(5000).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.end < v.start) ctx.addIssue({ code: 'custom', path: ['end'], message: 'initiatives-end-before-start' });
    if (v.deadline && v.deadline > v.end)
      ctx.addIssue({ code: 'custom', path: ['deadline'], message: 'initiatives-deadline-after-end' });
    const ids = v.jobs.flatMap((j) => (j.id ? [j.id] : []));
    if (!unique(ids)) ctx.addIssue({ code: 'custom', path: ['jobs'], message: 'initiatives-duplicates' });
  });
export type CallBody = z.infer<typeof callBody>;

export const signupBody = z.strictObject({ message: text(2000).optional() });
export const signupsQuery = z.object({ status: z.string().max(20).optional(), ...listQuery });
export type SignupsQuery = z.infer<typeof signupsQuery>;
