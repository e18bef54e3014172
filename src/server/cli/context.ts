// What every command runs in: the configured database (the embedded one under its data-folder lock, or
// PostgreSQL beside the servers), migrated first, and closed afterwards so nothing is lost.
import type { Config } from '../config';
import { openDatabase, type DatabaseHandle } from '../db/connection';
import { DataFolderLockedError, lockDataFolder, type FolderLock } from '../db/lock';
import { migrate } from '../db/migrate';
import type { Ctx } from '../http/context';
import { systemCtx } from '../http/ctx';
import { createRateLimiter } from '../http/rate-limit';
import { createMailer } from '../mail/mailer';

export interface CommandContext {
  config: Config;
  handle: DatabaseHandle;
  out(line: string): void;
}

export interface Command {
  usage: string;
  summary: string;
  /** Checks the arguments before the database is opened; answers a problem to show, or null. */
  check(args: string[]): string | null;
  /** Answers the exit status. */
  run(ctx: CommandContext, args: string[]): Promise<number>;
}

/**
 * The context use cases run in from the command line: the system's, with no person and no request behind it.
 * No rate limits; mail, should a use case send any, goes through the outbox or SMTP_URL as the server's would.
 */
export function commandCtx({ config, handle }: Pick<CommandContext, 'config' | 'handle'>): Ctx {
  const db = handle.db;
  const deps = {
    config,
    clock: { now: () => new Date() },
    db,
    rateLimiter: createRateLimiter({ enabled: false, getDb: () => db }),
    mailer: createMailer({ config, getDb: () => db }),
  };
  return systemCtx(deps, db);
}

/** A failure to report in plain words, without a stack trace. */
export class CommandError extends Error {}

export async function withDatabase<T>(
  config: Config,
  commandName: string,
  fn: (handle: DatabaseHandle) => Promise<T>,
): Promise<T> {
  let lock: FolderLock | null = null;
  if (!config.databaseUrl) {
    try {
      lock = lockDataFolder(config.dataDir);
    } catch (err) {
      if (err instanceof DataFolderLockedError) {
        throw new CommandError(
          `Cannot run "${commandName}": the data folder ${err.dataDir} is in use by another process (pid ${err.pid}), ` +
            'most likely the running server. The embedded database allows one process at a time: stop the server, ' +
            'run the command, then start the server again. (With DATABASE_URL set, commands run beside the servers.)',
        );
      }
      throw err;
    }
    if (lock.tookOverFrom)
      console.warn(`Took over the lock of ${config.dataDir} left by process ${lock.tookOverFrom}, which has ended.`);
  }
  let handle: DatabaseHandle | null = null;
  try {
    handle = await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      schema: config.databaseSchema,
    });
    await migrate(handle);
    return await fn(handle);
  } finally {
    await handle?.close();
    lock?.release();
  }
}
