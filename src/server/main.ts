// Process entry. On PostgreSQL the platform runs LDN_WORKERS processes (default: one per core) sharing the port
// through node's cluster (cluster.ts); the embedded database allows one process, which serves alone (serve.ts).
// The serving code (and the configuration, which the workers read) is imported only where it runs, so a
// cluster's primary stays small.
import './production-mode';
import cluster from 'node:cluster';
import os from 'node:os';

async function main() {
  // The embedded database unless DATABASE_URL says otherwise (as config.ts reads it).
  const embedded = !process.env.DATABASE_URL?.trim();
  const wanted = process.env.LDN_WORKERS?.trim();
  let workers = wanted ? Number(wanted) : os.availableParallelism();
  if (!Number.isSafeInteger(workers) || workers < 1)
    throw new Error(`LDN_WORKERS must be a whole number of processes, 1 or more (got ${wanted})`);
  if (embedded && workers > 1) {
    if (wanted) console.warn('LDN_WORKERS is ignored with the embedded database: it runs in one process.');
    workers = 1;
  }
  if (cluster.isPrimary && workers > 1) {
    const { runPrimary } = await import('./cluster');
    return runPrimary(workers);
  }
  const { loadConfig } = await import('./config');
  const config = loadConfig();
  if (cluster.isPrimary) {
    const { serve } = await import('./serve');
    return serve(config);
  }
  const { serveAsWorker } = await import('./cluster-worker');
  return serveAsWorker(config);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
