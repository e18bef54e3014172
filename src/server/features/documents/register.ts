// What documents add to the shared registries: their subjects.
import { registerSubject } from '../conversations';
import { registerAmendments } from './amendments/register';
import { documentLanguageSubject, documentSubject, unitTranslationSubject } from './subjects';

/** Registers documents (commentable), a document's languages (followable) and translations (reportable). */
export function registerDocuments(): void {
  registerSubject('document', documentSubject);
  registerSubject('document_language', documentLanguageSubject);
  registerSubject('unit_translation', unitTranslationSubject);
  // Adaptations and amendments: commentable subjects.
  registerAmendments();
}
