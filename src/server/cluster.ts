// The cluster's primary: forks the serving workers, which share the port (node's cluster hands each new
// connection to one of them), restarts a worker that ended unasked, and on SIGTERM/SIGINT stops them all,
// each finishing the requests on its way. It imports nothing of the server itself, so it stays small.
//
// Worker 1 does the start-up work that must happen once (migrations, guides, names' keys) and runs the jobs; the
// others start when it is ready (with all of the machine for it meanwhile: the first answer comes sooner), and
// listen once their database is open, so a request never meets a process still starting.
import cluster, { type Worker } from 'node:cluster';

/** Messages between the primary and its workers. */
export type ClusterMessage = { ldn: 'ready' };

/** A worker that ends within this time of its start counts as failing to start: its restarts wait longer. */
const HEALTHY_AFTER_MS = 10_000;
const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 30_000;

interface Slot {
  number: number;
  worker: Worker | null;
  startedAt: number;
  /** Ends in a row soon after starting: each doubles the wait before the next restart. */
  quickEnds: number;
}

export function runPrimary(count: number): void {
  let databaseReady = false;
  let closing = false;
  const slots: Slot[] = Array.from({ length: count }, (_, i) => ({
    number: i + 1,
    worker: null,
    startedAt: 0,
    quickEnds: 0,
  }));
  const log = (msg: string) => console.log(JSON.stringify({ level: 30, time: Date.now(), pid: process.pid, msg }));

  const fork = (slot: Slot) => {
    const worker = cluster.fork({ LDN_CLUSTER_ROLE: slot.number === 1 ? 'primary' : 'serve' });
    slot.worker = worker;
    slot.startedAt = Date.now();
    worker.on('message', (message: ClusterMessage) => {
      if (message?.ldn !== 'ready' || slot.number !== 1 || databaseReady || closing) return;
      databaseReady = true;
      for (const s of slots) if (s.number > 1) fork(s);
    });
    worker.on('exit', (code, signal) => {
      slot.worker = null;
      if (closing) return;
      // Worker 1 failing its start-up work (a migration that fails) is not mended by trying again.
      if (slot.number === 1 && !databaseReady) {
        console.error(`The first worker ended before the database was ready (${signal ?? code}): stopping.`);
        void stopAll('start-up failure', 1);
        return;
      }
      const quick = Date.now() - slot.startedAt < HEALTHY_AFTER_MS;
      slot.quickEnds = quick ? slot.quickEnds + 1 : 0;
      const delay = quick ? Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (slot.quickEnds - 1)) : 0;
      console.error(
        `worker ${slot.number} (process ${worker.process.pid}) ended (${signal ?? code}); restarting it in ${delay} ms`,
      );
      setTimeout(() => {
        if (!closing) fork(slot);
      }, delay).unref();
    });
  };

  const stopAll = async (reason: string, exitCode = 0) => {
    if (closing) return;
    closing = true;
    log(`${reason}: stopping ${slots.filter((s) => s.worker).length} workers`);
    const running = slots.flatMap((s) => (s.worker ? [s.worker] : []));
    await Promise.all(
      running.map(
        (w) =>
          new Promise<void>((resolve) => {
            if (w.isDead()) return resolve();
            w.once('exit', () => resolve());
            // Each worker closes its server (requests on their way finish), its jobs and its database.
            w.process.kill('SIGTERM');
          }),
      ),
    );
    process.exit(exitCode);
  };
  process.on('SIGTERM', () => void stopAll('SIGTERM'));
  process.on('SIGINT', () => void stopAll('SIGINT'));

  log(`starting ${count} workers (LDN_WORKERS)`);
  fork(slots[0]!);
}
