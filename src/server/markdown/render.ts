// Markdown written by people (updates, FAQ answers, later comments) becomes HTML here, and only here:
// markdown-it with raw HTML off, then sanitize-html with an allowlist, so what reaches a page (through v-html)
// or a feed is safe whatever markdown-it lets through. Server-only: sanitize-html pulls in postcss, far too
// heavy for the browser bundle.
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

const md = new MarkdownIt('default', { html: false, linkify: true, typographer: false, breaks: false, maxNesting: 20 });

// Wikitext kept verbatim by the wikitext import (src/server/text/wikitext.ts) is marked as Pandoc marks raw
// content: `` `{{Template}}`{=mediawiki} `` inline, a fence with the info `{=mediawiki}` for a block. It shows as
// code, without the mark.
const RAW_ATTR = '{=mediawiki}';
md.core.ruler.push('wikitext_raw', (state) => {
  for (const block of state.tokens) {
    if (block.type === 'fence' && block.info.trim() === RAW_ATTR) block.info = 'wikitext';
    const children = block.children ?? [];
    children.forEach((t, i) => {
      const next = children[i + 1];
      if (t.type === 'code_inline' && next?.type === 'text' && next.content.startsWith(RAW_ATTR))
        next.content = next.content.slice(RAW_ATTR.length);
    });
  }
});

/**
 * Links may point only to web pages and e-mail addresses. Images only from Wikimedia Commons' file server:
 * the page's CSP allows no other image host, and other hosts could track readers.
 */
const LINK_OK = /^(https?:\/\/|mailto:)/i;
const IMAGE_OK = /^https:\/\/upload\.wikimedia\.org\//i;
const LINK_REL = 'nofollow ugc noopener';

// Headings inside a body sit under the page's own h1/h2: shift them down two levels.
const demote = (to: string) => sanitizeHtml.simpleTransform(to, {}, true);

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'hr',
    'h3',
    'h4',
    'h5',
    'h6',
    'blockquote',
    'pre',
    'code',
    'strong',
    'em',
    's',
    'del',
    'ul',
    'ol',
    'li',
    'a',
    'img',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'span',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'title'],
    ol: ['start'],
    code: ['class'],
  },
  allowedClasses: { code: ['language-*'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nestingLimit: 30,
  transformTags: {
    h1: demote('h3'),
    h2: demote('h4'),
    h3: demote('h5'),
    h4: demote('h6'),
    h5: demote('h6'),
    h6: demote('h6'),
    // The parser has already decoded entities here, so `&#106;avascript:` is seen as `javascript:`.
    // A link to anything but http(s) or mailto keeps its text and loses the link.
    a: (_tag, attribs) => {
      const href = (attribs.href ?? '').trim();
      if (!LINK_OK.test(href)) return { tagName: 'span', attribs: {} };
      const out: Record<string, string> = { href, rel: LINK_REL };
      if (attribs.title) out.title = attribs.title;
      return { tagName: 'a', attribs: out };
    },
  },
  // An image whose source was refused is dropped entirely (an <img> without src is useless).
  exclusiveFilter: (frame) => frame.tag === 'img' && !IMAGE_OK.test((frame.attribs.src ?? '').trim()),
};

/** Sanitizes HTML with the Markdown allowlist (for HTML from elsewhere that must be shown). */
export const sanitize = (html: string): string => sanitizeHtml(html, SANITIZE);

/** How many times Markdown was rendered in this process (tests check that reading a list renders nothing). */
export const renderCounter = { renders: 0 };

/**
 * Markdown source -> sanitized HTML, safe for v-html and feeds. Stored text is rendered once, when written
 * (stored.ts); call this directly only for text that is not stored (a preview, a check before saving).
 */
export function renderMarkdown(source: string): string {
  renderCounter.renders++;
  return sanitize(md.render(source));
}

type Token = ReturnType<typeof md.parse>[number];

function collectText(tokens: Token[], out: string[]): void {
  for (const t of tokens) {
    if (t.type === 'text' || t.type === 'code_inline') out.push(t.content);
    else if (t.type === 'softbreak' || t.type === 'hardbreak') out.push(' ');
    else if (t.type === 'image') out.push(t.content);
    else if (t.type === 'code_block' || t.type === 'fence') out.push(` ${t.content} `);
    else if (t.type.endsWith('_close') && t.block) out.push(' ');
    if (t.children) collectText(t.children, out);
  }
}

/** The source as plain text (no markup, no HTML), on one line. */
export function markdownPlainText(source: string): string {
  const parts: string[] = [];
  collectText(md.parse(source, {}), parts);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** Plain text shortened to about `max` characters on a word boundary. */
export function cutExcerpt(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The source as plain text (no markup, no HTML), shortened to about `max` characters on a word boundary. */
export const markdownExcerpt = (source: string, max = 200): string => cutExcerpt(markdownPlainText(source), max);

/** Escapes text for an HTML context (feeds carry titles as HTML). */
export { escapeHtml } from '../text/escape-html';
