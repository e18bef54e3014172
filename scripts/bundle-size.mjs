// Reports what a first visit downloads, brotli-compressed: the JavaScript of the first route (the entry and
// its static imports, plus the overview page's chunk) and everything else of the first load but the HTML (the
// stylesheets: the overview's own and its cut of Codex's). Budgets (DESIGN.md): first-route JavaScript <= 60 KB, whole first load <= 150 KB.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, process.env.LDN_DIST_DIR ?? 'dist', 'client');
const manifest = JSON.parse(fs.readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8'));
const br = (file) => zlib.brotliCompressSync(fs.readFileSync(file)).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

const files = new Set();
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || files.has(chunk.file)) return;
  files.add(chunk.file);
  for (const css of chunk.css ?? []) files.add(css);
  for (const imp of chunk.imports ?? []) visit(imp);
};
const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
visit(entryKey);
const overviewKey = Object.keys(manifest).find((k) => /home\/OverviewPage\.vue$/.test(k));
if (overviewKey) visit(overviewKey);

let js = 0;
let css = 0;
for (const f of files) {
  const size = br(path.join(dist, f));
  if (f.endsWith('.js')) js += size;
  else css += size;
}
// The overview's cut of Codex's stylesheet (codex-css.mjs); the page's messages come in its HTML.
const cuts = JSON.parse(fs.readFileSync(path.join(dist, '.vite/codex-css.json'), 'utf8'));
const overviewCut = cuts.chunks[`/${manifest[overviewKey]?.file}`] ?? cuts.entry;
const codex = br(path.join(dist, overviewCut.ltr));
const total = js + css + codex;
console.log(
  `First load, brotli: route JavaScript ${kb(js)} (budget 60 KB), stylesheets ${kb(css + codex)} ` +
    `(Codex's ${kb(codex)}); total ${kb(total)} without the HTML, which carries the page's messages (budget 150 KB)`,
);
if (js > 60 * 1024 || total > 150 * 1024) {
  console.warn('Over the first-load budget.');
  // `npm test` fails over budget (DECISIONS 34); a build only warns.
  if (process.argv.includes('--check')) process.exitCode = 1;
}
