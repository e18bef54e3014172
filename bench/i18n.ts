// Benchmark of interface messages as pages produce them (src/web/i18n.ts), against banana-i18n used as it
// comes (what the pages did before: a new Banana per page, every call parsed afresh).
// Figures are nanoseconds per call (or per page for "set up a page"), the median of 7 timed runs after a
// warm-up, in one process; the languages are the page messages the server gives (English under each).
//
//   npm run bench:i18n               # ru, en and ar
//   BENCH_I18N_LANGS=ar npm run bench:i18n
import fs from 'node:fs';
import path from 'node:path';
import Banana from 'banana-i18n';
import { i18nDir } from '../src/server/http/i18n';
import { createI18n } from '../src/web/i18n';

const langs = (process.env.BENCH_I18N_LANGS ?? 'ru,en,ar').split(',');
const RUNS = 7;

const read = (lang: string): Record<string, string> => {
  const raw = JSON.parse(fs.readFileSync(path.join(i18nDir, `${lang}.json`), 'utf8')) as Record<string, string>;
  return Object.fromEntries(Object.entries(raw).filter(([k]) => !k.startsWith('@')));
};

/** Median nanoseconds per call of `fn(i)` over `n` calls (the index lets a case vary its parameters). */
function time(n: number, fn: (i: number) => unknown): number {
  let sink = 0;
  for (let i = 0; i < Math.min(n, 20_000); i++) sink += String(fn(RUNS * n + i)).length;
  const runs: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) sink += String(fn(i + r * n)).length;
    runs.push(Number(process.hrtime.bigint() - start) / n);
  }
  if (sink < 0) console.log(sink);
  return runs.sort((a, b) => a - b)[Math.floor(RUNS / 2)] ?? NaN;
}

const fmt = (ns: number) => (ns >= 10_000 ? `${(ns / 1000).toFixed(0)} µs` : `${ns.toFixed(0)} ns`).padStart(9);

console.log(`node ${process.version}, ${RUNS} runs each, median ns per call`);
console.log(
  `${'lang'.padEnd(5)}${'case'.padEnd(52)}${'banana-i18n'.padStart(12)}${'pages now'.padStart(12)}${'speed-up'.padStart(10)}`,
);
for (const lang of langs) {
  const messages = { ...read('en'), ...read(lang) };
  const banana = new Banana(lang);
  banana.load(messages, lang);
  const { t } = createI18n(lang, lang === 'ar' ? 'rtl' : 'ltr', messages);

  const cases: [string, number, (i: number) => unknown, (i: number) => unknown][] = [
    [
      'plain message, no parameter (nav-participants)',
      200_000,
      () => banana.i18n('nav-participants'),
      () => t('nav-participants'),
    ],
    [
      'message with $1 (moderation-by, 30 names)',
      200_000,
      (i) => banana.i18n('moderation-by', `Person ${i % 30}`),
      (i) => t('moderation-by', `Person ${i % 30}`),
    ],
    [
      'plural (communities-member-count, counts 0-29)',
      100_000,
      (i) => banana.i18n('communities-member-count', i % 30),
      (i) => t('communities-member-count', i % 30),
    ],
    [
      'plural, 3 params (initiatives-job-places)',
      100_000,
      (i) => banana.i18n('initiatives-job-places', i % 5, 5, 5 - (i % 5)),
      (i) => t('initiatives-job-places', i % 5, 5, 5 - (i % 5)),
    ],
    // Every call a count never asked before: what a call costs when the memo cannot answer.
    [
      'plural, count never seen before (memo misses)',
      50_000,
      (i) => banana.i18n('communities-member-count', 1_000_000 + i),
      (i) => t('communities-member-count', 1_000_000 + i),
    ],
    [
      'set up a page (createI18n)',
      20_000,
      () => {
        const b = new Banana(lang);
        b.load(messages, lang);
        return b.locale;
      },
      () => createI18n(lang, 'ltr', messages).lang,
    ],
  ];
  for (const [name, n, before, after] of cases) {
    const a = time(n, before);
    const b = time(n, after);
    console.log(
      `${lang.padEnd(5)}${name.padEnd(52)}${fmt(a).padStart(12)}${fmt(b).padStart(12)}${`${(a / b).toFixed(1)}x`.padStart(10)}`,
    );
  }
}
