// The conversations feature's public module: what other features and the app may use of it. Comments hang on
// subjects, and the subjects registry (subjects.ts) is where every feature says how its items are found.
import { commentSubject, registerSubject, updateSubject } from './subjects';

export { conversationsRoutes } from './routes';
export { createComment, firstCommentPages } from './service';
export { moveComments } from './move';
export { segment } from './repo';
export {
  parseId,
  registerSubject,
  resolveSubject,
  subjectType,
  subjectTypes,
  type Subject,
  type SubjectInfo,
  type SubjectType,
} from './subjects';

/** Registers what conversations add to the shared registries: updates and comments as subjects. */
export function registerConversations(): void {
  registerSubject('update', updateSubject);
  registerSubject('comment', commentSubject);
}
