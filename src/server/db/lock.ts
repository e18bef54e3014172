// Only one process may open a PGlite data folder: two would silently lose writes. The lock is the file ldn.lock
// naming its holder by process number and start time: a number alone can belong to another process after a crash
// and a reboot or a busy day, and must not keep the server from starting. Node has no portable OS file lock, so:
// - the lock is created whole and exclusively (written to a file of our own, then hard-linked into place), so no
//   one ever reads a half-written lock;
// - a stale lock (its holder gone, or its number now another process's) is replaced only under a claim file named
//   after that stale content and created exclusively, so of two processes taking it over at once exactly one wins,
//   and the other then finds the winner alive.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export class DataFolderLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The data folder ${dataDir} is in use by another process (pid ${pid}). ` +
        'Only one process may open the embedded database at a time: stop that process first, ' +
        'or set DATABASE_URL to use a PostgreSQL server that several processes can share.',
    );
  }
}

/** Who holds a lock; `start` is null for a lock written without one (by an earlier version). */
interface Holder {
  pid: number;
  start: string | null;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const readOrNull = (file: string): string | null => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
};

let bootId: string | null | undefined;

/**
 * When a process started, as a string that differs for any other process that ever had its number: on Linux the
 * start time in clock ticks since boot (/proc/<pid>/stat, field 22) with the boot's id; elsewhere `ps`'s start
 * time. Null when it cannot be read (the process is gone, or neither source exists).
 */
export function processStartTime(pid: number): string | null {
  const stat = readOrNull(`/proc/${pid}/stat`);
  if (stat !== null) {
    // The command name (field 2) is in parentheses and may hold spaces and parentheses: count after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    bootId ??= readOrNull('/proc/sys/kernel/random/boot_id')?.trim() ?? '';
    const ticks = fields[19];
    return ticks ? `${bootId}:${ticks}` : null;
  }
  if (process.platform === 'win32') return null;
  try {
    const out = execFileSync('ps', ['-o', 'lstart=', '-p', String(pid)], { encoding: 'utf8', stdio: 'pipe' }).trim();
    return out || null;
  } catch {
    return null;
  }
}

function parseHolder(content: string): Holder | null {
  const text = content.trim();
  if (/^\d+$/.test(text)) return { pid: Number(text), start: null };
  try {
    const v = JSON.parse(text) as { pid?: unknown; start?: unknown };
    if (Number.isSafeInteger(v.pid) && (v.pid as number) > 0)
      return { pid: v.pid as number, start: typeof v.start === 'string' ? v.start : null };
  } catch {
    /* not a lock this code wrote */
  }
  return null;
}

/**
 * Whether the holder is another process still running. A lock naming this very process number is a leftover of an
 * earlier life of this number (a container's pid 1 after a restart). Without a start time to compare (a lock
 * written by an earlier version, or a system where it cannot be read) a live number counts as the holder: refusing
 * is safer than two processes on one folder.
 */
function heldByOther(holder: Holder): boolean {
  if (holder.pid === process.pid || !alive(holder.pid)) return false;
  if (holder.start === null) return true;
  const start = processStartTime(holder.pid);
  return start === null || start === holder.start;
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Puts `source` (a complete file) at `target` unless `target` exists: a hard link, so the target appears whole.
 * Answers false when `target` exists. Where hard links are not supported, an exclusive create and a write.
 */
function createWhole(source: string, target: string, content: string): boolean {
  try {
    fs.linkSync(source, target);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw err;
  }
  try {
    fs.writeFileSync(target, content, { flag: 'wx' });
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

/**
 * Runs `change` on `file` only if it still holds `expected`, under a claim that one process at a time can hold
 * for that content: `<file>.takeover-<digest of expected>`, created exclusively. Answers whether `change` ran. A
 * claim whose claimer died in the middle is itself stale, and is removed the same way (under a claim on it).
 */
function underClaim(file: string, expected: string, me: { content: string; file: string }, change: () => void) {
  const claim = `${file}.takeover-${createHash('sha256').update(expected).digest('hex').slice(0, 16)}`;
  if (!createWhole(me.file, claim, me.content)) {
    const current = readOrNull(claim);
    const claimer = current === null ? null : parseHolder(current);
    if (current !== null && (!claimer || !heldByOther(claimer)))
      underClaim(claim, current, me, () => fs.rmSync(claim, { force: true }));
    return false;
  }
  try {
    if (readOrNull(file) !== expected) return false;
    change();
    return true;
  } finally {
    fs.rmSync(claim, { force: true });
  }
}

export interface FolderLock {
  release(): void;
  /** Set when a stale lock was taken over: the process number it named. */
  tookOverFrom: number | null;
}

export function lockDataFolder(dataDir: string): FolderLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'ldn.lock');
  const content = JSON.stringify({ pid: process.pid, start: processStartTime(process.pid) });
  // Our lock, complete before it takes its place (see createWhole); removed once placed or refused.
  const mine = `${file}.${process.pid}.new`;
  fs.writeFileSync(mine, content);
  const me = { content, file: mine };
  const taken = (tookOverFrom: number | null): FolderLock => {
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      if (readOrNull(file) === content) fs.rmSync(file, { force: true });
    };
    process.once('exit', release);
    return { release, tookOverFrom };
  };
  try {
    for (let attempt = 0; attempt < 50; attempt++) {
      if (createWhole(mine, file, content)) return taken(null);
      const found = readOrNull(file);
      if (found === null) continue; // released meanwhile: try again
      const holder = parseHolder(found);
      // An empty lock is one being written where hard links are missing: give its writer a moment.
      if (found === '' && attempt < 10) {
        sleep(50);
        continue;
      }
      if (holder && heldByOther(holder)) throw new DataFolderLockedError(dataDir, holder.pid);
      if (underClaim(file, found, me, () => fs.renameSync(mine, file))) return taken(holder?.pid ?? null);
      // Another process is taking the stale lock over: look again once it has.
      sleep(10 + Math.floor(Math.random() * 20));
    }
  } finally {
    fs.rmSync(mine, { force: true });
  }
  throw new Error(`could not lock ${dataDir}`);
}
