// What adaptations and amendments add to the shared registries: both are commentable subjects (their
// discussions; amendments also take the comments posted with positions).
import { registerSubject } from '../../conversations';
import { adaptationSubject } from '../adaptations/subjects';
import { amendmentSubject } from './subjects';

export function registerAmendments(): void {
  registerSubject('adaptation', adaptationSubject);
  registerSubject('amendment', amendmentSubject);
}
