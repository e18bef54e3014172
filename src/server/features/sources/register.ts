// What sources add to the shared registries: subjects, jobs, and the reader of an initiative's sources.
import { registerJobHandler } from '../../jobs/queue';
import { registerSubject } from '../conversations';
import { registerInitiativeSourcesReader } from '../initiatives';
import { COMMIT_ATTEMPTS, COMMIT_JOB, runCommit } from './imports/commit-job';
import { PARSE_ATTEMPTS, PARSE_JOB, parseImport } from './imports/parse-job';
import { sourcesOfInitiative } from './links/service';
import { readingListSubject, sourceReviewSubject, sourceSubject } from './subjects';

export function registerSources(): void {
  registerSubject('source', sourceSubject);
  registerSubject('source_review', sourceReviewSubject);
  registerSubject('reading_list', readingListSubject);
  registerJobHandler(PARSE_JOB, parseImport, { maxAttempts: PARSE_ATTEMPTS });
  registerJobHandler(COMMIT_JOB, runCommit, { maxAttempts: COMMIT_ATTEMPTS, backoffSeconds: () => 10 });
  // An initiative's wikitext export lists the sources it used (initiatives/export/sources.ts).
  registerInitiativeSourcesReader(sourcesOfInitiative);
}
