// What courses add to the shared registries: the subject `course`.
import { registerSubject } from '../conversations';
import { courseSubject } from './subjects';

export function registerCourses(): void {
  registerSubject('course', courseSubject);
}
