import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { describe, expect, it } from 'vitest';
import { testDbKind } from '../testing/harness';
import { DataFolderLockedError, lockDataFolder, processStartTime } from './lock';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'ldn-lock-'));
const lockFile = (dir: string) => path.join(dir, 'ldn.lock');
const holderOf = (dir: string) => JSON.parse(fs.readFileSync(lockFile(dir), 'utf8')) as { pid: number };

describe('data folder lock', () => {
  it('refuses a folder held by a live process, naming it (a lock written without a start time)', () => {
    const dir = tmp();
    const sleeper = spawn('sleep', ['30']);
    fs.writeFileSync(path.join(dir, 'ldn.lock'), String(sleeper.pid));
    try {
      expect(() => lockDataFolder(dir)).toThrow(DataFolderLockedError);
      expect(() => lockDataFolder(dir)).toThrow(new RegExp(`pid ${sleeper.pid}`));
    } finally {
      sleeper.kill();
    }
  });

  it('takes over a lock whose process is gone, and says so', () => {
    const dir = tmp();
    const gone = spawnSync('true').pid; // exited and reaped
    fs.writeFileSync(lockFile(dir), String(gone));
    const lock = lockDataFolder(dir);
    expect(lock.tookOverFrom).toBe(gone);
    expect(holderOf(dir).pid).toBe(process.pid);
    lock.release();
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('refuses a folder held by a live process whose start time matches the lock', () => {
    const dir = tmp();
    const sleeper = spawn('sleep', ['30']);
    try {
      fs.writeFileSync(lockFile(dir), JSON.stringify({ pid: sleeper.pid, start: processStartTime(sleeper.pid!) }));
      expect(() => lockDataFolder(dir)).toThrow(new RegExp(`pid ${sleeper.pid}`));
    } finally {
      sleeper.kill();
    }
  });

  it('starts when the number in a lock now belongs to another live process (a crash, then the number reused)', () => {
    // The test runner's parent and pid 1 are alive, but neither started when these locks say their holder did.
    for (const pid of [process.ppid, 1]) {
      const dir = tmp();
      fs.writeFileSync(lockFile(dir), JSON.stringify({ pid, start: 'a-start-time-of-another-process' }));
      const lock = lockDataFolder(dir);
      expect(lock.tookOverFrom).toBe(pid);
      expect(holderOf(dir).pid).toBe(process.pid);
      lock.release();
    }
  });

  // Processes and files only, no database: one project's run is enough.
  it.runIf(testDbKind() === 'pglite')(
    'lets exactly one of several processes racing for one stale lock win, round after round',
    async () => {
      const racers = Array.from({ length: 4 }, () =>
        spawn('node_modules/.bin/tsx', ['src/server/testing/lock-racer.ts'], { stdio: ['pipe', 'pipe', 'inherit'] }),
      );
      const lines = racers.map((r) => readline.createInterface({ input: r.stdout })[Symbol.asyncIterator]());
      const next = async (i: number) => String((await lines[i]!.next()).value);
      try {
        for (let i = 0; i < racers.length; i++) expect(await next(i)).toBe('ready');
        for (let round = 0; round < 8; round++) {
          const dir = tmp();
          // Half the rounds a holder that is gone, half a live number that started at another time.
          const stale = round % 2 ? { pid: spawnSync('true').pid, start: null } : { pid: 1, start: 'not-pid-1s-start' };
          fs.writeFileSync(lockFile(dir), JSON.stringify(stale));
          for (const r of racers) r.stdin.write(`${dir}\n`);
          const answers = (await Promise.all(racers.map((_, i) => next(i)))).map((line) => line.split(' '));
          const winners = answers.filter(([a]) => a === 'won');
          expect(winners, `round ${round}: ${answers.join(', ')}`).toHaveLength(1);
          expect(answers.filter(([a]) => a === 'locked')).toHaveLength(racers.length - 1);
          expect(holderOf(dir).pid).toBe(Number(winners[0]![1]));
          // Nothing is left beside the lock: no claim, no half-made lock.
          expect(fs.readdirSync(dir)).toEqual(['ldn.lock']);
        }
      } finally {
        for (const r of racers) r.stdin.end();
        await Promise.all(
          racers.map((r) => new Promise((done) => (r.exitCode !== null ? done(null) : r.on('exit', done)))),
        );
      }
    },
    60_000,
  );
});

// The embedded database only: one run is enough (the PostgreSQL project skips it).
describe.runIf(testDbKind() === 'pglite')('two servers on one data folder', () => {
  it('the second refuses to start with a message, the first keeps serving', async () => {
    execFileSync('node', ['scripts/build-if-changed.mjs'], { stdio: 'ignore' });
    const dir = tmp();
    const port = 20000 + Math.floor(Math.random() * 10000);
    const env = { ...process.env, LDN_DATA_DIR: dir, LDN_DEMO: '0', LOG_LEVEL: 'warn' };
    const first = spawn('node_modules/.bin/tsx', ['src/server/main.ts'], {
      env: { ...env, PORT: String(port) },
      stdio: 'ignore',
    });
    try {
      let ready = false;
      for (let i = 0; i < 120 && !ready; i++) {
        await new Promise((r) => setTimeout(r, 250));
        ready = await fetch(`http://127.0.0.1:${port}/healthz`).then(
          (r) => r.ok,
          () => false,
        );
      }
      expect(ready).toBe(true);
      const second = spawn('node_modules/.bin/tsx', ['src/server/main.ts'], {
        env: { ...env, PORT: String(port + 1) },
      });
      let stderr = '';
      second.stderr.on('data', (d) => (stderr += d));
      const code = await new Promise<number | null>((resolve) => second.on('exit', resolve));
      expect(code).toBe(1);
      expect(stderr).toMatch(/in use by another process/);
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    } finally {
      first.kill('SIGTERM');
      await new Promise((r) => first.on('exit', r));
    }
    expect(fs.existsSync(path.join(dir, 'ldn.lock'))).toBe(false);
  }, 60_000);
});
