// The HTML document around a rendered page: language and direction, stylesheets (Codex's LTR or RTL one),
// the state the browser hydrates with, and scripts carrying the CSP nonce.
import type { PageState } from '../../contracts/page-state';
import { escapeHtml } from '../text/escape-html';

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
  nonce: string;
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
    `<script type="module" nonce="${p.nonce}" src="${escapeHtml(p.entryScript)}"></script>` +
    `</head><body><div id="app">${p.html}</div>` +
    `<script id="ldn-state" type="application/json" nonce="${p.nonce}">${serializeState(p.state)}</script>` +
    `${p.teleports}</body></html>`
  );
}
