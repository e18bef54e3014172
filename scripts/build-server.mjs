// Builds the server into a JavaScript file per entry (dist/server-app/main.mjs, cli.mjs) and the chunks they
// share, with esbuild, the packages left to node_modules: `npm start` runs it with plain node, without compiling TypeScript at every
// start (tsx did, costing seconds of start-up and a hundred megabytes of memory). Called by build-if-changed.mjs
// when the server's sources changed; tests and `tsx` still run the sources themselves.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import fs from 'node:fs';
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
  // Chunks are named by their content: those of earlier builds would pile up.
  fs.rmSync(path.join(root, dist, 'server-app'), { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: { main: 'src/server/main.ts', cli: 'src/server/cli/main.ts', template: 'src/server/db/template.ts' },
    outdir: path.join(dist, 'server-app'),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    // What an entry imports only when it needs it (main.ts: the server, or the cluster's primary) comes in chunks
    // of its own, so a cluster's primary does not load the server.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    target: 'node20',
    // Stack traces point into the sources with NODE_OPTIONS=--enable-source-maps (off by default: node then holds
    // the parsed maps, some 20 MB per process); without it they point into the readable built files.
    sourcemap: true,
    plugins: [jsonOfPackages],
    logLevel: 'warning',
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await buildServer();
