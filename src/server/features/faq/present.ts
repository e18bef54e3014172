// FAQ entries as the API shows them (typed against src/contracts/faq.ts).
import type { FaqEntry } from '../../../contracts/faq';
import { storedHtml } from '../../markdown/stored';
import type { FaqRow } from './repo';

export const presentFaqEntry = (r: FaqRow): FaqEntry => ({
  id: String(r.id),
  language: r.language,
  question: r.question,
  answer: r.answer,
  answerHtml: storedHtml(r.answer, r.answer_html, r.html_version),
  position: r.position,
  demo: r.is_demo,
  updatedAt: r.updated_at.toISOString(),
});
