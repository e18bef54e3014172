// The call for collaborators and its sign-ups as the API shows them (src/contracts/initiatives-answers.ts).
import type { Call, Signup } from '../../../../contracts/initiatives-answers';
import type { PersonRef } from '../../../../contracts/people';
import { joinedPerson } from '../present';
import { takesSignups } from './policy';
import type { CallRow, JobRow, SignupRow } from './repo';

export const presentSignup = (s: SignupRow): Signup => ({
  id: String(s.id),
  jobId: s.job_id === null ? null : String(s.job_id),
  person: joinedPerson(s),
  message: s.message,
  status: s.status,
  createdAt: s.created_at.toISOString(),
});

/**
 * The call as shown: open or closed, and why it is closed. The initiative's status comes first (only a recruiting
 * or active initiative takes sign-ups), then a full call, then the deadline.
 */
export function presentCall(
  c: CallRow,
  jobs: JobRow[],
  accepted: SignupRow[],
  initiative: { call_state: 'none' | 'open' | 'closed' | null; stage: string },
): Call {
  const state = initiative.call_state === 'open' ? 'open' : 'closed';
  const closedReason =
    state === 'open' ? null : !takesSignups(initiative.stage) ? 'stage' : (c.closed_reason ?? 'deadline');
  const people = (jobId: number | null) =>
    accepted
      .filter((s) => s.job_id === jobId)
      .flatMap((s): PersonRef[] => {
        const p = joinedPerson(s);
        return p ? [p] : [];
      });
  return {
    goals: c.goals,
    start: c.starts_on,
    end: c.ends_on,
    deadline: c.deadline,
    howToJoin: c.how_to_join,
    status: state,
    closedReason,
    openedAt: c.opened_at.toISOString(),
    jobs: jobs.map((j) => ({
      id: String(j.id),
      title: j.title,
      description: j.description,
      places: j.places,
      filled: Number(j.filled),
      open: Math.max(0, j.places - Number(j.filled)),
      waiting: Number(j.waiting),
      skills: j.skills,
      commitment: j.commitment,
      accepted: people(j.id),
    })),
    helpers: people(null),
    waiting: jobs.reduce((n, j) => n + Number(j.waiting), 0),
  };
}
