// What every part of the documents presents alike: a unit's HTML, a language's direction, a word diff.
import { isRtl } from '../../../contracts/languages';
import type { DiffPart } from '../../../contracts/documents';
import { escapeHtml, renderMarkdown } from '../../markdown/render';
import { diffWords } from '../../text/diff';
import type { UnitKind } from './tables';

/** A unit's HTML: the title as plain text, every other unit as Markdown. */
export const unitHtml = (kind: UnitKind, text: string): string =>
  kind === 'title' ? escapeHtml(text) : renderMarkdown(text);

export const dirOf = (language: string): 'ltr' | 'rtl' => (isRtl(language) ? 'rtl' : 'ltr');

/** What changed in a unit's text, word by word (words cut in the text's language, for unspaced scripts). */
export const unitDiff = (before: string, after: string, language?: string): DiffPart[] =>
  diffWords(before, after, language);
