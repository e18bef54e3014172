// The HTML document around a rendered page: language and direction, stylesheets (the cut of Codex's LTR or RTL
// one for the page's route), the state the browser hydrates with (the page's messages in it), and the script
// that starts the page's JavaScript once it has painted. Everything that changes from one answer of a kept page
// to the next (the state's tokens, the layout forms' CSRF fields) is in its last few hundred bytes
// (pages/plugin.ts splices them into a page compressed once); no nonce is needed: the one inline script is the
// same on every page, and the CSP allows it by its hash.
import { createHash } from 'node:crypto';
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
  /** Codex's rules this page can show (its route's cut of the stylesheet). */
  codexCss: string;
  /** Codex's whole stylesheet, which the browser takes in its place on leaving the page (entry-client). */
  codexCssAll: string;
  css: string[];
  entryScript: string;
  preloadScripts: string[];
}

export function renderDocument(p: DocumentParts): string {
  const css =
    `<link rel="stylesheet" href="${escapeHtml(p.codexCss)}" id="ldn-codex" data-all="${escapeHtml(p.codexCssAll)}">` +
    p.css.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`).join('');
  return (
    `<!doctype html><html lang="${escapeHtml(p.state.lang)}" dir="${p.state.dir}"><head>` +
    `<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(p.title)}</title><link rel="icon" href="data:,">` +
    `<link rel="alternate" type="application/atom+xml" href="/updates/feed.atom">` +
    css +
    `</head><body><div id="app">${p.html}</div>${p.teleports}` +
    `<script id="ldn-start" type="application/json">${serializeState({ entry: p.entryScript, preloads: p.preloadScripts })}</script>` +
    `<script id="ldn-state" type="application/json">${stateWithTokensLast(p.state)}</script>` +
    LAYOUT_FORMS.map(
      (form) =>
        `<input type="hidden" id="${tokenFieldId(form)}" name="_csrf" form="${form}" value="${escapeHtml(p.state.csrf)}">`,
    ).join('') +
    `<script>${START_SCRIPTS}</script></body></html>`
  );
}

/**
 * Fetches the page's JavaScript (the entry and, alongside, the chunks of the modules it rendered, named in
 * #ldn-start) once the page has painted: the page reads and looks right without it, so on a slow connection the
 * stylesheets do not share the line with it before the first paint. After the next frame (a timer set in an
 * animation frame runs once that frame is painted); at once in a tab not shown, which paints no frame. Last in the
 * document, so the state is there when the entry runs.
 */
const START_SCRIPTS =
  `(()=>{const s=JSON.parse(document.getElementById('ldn-start').textContent);` +
  `const go=()=>{for(const href of s.preloads)` +
  `document.head.append(Object.assign(document.createElement('link'),{rel:'modulepreload',href}));` +
  `document.head.append(Object.assign(document.createElement('script'),{type:'module',src:s.entry}))};` +
  `document.visibilityState==='hidden'?go():requestAnimationFrame(()=>setTimeout(go))})()`;

/** The CSP source that allows START_SCRIPTS, the pages' one inline script. */
export const START_SCRIPTS_CSP = `'sha256-${createHash('sha256').update(START_SCRIPTS).digest('base64')}'`;
