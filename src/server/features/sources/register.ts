// What sources add to the shared registries: subjects, notification kinds, jobs.
import { registerJobHandler } from '../../jobs/queue';
import { registerSubject } from '../conversations';
import { COMMIT_ATTEMPTS, COMMIT_JOB, runCommit } from './imports/commit-job';
import { PARSE_JOB, parseImport } from './imports/parse-job';
import { readingListSubject, sourceReviewSubject, sourceSubject } from './subjects';

export function registerSources(): void {
  registerSubject('source', sourceSubject);
  registerSubject('source_review', sourceReviewSubject);
  registerSubject('reading_list', readingListSubject);
  registerJobHandler(PARSE_JOB, parseImport, { maxAttempts: 3 });
  registerJobHandler(COMMIT_JOB, runCommit, { maxAttempts: COMMIT_ATTEMPTS, backoffSeconds: () => 10 });
}
