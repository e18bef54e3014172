// What sources add to the shared registries: subjects, notification kinds, jobs.
import { registerSubject } from '../conversations';
import { readingListSubject, sourceReviewSubject, sourceSubject } from './subjects';

export function registerSources(): void {
  registerSubject('source', sourceSubject);
  registerSubject('source_review', sourceReviewSubject);
  registerSubject('reading_list', readingListSubject);
}
