// Process entry. On PostgreSQL the platform runs LDN_WORKERS processes (default: one per core) sharing the port
// through node's cluster (cluster.ts); the embedded database allows one process, which serves alone (serve.ts).
// The serving code is imported only where it runs, so a cluster's primary stays small.
import './production-mode';
import cluster from 'node:cluster';
import os from 'node:os';
import { loadConfig } from './config';

async function main() {
  const config = loadConfig();
  const wanted = process.env.LDN_WORKERS?.trim();
  let workers = wanted ? Number(wanted) : os.availableParallelism();
  if (!Number.isSafeInteger(workers) || workers < 1)
    throw new Error(`LDN_WORKERS must be a whole number of processes, 1 or more (got ${wanted})`);
  if (!config.databaseUrl && workers > 1) {
    if (wanted) console.warn('LDN_WORKERS is ignored with the embedded database: it runs in one process.');
    workers = 1;
  }
  if (workers === 1) {
    const { serve } = await import('./serve');
    return serve(config);
  }
  if (cluster.isPrimary) {
    const { runPrimary } = await import('./cluster');
    return runPrimary(workers);
  }
  const { serveAsWorker } = await import('./cluster-worker');
  return serveAsWorker(config);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
