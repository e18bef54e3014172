// The HTML document around a rendered page: language and direction, stylesheets (the cut of Codex's LTR or RTL
// one for the page's route), the state the browser hydrates with (the page's messages in it), and the script
// that starts the page's JavaScript once it has painted, both carrying the CSP nonce.
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
    `</head><body><div id="app">${p.html}</div>` +
    `<script id="ldn-state" type="application/json" nonce="${p.nonce}">${serializeState(p.state)}</script>` +
    `${p.teleports}<script nonce="${p.nonce}">${startScripts(p.entryScript, p.preloadScripts)}</script></body></html>`
  );
}

/**
 * Fetches the page's JavaScript (the entry and, alongside, the chunks of the modules it rendered) once the page
 * has painted: the page reads and looks right without it, so on a slow connection the stylesheets do not share
 * the line with it before the first paint. After the next frame (a timer set in an animation frame runs once that
 * frame is painted); at once in a tab not shown, which paints no frame.
 */
function startScripts(entry: string, preloads: string[]): string {
  return (
    `(()=>{const go=()=>{for(const href of ${serializeState(preloads)})` +
    `document.head.append(Object.assign(document.createElement('link'),{rel:'modulepreload',href}));` +
    `document.head.append(Object.assign(document.createElement('script'),{type:'module',src:${serializeState(entry)}}))};` +
    `document.visibilityState==='hidden'?go():requestAnimationFrame(()=>setTimeout(go))})()`
  );
}
