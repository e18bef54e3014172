// The daily schedule that keeps recurring events' occurrences 400 days ahead (DECISIONS 14). It runs once
// across instances (a keyed job per day); the insert leaves existing rows alone, so a rerun changes nothing.
import type { JobHandler } from '../../../jobs/queue';
import { extendOccurrences } from './materialize';

export const EXTEND_JOB = 'events.extend-occurrences';
const DAY = 86_400_000;

/** Daily at 02:10 UTC. */
export const dailyExtend = (after: Date): Date => {
  const d = new Date(Date.UTC(after.getUTCFullYear(), after.getUTCMonth(), after.getUTCDate(), 2, 10));
  return d > after ? d : new Date(d.getTime() + DAY);
};

export const extendJob: JobHandler = async (_payload, job) => {
  const n = await extendOccurrences(job.db, job.runAt > new Date() ? job.runAt : new Date());
  if (n) job.log.info({ events: n }, 'recurring events extended');
};
