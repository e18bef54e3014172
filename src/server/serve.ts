// One serving process: config -> app listening (health 503) -> database (lock, migrations, demo) -> ready.
// SIGTERM/SIGINT close the server (requests on their way finish) and the database so nothing is lost. In a
// cluster (main.ts, cluster.ts) one worker does the start-up work that must happen once and runs the jobs; the
// others are started once it is done.
import type { Config } from './config';
import { buildApp } from './app';
import { openDatabase, type DatabaseHandle } from './db/connection';
import { lockDataFolder, type FolderLock } from './db/lock';
import { migrate } from './db/migrate';
import { loadDemoIfEmpty } from './demo';
import { startJobWorker, type JobWorker } from './jobs/worker';
import { trustContentVersionsFor } from './http/content-cache';
import { ensureGuides } from './features/guides';
import { convertPlatformLinks } from './features/initiatives';
import { fillUsernameSkeletons } from './features/accounts';
import { fillGroupNameSkeletons } from './features/communities';

export interface ServeRole {
  /** Does the once-only start-up work (migrations, guides, demo content, names' keys) and runs the job worker. */
  primary: boolean;
  /** Called once this process serves with its database. */
  onReady?: () => void;
  /** A cluster worker's number, sent as the x-ldn-worker header (which process answered). */
  workerId?: number;
}

export async function serve(config: Config, role: ServeRole = { primary: true }): Promise<void> {
  let lock: FolderLock | null = null;
  // Take the data-folder lock before anything else: a second process must refuse at once, touching nothing.
  if (!config.databaseUrl) {
    lock = lockDataFolder(config.dataDir);
    if (lock.tookOverFrom)
      console.warn(`Took over the lock of ${config.dataDir} left by process ${lock.tookOverFrom}, which has ended.`);
  }
  if (!config.rateLimits && role.primary)
    console.warn('LDN_RATE_LIMITS=off: rate limits are lifted. Use this for local tests and benchmarks only.');
  let redis = null;
  if (config.redisUrl) {
    const { Redis } = await import('ioredis');
    redis = new Redis(config.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 2 });
  }
  const app = await buildApp({ config, logger: true, redis });
  if (role.workerId !== undefined) {
    const id = String(role.workerId);
    // Before Fastify's own listener: the header is on every answer, whatever answers it.
    app.server.prependListener('request', (_req, res) => res.setHeader('x-ldn-worker', id));
  }
  const listen = () => app.listen({ port: config.port, host: process.env.HOST ?? '0.0.0.0' });
  // The process doing the start-up work listens first (answering 503 "starting" meanwhile); a cluster's other
  // workers start once it is done and listen with their database open, so they never answer "starting".
  if (role.primary) await listen();

  let handle: DatabaseHandle | null = null;
  let worker: JobWorker | null = null;
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: shutting down`);
    await worker?.stop().catch(() => {});
    await app.close().catch(() => {});
    await handle?.close().catch(() => {});
    await redis?.quit().catch(() => {});
    lock?.release();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  handle = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    schema: config.databaseSchema,
  });
  if (role.primary) await prepareDatabase(app.log, handle, config);
  trustContentVersionsFor(handle.db, config.contentVersionMaxAgeMs);
  app.deps.db = handle.db;
  if (role.primary) worker = startJobWorker(app);
  else await listen();
  role.onReady?.();
  app.log.info(`ready at ${config.baseUrl}${role.workerId !== undefined ? ` (worker ${role.workerId})` : ''}`);
}

/** The start-up work done once per start, whatever the number of processes: each step is idempotent. */
async function prepareDatabase(log: { info(msg: string): void }, handle: DatabaseHandle, config: Config) {
  const applied = await migrate(handle);
  if (applied.length) log.info(`applied migrations: ${applied.join(', ')}`);
  // The guides exist on every install, with or without demo content (loaded once, into an empty table).
  if (await ensureGuides(handle.db)) log.info('loaded the guides shipped with the platform');
  // Initiatives' links to this platform's events and courses become those items (DECISIONS 11); idempotent.
  const converted = await convertPlatformLinks(handle.db, config.baseUrl);
  if (converted) log.info(`converted ${converted} initiative links into events and courses`);
  if (config.demo && !config.databaseUrl) {
    const loaded = await loadDemoIfEmpty(handle.db);
    if (loaded) log.info('loaded demo content (LDN_DEMO=0 starts empty)');
  }
  // Usernames and group names keep their look-alike keys (migrations/0027); the empty ones are filled. Idempotent.
  const filled = (await fillUsernameSkeletons(handle.db)) + (await fillGroupNameSkeletons(handle.db));
  if (filled) log.info(`computed the look-alike keys of ${filled} names`);
}
