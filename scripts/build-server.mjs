// Builds the server into one JavaScript file per entry (dist/server-app/main.mjs, cli.mjs) with esbuild, the
// packages left to node_modules: `npm start` runs it with plain node, without compiling TypeScript at every
// start (tsx did, costing seconds of start-up and a hundred megabytes of memory). Called by build-if-changed.mjs
// when the server's sources changed; tests and `tsx` still run the sources themselves.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import path from 'node:path';

// JSON files of packages are put in the bundle: node would need an import attribute to load them as the sources
// import them (Vite and tsx add it themselves).
const jsonOfPackages = {
  name: 'json-of-packages',
  setup(b) {
    b.onResolve({ filter: /\.json$/ }, (args) =>
      /^[./]/.test(args.path)
        ? undefined
        : { path: createRequire(path.join(args.resolveDir, 'x.js')).resolve(args.path) },
    );
  },
};

const root = path.resolve(import.meta.dirname, '..');
const dist = process.env.LDN_DIST_DIR ?? 'dist';

export async function buildServer() {
  await build({
    absWorkingDir: root,
    entryPoints: { main: 'src/server/main.ts', cli: 'src/server/cli/main.ts' },
    outdir: path.join(dist, 'server-app'),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Stack traces point into the sources (node --enable-source-maps).
    sourcemap: true,
    plugins: [jsonOfPackages],
    logLevel: 'warning',
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await buildServer();
