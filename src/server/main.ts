// Process entry: config -> app listening (health 503) -> database (lock, migrations, demo) -> ready.
// SIGTERM/SIGINT close the server and the database so nothing is lost.
import './production-mode';
import { loadConfig } from './config';
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

async function main() {
  const config = loadConfig();
  let lock: FolderLock | null = null;
  // Take the data-folder lock before anything else: a second process must refuse at once, touching nothing.
  if (!config.databaseUrl) {
    lock = lockDataFolder(config.dataDir);
    if (lock.tookOverFrom)
      console.warn(`Took over the lock of ${config.dataDir} left by process ${lock.tookOverFrom}, which has ended.`);
  }
  if (!config.rateLimits)
    console.warn('LDN_RATE_LIMITS=off: rate limits are lifted. Use this for local tests and benchmarks only.');
  let redis = null;
  if (config.redisUrl) {
    const { Redis } = await import('ioredis');
    redis = new Redis(config.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 2 });
  }
  const app = await buildApp({ config, logger: true, redis });
  await app.listen({ port: config.port, host: process.env.HOST ?? '0.0.0.0' });

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
  const applied = await migrate(handle);
  if (applied.length) app.log.info(`applied migrations: ${applied.join(', ')}`);
  // The guides exist on every install, with or without demo content (loaded once, into an empty table).
  if (await ensureGuides(handle.db)) app.log.info('loaded the guides shipped with the platform');
  // Initiatives' links to this platform's events and courses become those items (DECISIONS 11); idempotent.
  const converted = await convertPlatformLinks(handle.db, config.baseUrl);
  if (converted) app.log.info(`converted ${converted} initiative links into events and courses`);
  if (config.demo && !config.databaseUrl) {
    const loaded = await loadDemoIfEmpty(handle.db);
    if (loaded) app.log.info('loaded demo content (LDN_DEMO=0 starts empty)');
  }
  // Usernames and group names keep their look-alike keys (migrations/0027); the empty ones are filled. Idempotent.
  const filled = (await fillUsernameSkeletons(handle.db)) + (await fillGroupNameSkeletons(handle.db));
  if (filled) app.log.info(`computed the look-alike keys of ${filled} names`);
  trustContentVersionsFor(handle.db, config.contentVersionMaxAgeMs);
  app.deps.db = handle.db;
  worker = startJobWorker(app);
  app.log.info(`ready at ${config.baseUrl}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
