// Cuts Codex's stylesheet down to what each page can show, so a first visit downloads (and waits for) only the
// Codex rules its page uses rather than the whole library (173 KB before compression).
//
// Codex styles its Vue components and its CSS-only components by class names (`cdx-button`,
// `cdx-button--weight-primary`, `cdx-menu-item__content`…). Every class a page can ever carry is written in its
// JavaScript: in the templates of the pages' own components (CSS-only components and classes given to Codex
// components) and in the code of the Codex components those chunks bundle, which build their modifiers by
// joining a prefix and a value ("cdx-button--action-" + action): a name ending in "-" stands for every class it
// begins. A page is its route's chunk with everything that chunk imports (its own lazy imports too, so a dialog
// opened later is styled) and the entry's chunks (the layout); it gets the rules of codex.style.css (or of
// codex.style-rtl.css, the same rules mirrored) whose selectors name only classes found there, in Codex's order,
// as one file named by its content. Rules that name no Codex class and keyframes the kept rules animate with are
// kept. Pages whose route's chunks are the same share a file. Classes the server itself writes into pages (the
// notices of src/server/pages/notices.ts) are added to every page's.
//
// Writes client/assets/codex-<hash>-<ltr|rtl>.css and client/.vite/codex-css.json, which names each route
// chunk's pair (and the entry's, for pages rendered by no route chunk); the server links the page's pair
// (src/server/pages/bundle.ts). The whole stylesheet is still copied by precompress.mjs: the browser switches to
// it on its first move to another page, whose components this page's cut may not hold.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import postcss from 'postcss';

const root = path.resolve(import.meta.dirname, '..');
const client = path.join(root, process.env.LDN_DIST_DIR ?? 'dist', 'client');
const codexDist = path.join(root, 'node_modules/@wikimedia/codex/dist');
const manifest = JSON.parse(fs.readFileSync(path.join(client, '.vite/manifest.json'), 'utf8'));

/** Every `cdx-…` name in a built chunk; a name ending in "-" or "_" is a prefix the code completes. */
function classNamesIn(file) {
  const code = fs.readFileSync(path.join(client, file), 'utf8');
  return new Set(code.match(/cdx-[a-z0-9_-]*/g) ?? []);
}

/**
 * The chunk keys of `key` and everything it imports, statically and (`lazy`) lazily, but for the entry's chunks
 * (`stop`): a route's chunk may import from the entry, whose lazy imports are every other route.
 */
function closure(key, out, { lazy, stop = new Set() }) {
  const chunk = manifest[key];
  if (!chunk || out.has(key) || stop.has(key)) return out;
  out.add(key);
  for (const k of chunk.imports ?? []) closure(k, out, { lazy, stop });
  if (lazy) for (const k of chunk.dynamicImports ?? []) closure(k, out, { lazy, stop });
  return out;
}

const namesOfChunk = new Map();
function namesOf(keys) {
  const names = new Set();
  for (const key of keys) {
    const file = manifest[key].file;
    if (!namesOfChunk.has(file)) namesOfChunk.set(file, file.endsWith('.js') ? classNamesIn(file) : new Set());
    for (const n of namesOfChunk.get(file)) names.add(n);
  }
  return names;
}

function isUsed(className, names, prefixes) {
  return names.has(className) || prefixes.some((p) => className.startsWith(p));
}

/** The stylesheet with only the selectors whose Codex classes are all used (postcss keeps Codex's order). */
function cut(css, names) {
  const prefixes = [...names].filter((n) => /[-_]$/.test(n));
  const sheet = postcss.parse(css);
  sheet.walkRules((rule) => {
    if (rule.parent?.type === 'atrule' && /keyframes$/.test(rule.parent.name)) return;
    // A class a selector must not have (`:not(.cdx-label--visually-hidden)`) is no need for it.
    const kept = rule.selectors.filter((selector) =>
      (selector.replace(/:not\([^()]*\)/g, '').match(/\.cdx-[a-zA-Z0-9_-]+/g) ?? []).every((c) =>
        isUsed(c.slice(1), names, prefixes),
      ),
    );
    if (kept.length === 0) rule.remove();
    else if (kept.length < rule.selectors.length) rule.selectors = kept;
  });
  // Conditional blocks left empty go; keyframes stay when a kept rule animates with them.
  sheet.walkAtRules((at) => {
    if (/keyframes$/.test(at.name)) return;
    if (at.nodes?.length === 0) at.remove();
  });
  const animated = new Set();
  sheet.walkDecls(/^animation(-name)?$/, (d) => {
    for (const word of d.value.split(/[\s,]+/)) animated.add(word);
  });
  sheet.walkAtRules(/keyframes$/, (at) => {
    if (!animated.has(at.params)) at.remove();
  });
  return sheet.toString();
}

const sources = {
  ltr: fs.readFileSync(path.join(codexDist, 'codex.style.css'), 'utf8'),
  rtl: fs.readFileSync(path.join(codexDist, 'codex.style-rtl.css'), 'utf8'),
};
const written = new Map();
/** Writes the pair for a set of class names (once per distinct cut) and answers their addresses. */
function pairFor(names) {
  const ltr = cut(sources.ltr, names);
  const hash = createHash('sha256').update(ltr).digest('hex').slice(0, 10);
  if (!written.has(hash)) {
    const rtl = cut(sources.rtl, names);
    fs.writeFileSync(path.join(client, `assets/codex-${hash}-ltr.css`), ltr);
    fs.writeFileSync(path.join(client, `assets/codex-${hash}-rtl.css`), rtl);
    written.set(hash, { ltr: `/assets/codex-${hash}-ltr.css`, rtl: `/assets/codex-${hash}-rtl.css` });
  }
  return written.get(hash);
}

/** Classes the server writes into pages itself: a notice above any page (build-if-changed.mjs watches it). */
function serverClassNames() {
  const code = fs.readFileSync(path.join(root, 'src/server/pages/notices.ts'), 'utf8');
  return new Set(code.match(/cdx-[a-z0-9_-]*/g) ?? []);
}

const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
const entryKeys = closure(entryKey, new Set(), { lazy: false });
const entryNames = new Set([...namesOf(entryKeys), ...serverClassNames()]);
const out = { entry: pairFor(entryNames), chunks: {} };
for (const [key, chunk] of Object.entries(manifest)) {
  if (!chunk.isDynamicEntry) continue;
  const names = new Set([...entryNames, ...namesOf(closure(key, new Set(), { lazy: true, stop: entryKeys }))]);
  out.chunks[`/${chunk.file}`] = pairFor(names);
}
fs.writeFileSync(path.join(client, '.vite/codex-css.json'), JSON.stringify(out, null, 2));
const sizes = [...written.keys()].map((h) => fs.statSync(path.join(client, `assets/codex-${h}-ltr.css`)).size);
console.log(
  `Codex stylesheets cut for ${Object.keys(out.chunks).length} route chunks: ${written.size} distinct, ` +
    `${(Math.min(...sizes) / 1024).toFixed(1)}–${(Math.max(...sizes) / 1024).toFixed(1)} KB ` +
    `(the whole: ${(sources.ltr.length / 1024).toFixed(1)} KB)`,
);
