// Starts the platform for the end-to-end tests on a fresh data folder, with a network admin created first
// through the same command line people use. The server runs as `npm start` runs it: built (and built first when
// its sources changed).
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';

const dir = process.env.LDN_DATA_DIR;
fs.rmSync(dir, { recursive: true, force: true });
const tsx = 'node_modules/.bin/tsx';
if (fs.existsSync('src/server/cli/main.ts')) {
  execFileSync(tsx, ['src/server/cli/main.ts', 'create-admin', process.env.LDN_ADMIN_USERNAME], {
    stdio: 'inherit',
    env: process.env,
  });
}
execFileSync('node', ['scripts/build-if-changed.mjs'], { stdio: 'inherit', env: process.env });
const main = `${process.env.LDN_DIST_DIR ?? 'dist'}/server-app/main.mjs`;
const child = spawn(process.execPath, ['--enable-source-maps', main], { stdio: 'inherit', env: process.env });
for (const sig of ['SIGTERM', 'SIGINT']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
