import { renderMarkdown } from '../../markdown/render';
import type { FaqRow } from './repo';

export const presentFaqEntry = (r: FaqRow) => ({
  id: String(r.id),
  language: r.language,
  question: r.question,
  answer: r.answer,
  answerHtml: renderMarkdown(r.answer),
  position: r.position,
  demo: r.is_demo,
  updatedAt: r.updated_at.toISOString(),
});
