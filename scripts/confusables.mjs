// Derives src/server/text/unicode/confusables.txt from Unicode's confusables.txt (UTS #39), so that the data
// the name checks use is pinned in the repository and can be compared with its source.
// Usage: node scripts/confusables.mjs path/to/confusables.txt
// (the source is https://www.unicode.org/Public/security/<version>/confusables.txt; take the newest version).
// Only the mappings are kept, one a line: the source code point, ';', the prototype's code points.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const source = process.argv[2];
if (!source) {
  console.error('usage: node scripts/confusables.mjs path/to/confusables.txt');
  process.exit(2);
}
const text = fs.readFileSync(source, 'utf8');
const version = /^# Version: (\S+)/m.exec(text)?.[1];
const date = /^# Date: ([^\n]+)/m.exec(text)?.[1];
if (!version) throw new Error(`${source} names no version: is it Unicode's confusables.txt?`);

const lines = [];
for (const raw of text.split('\n')) {
  const line = raw
    .replace(/^\uFEFF/, '')
    .split('#')[0]
    .trim();
  if (!line) continue;
  const [from, to] = line.split(';').map((f) => f.trim());
  if (!/^[0-9A-F]{4,6}$/.test(from ?? '') || !/^[0-9A-F]{4,6}( [0-9A-F]{4,6})*$/.test(to ?? ''))
    throw new Error(`unexpected line: ${raw}`);
  lines.push(`${from};${to}`);
}
const sha256 = createHash('sha256').update(text).digest('hex');
const out = path.resolve(import.meta.dirname, '../src/server/text/unicode/confusables.txt');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(
  out,
  [
    `# Unicode confusables (UTS #39) ${version}, ${date}: the mappings of confusables.txt, one a line.`,
    `# Made by scripts/confusables.mjs from the file whose SHA-256 is ${sha256}.`,
    '# © Unicode, Inc.; see https://www.unicode.org/terms_of_use.html (Unicode License v3).',
    ...lines,
    '',
  ].join('\n'),
);
console.log(`wrote ${lines.length} mappings of confusables.txt ${version} to ${path.relative(process.cwd(), out)}`);
