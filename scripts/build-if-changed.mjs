// Builds the web bundle, and the server (scripts/build-server.mjs), when their sources changed since the last
// build (npm install and npm start call this), so a fresh clone builds once and later starts skip the work.
import { createHash } from 'node:crypto';
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildServer } from './build-server.mjs';

const root = path.resolve(import.meta.dirname, '..');
// The pages' cuts of Codex's stylesheet (codex-css.mjs) also read the classes the server writes into pages.
const inputs = [
  'src/web',
  'src/contracts',
  'src/server/pages/notices.ts',
  'vite.config.ts',
  'package-lock.json',
  'scripts/codex-css.mjs',
];
const dist = process.env.LDN_DIST_DIR ?? 'dist';
const stampFile = path.join(root, dist, '.build-hash');

function walk(p, out) {
  const full = path.join(root, p);
  if (!fs.existsSync(full)) return;
  if (fs.statSync(full).isDirectory()) {
    for (const name of fs.readdirSync(full).sort()) walk(path.join(p, name), out);
  } else out.push(p);
}

/** One hash of the files under the given paths (their names and contents). */
function digestOf(paths) {
  const files = [];
  for (const i of paths) walk(i, files);
  const hash = createHash('sha256');
  for (const f of files) hash.update(f).update(fs.readFileSync(path.join(root, f)));
  return hash.digest('hex');
}
const digest = digestOf(inputs);
const serverDigest = digestOf(['src/server', 'src/contracts', 'package-lock.json']);
const serverStamp = path.join(root, dist, '.server-build-hash');

// Test files running side by side may each ask for a build: one builds, the others wait and then find it done.
const lockDir = path.join(root, `${dist}.build-lock`);
for (let waited = 0; ; waited += 200) {
  try {
    fs.mkdirSync(lockDir);
    break;
  } catch {
    // A lock left by a build that died (older than 10 minutes) is taken over.
    if (Date.now() - fs.statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs > 600_000)
      fs.rmSync(lockDir, { recursive: true, force: true });
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
  }
}
process.on('exit', () => fs.rmSync(lockDir, { recursive: true, force: true }));

// The server first: quick (about a second), and independent of the web bundle.
const serverReady =
  fs.existsSync(path.join(root, dist, 'server-app/main.mjs')) &&
  fs.existsSync(serverStamp) &&
  fs.readFileSync(serverStamp, 'utf8') === serverDigest;
if (!serverReady || process.argv.includes('--force')) {
  await buildServer();
  fs.writeFileSync(serverStamp, serverDigest);
}

// The embedded database's new data folder, migrated (src/server/db/template.ts), made again when the packages
// (PGlite's version) or the migrations changed.
const templateDigest = digestOf(['package-lock.json', 'migrations']);
const templateStamp = path.join(root, dist, '.pglite-template-hash');
if (
  !fs.existsSync(path.join(root, dist, 'pglite-template/PG_VERSION')) ||
  !fs.existsSync(templateStamp) ||
  fs.readFileSync(templateStamp, 'utf8') !== templateDigest ||
  process.argv.includes('--force')
) {
  const { makePgliteTemplate } = await import(path.join(root, dist, 'server-app/template.mjs'));
  await makePgliteTemplate();
  fs.writeFileSync(templateStamp, templateDigest);
}

const ready =
  fs.existsSync(path.join(root, dist, 'server/entry-server.js')) &&
  fs.existsSync(path.join(root, dist, 'client/.vite/manifest.json'));
if (
  ready &&
  fs.existsSync(stampFile) &&
  fs.readFileSync(stampFile, 'utf8') === digest &&
  !process.argv.includes('--force')
) {
  process.exit(0);
}
console.log('Building the web bundle…');
execSync(
  `npx vite build --logLevel warn && npx vite build --ssr src/web/entry-server.ts --outDir ${dist}/server --emptyOutDir --logLevel warn`,
  {
    cwd: root,
    stdio: 'inherit',
  },
);
execSync('node scripts/codex-css.mjs && node scripts/precompress.mjs && node scripts/bundle-size.mjs', {
  cwd: root,
  stdio: 'inherit',
});
fs.writeFileSync(stampFile, digest);
