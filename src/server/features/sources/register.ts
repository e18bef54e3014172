// What sources add to the shared registries: subjects, notification kinds, jobs.
import { registerJobHandler } from '../../jobs/queue';
import { COMMIT_ATTEMPTS, COMMIT_JOB, runCommit } from './imports/commit-job';
import { PARSE_ATTEMPTS, PARSE_JOB, parseImport } from './imports/parse-job';

export function registerSources(): void {
  registerJobHandler(PARSE_JOB, parseImport, { maxAttempts: PARSE_ATTEMPTS });
  registerJobHandler(COMMIT_JOB, runCommit, { maxAttempts: COMMIT_ATTEMPTS, backoffSeconds: () => 10 });
}
