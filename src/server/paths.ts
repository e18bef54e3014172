// The repository's root, where package.json is: the folders the server reads (i18n, migrations, dist,
// node_modules) are found from it, whether the server runs from its sources (tests, `tsx`) or as the one file
// `npm start` builds (dist/server-app, scripts/build-server.mjs), which sits at another depth.
import fs from 'node:fs';
import path from 'node:path';

function rootFrom(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No package.json above ${start}`);
  }
}

export const repoRoot = rootFrom(import.meta.dirname);
