// The server also runs as one built file at another depth (scripts/build-server.mjs): a file found relative to
// its own module would be looked for in dist/server-app. Files are found from the repository root instead.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './paths';

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [p] : [];
  });
}

describe('files the server reads', () => {
  it('are found from the repository root, never from a module’s own place', () => {
    const relative = [...sources(path.join(repoRoot, 'src/server')), ...sources(path.join(repoRoot, 'src/contracts'))]
      // paths.ts itself, and the tests' helpers (never in the built server).
      .filter((f) => !f.endsWith(path.join('src', 'server', 'paths.ts')) && !/[/\\]testing(\.ts$|[/\\])/.test(f))
      .filter((f) => /import\.meta\.(dirname|url|filename)/.test(fs.readFileSync(f, 'utf8')))
      .map((f) => path.relative(repoRoot, f));
    expect(relative).toEqual([]);
  });
});
