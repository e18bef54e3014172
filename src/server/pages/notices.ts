// The notice above a page after a language was chosen in the footer (DECISIONS 23): which language now holds and
// where it is kept (the signed-in person's preference, or this browser), with an undo that restores the choice
// before; or why a choice was refused. The server makes it as HTML from its messages (the layout shows it as it
// is, state.notice) so the first page's JavaScript stays small; it is a plain form, with JavaScript or without.
import type { FastifyRequest } from 'fastify';
import { isUiLanguage } from '../../contracts/languages';
import type { FormEcho } from '../../contracts/page-state';
import { LANGUAGE_NAMES } from '../../web/ui/language-names';
import { escapeHtml } from '../text/escape-html';

const hidden = (name: string, value: string) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`;

// Codex's CSS-only button (its stylesheet is on every page).
const UNDO_BUTTON =
  'cdx-button cdx-button--action-default cdx-button--weight-normal cdx-button--size-small cdx-button--framed';

const message = (type: 'success' | 'error', role: 'status' | 'alert', content: string) =>
  `<div class="cdx-message cdx-message--block cdx-message--${type}" role="${role}">` +
  `<span class="cdx-message__icon"></span>${content}</div>`;

/** The notice of this page, if any; `csrf` is what the page's forms carry as their token (a stand-in). */
export function languageNotice(req: FastifyRequest, csrf: string, form?: FormEcho): string | undefined {
  if (form?.form === 'language')
    return message('error', 'alert', `<div class="cdx-message__content">${escapeHtml(form.message)}</div>`);
  const before = (req.query as Record<string, unknown> | undefined)?.langfrom;
  if (typeof before !== 'string' || !(before === 'none' || isUiLanguage(before))) return undefined;
  const text = req.t(req.user ? 'language-changed-saved' : 'language-changed-browser', LANGUAGE_NAMES[req.lang]);
  return message(
    'success',
    'status',
    `<form method="post" class="cdx-message__content"><span>${escapeHtml(text)}</span>` +
      hidden('_action', 'language') +
      hidden('_form', 'language') +
      hidden('_csrf', csrf) +
      hidden('lang', before === 'none' ? '' : before) +
      hidden('undo', '1') +
      `<button type="submit" class="${UNDO_BUTTON}">${escapeHtml(req.t('language-changed-undo'))}</button>` +
      `</form>`,
  );
}
