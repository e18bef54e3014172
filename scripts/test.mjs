// `npm test`: type check, lint, unit and integration tests (PGlite, and PostgreSQL when TEST_DATABASE_URL is
// set), then the end-to-end tests in Debian's chromium. Ends with one line adding up every runner's counts:
// "N passed, N failed".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, '.test-data');
fs.mkdirSync(out, { recursive: true });
const bin = (name) => path.join(root, 'node_modules/.bin', name);
const totals = { passed: 0, failed: 0, skipped: 0 };
const only = process.argv.slice(2); // e.g. `npm test -- unit e2e`
const wanted = (step) => only.length === 0 || only.includes(step);

function run(cmd, args, env = {}) {
  console.log(`\n$ ${path.basename(cmd)} ${args.join(' ')}`);
  return spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;
}

function check(name, status) {
  if (status === 0) totals.passed++;
  else {
    totals.failed++;
    console.error(`✗ ${name} failed`);
  }
}

if (wanted('typecheck')) check('type check', run(bin('vue-tsc'), ['--noEmit', '-p', 'tsconfig.json']));
if (wanted('lint')) {
  check('lint', run(bin('eslint'), ['.']));
  // One format for the tree (`npm run format` writes it).
  check('format', run(bin('prettier'), ['--check', '--log-level', 'warn', '.']));
}

// Page tests and the end-to-end tests render with the built web bundle: bring it up to date first.
if (wanted('unit') || wanted('e2e')) check('web build', run('node', ['scripts/build-if-changed.mjs']));
// The first visit's budget (DECISIONS 34): route JavaScript at most 60 KB, everything at most 150 KB, brotli.
if (wanted('unit') || wanted('e2e')) check('first-load budget', run('node', ['scripts/bundle-size.mjs', '--check']));

if (wanted('unit')) {
  const report = path.join(out, 'vitest.json');
  fs.rmSync(report, { force: true });
  const status = run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
  if (fs.existsSync(report)) {
    const r = JSON.parse(fs.readFileSync(report, 'utf8'));
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests;
    totals.skipped += r.numPendingTests + (r.numTodoTests ?? 0);
    // A file that failed to load has no tests to count: count the file.
    if (status !== 0 && r.numFailedTests === 0) totals.failed++;
  } else totals.failed++;
}

function ensureChromium() {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (fs.existsSync(chromium)) return true;
  if (process.getuid?.() === 0 && spawnSync('which', ['apt-get']).status === 0) {
    console.log("Chromium is missing: installing Debian's package…");
    run('bash', [
      '-c',
      'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core',
    ]);
  }
  if (fs.existsSync(chromium)) return true;
  console.error(
    `The end-to-end tests need Chromium at ${chromium}. Install it with: sudo apt-get update && sudo apt-get install -y chromium`,
  );
  return false;
}

if (wanted('e2e')) {
  if (!ensureChromium()) totals.failed++;
  else {
    const report = path.join(out, 'playwright.json');
    fs.rmSync(report, { force: true });
    const status = run(bin('playwright'), ['test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: report });
    if (fs.existsSync(report)) {
      const s = JSON.parse(fs.readFileSync(report, 'utf8')).stats;
      totals.passed += s.expected + (s.flaky ?? 0);
      totals.failed += s.unexpected;
      totals.skipped += s.skipped;
      if (status !== 0 && s.unexpected === 0) totals.failed++;
    } else totals.failed++;
  }
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed > 0 ? 1 : 0);
