// The HTML document around a rendered page: language and direction, stylesheets (Codex's LTR or RTL one),
// the state the browser hydrates with (last: it ends with the answer's own tokens, pages/plugin.ts splices them in).
import { LAYOUT_FORMS, tokenFieldId, type PageState } from '../../contracts/page-state';
import { escapeHtml } from '../text/escape-html';

/**
 * The state as JSON with the per-answer tokens (`csrf`, `formKey`) as its last members: everything before them is
 * the same in every answer of a kept page, so that part is compressed once.
 */
function stateWithTokensLast(state: PageState): string {
  const { csrf, formKey, ...rest } = state;
  const head = serializeState(rest);
  const tokens = serializeState({ csrf, formKey }).slice(1);
  return head === '{}' ? `{${tokens}` : `${head.slice(0, -1)},${tokens}`;
}

/** JSON safe inside a <script> element: no '<' (so no </script>), no U+2028/2029 line separators. */
export const serializeState = (state: unknown) =>
  JSON.stringify(state)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

export interface DocumentParts {
  state: PageState;
  title: string;
  html: string;
  teleports: string;
  codexCss: string;
  css: string[];
  entryScript: string;
  preloadScripts: string[];
  preloadJson: string[];
}

export function renderDocument(p: DocumentParts): string {
  const css = [p.codexCss, ...p.css].map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`).join('');
  const preloads =
    p.preloadScripts.map((href) => `<link rel="modulepreload" href="${escapeHtml(href)}">`).join('') +
    p.preloadJson
      .map((href) => `<link rel="preload" as="fetch" crossorigin="anonymous" href="${escapeHtml(href)}">`)
      .join('');
  return (
    `<!doctype html><html lang="${escapeHtml(p.state.lang)}" dir="${p.state.dir}"><head>` +
    `<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(p.title)}</title><link rel="icon" href="data:,">` +
    `<link rel="alternate" type="application/atom+xml" href="/updates/feed.atom">` +
    css +
    preloads +
    `<script type="module" src="${escapeHtml(p.entryScript)}"></script>` +
    `</head><body><div id="app">${p.html}</div>${p.teleports}` +
    `<script id="ldn-state" type="application/json">${stateWithTokensLast(p.state)}</script>` +
    LAYOUT_FORMS.map(
      (form) =>
        `<input type="hidden" id="${tokenFieldId(form)}" name="_csrf" form="${form}" value="${escapeHtml(p.state.csrf)}">`,
    ).join('') +
    `</body></html>`
  );
}
