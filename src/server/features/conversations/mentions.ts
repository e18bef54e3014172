// Mentions (DECISIONS 24): `@` then up to four words, the longest that is someone's username. Space and underscore
// are one, as on the wikis, so `@Ada Lovelace` and `@Ada_Lovelace` name the same person; a punctuation mark after
// a name ends it ("@Ada, look"). They are read in the rendered text, outside code and links, so a mention that
// notifies is exactly one that shows as a link to the person; links follow the names people have now.
import { usernameKey, usernameToPath } from '../../../contracts/usernames';
import type { Db } from '../../db/connection';
import { escapeHtml, renderMarkdown } from '../../markdown/render';

/** A word of a name: anything a username may hold but a space or an underscore (contracts/usernames.ts). */
const WORD = String.raw`[^\s_#<>[\]|{}/@:\u0000-\u001f\u007f]+`;
const WORDS = new RegExp(WORD, 'gu');
const MENTION = new RegExp(String.raw`(?<![\p{L}\p{N}\p{M}_])@(${WORD}(?:[ _]+${WORD}){0,3})`, 'gu');
const ENDS_IN_LETTER = /[\p{L}\p{N}\p{M}]$/u;

/** Mentions read in one text (more are ignored: nobody mentions fifty people in a comment). */
export const MENTIONS_MAX = 50;

export interface Occurrence {
  /** Where the `@` is. */
  index: number;
  /** The names it may be, longest first: the key and how many characters after the `@` it covers. */
  candidates: { key: string; length: number }[];
}

/** Every `@` that starts a mention, with the names it may be: 1 to 4 words, each also without trailing marks. */
export function findMentions(text: string, max = MENTIONS_MAX): Occurrence[] {
  const found: Occurrence[] = [];
  for (const m of text.matchAll(MENTION)) {
    const words = [...(m[1] ?? '').matchAll(WORDS)];
    const candidates: Occurrence['candidates'] = [];
    for (let k = words.length; k >= 1; k--) {
      const last = words[k - 1]!;
      const start = last.index;
      let end = start + last[0].length;
      for (;;) {
        candidates.push({ key: usernameKey(m[1]!.slice(0, end)), length: end });
        const word = m[1]!.slice(start, end);
        if (ENDS_IN_LETTER.test(word)) break;
        end -= [...word].at(-1)!.length;
        if (end <= start) break;
      }
    }
    found.push({ index: m.index, candidates });
    if (found.length >= max) break;
  }
  return found;
}

/** Each occurrence's person: its longest name that is someone (`known` by username key); others are dropped. */
export function resolveMentions<P>(found: Occurrence[], known: Map<string, P>) {
  return found.flatMap((o) => {
    for (const c of o.candidates) {
      const person = known.get(c.key);
      if (person !== undefined) return [{ index: o.index, length: c.length, person }];
    }
    return [];
  });
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (html: string) =>
  html.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) => {
    if (e[0] !== '#') return ENTITIES[e.toLowerCase()] ?? whole;
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });

/** Elements whose text mentions no one: links (already links) and code. */
const SKIPPED = new Set(['a', 'code', 'pre']);
const TAG = /<(\/?)([a-z][a-z0-9]*)\b[^>]*>/gi;

/**
 * Calls `each` with the text (decoded) of every run of sanitized HTML outside links and code; where it answers a
 * string, that HTML replaces the run. Sanitized HTML escapes `<` and `>` in text and attributes, so tags are
 * plain to find.
 */
function mapText(html: string, each: (text: string) => string | null): string {
  let out = '';
  let last = 0;
  let skipped = 0;
  const run = (end: number) => {
    const raw = html.slice(last, end);
    const changed = skipped === 0 && raw.includes('@') ? each(decode(raw)) : null;
    out += changed ?? raw;
  };
  for (const m of html.matchAll(TAG)) {
    run(m.index);
    out += m[0];
    last = m.index + m[0].length;
    if (SKIPPED.has(m[2]!.toLowerCase())) skipped = Math.max(0, skipped + (m[1] ? -1 : 1));
  }
  run(html.length);
  return out;
}

/** The mentions in rendered HTML, read outside links and code. */
export function mentionsInHtml(html: string, max = MENTIONS_MAX): Occurrence[] {
  const found: Occurrence[] = [];
  mapText(html, (text) => {
    if (found.length < max) found.push(...findMentions(text, max - found.length));
    return null;
  });
  return found;
}

export interface Mentionable {
  id: number;
  username: string;
}

/** The people with these username keys, by key: one query. */
async function peopleByKeys(db: Db, keys: string[]): Promise<Map<string, Mentionable>> {
  const unique = [...new Set(keys)].slice(0, 5000);
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'username', 'username_key'])
    .where('username_key', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.username_key, { id: r.id, username: r.username }]));
}

const keysOf = (found: Occurrence[]) => found.flatMap((o) => o.candidates.map((c) => c.key));

/** The people a Markdown text mentions (its author included, if they named themselves): one query at most. */
export async function mentionedPeople(db: Db, markdown: string): Promise<number[]> {
  const found = mentionsInHtml(renderMarkdown(markdown));
  if (found.length === 0) return [];
  const known = await peopleByKeys(db, keysOf(found));
  return [...new Set(resolveMentions(found, known).map((r) => r.person.id))];
}

/** HTML text with each mention of someone made a link to their page (the name isolated, in whatever script). */
function linkText(text: string, known: Map<string, Mentionable>): string | null {
  const resolved = resolveMentions(findMentions(text), known);
  if (resolved.length === 0) return null;
  let out = '';
  let last = 0;
  for (const r of resolved) {
    const end = r.index + 1 + r.length;
    out += `${escapeHtml(text.slice(last, r.index))}<a href="/people/${usernameToPath(r.person.username)}" class="ldn-mention"><bdi>${escapeHtml(text.slice(r.index, end))}</bdi></a>`;
    last = end;
  }
  return out + escapeHtml(text.slice(last));
}

/** Items whose bodyHtml (sanitized HTML) links each mention of someone to their page: one query for all. */
export async function withMentionLinks<T extends { bodyHtml: string }>(db: Db, items: T[]): Promise<T[]> {
  const keys = items.flatMap((i) => (i.bodyHtml.includes('@') ? keysOf(mentionsInHtml(i.bodyHtml)) : []));
  if (keys.length === 0) return items;
  const known = await peopleByKeys(db, keys);
  if (known.size === 0) return items;
  return items.map((i) =>
    i.bodyHtml.includes('@') ? { ...i, bodyHtml: mapText(i.bodyHtml, (text) => linkText(text, known)) } : i,
  );
}
