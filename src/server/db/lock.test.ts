import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testDbKind } from '../testing/harness';
import { DataFolderLockedError, lockDataFolder } from './lock';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'ldn-lock-'));

describe('data folder lock', () => {
  it('refuses a folder held by a live process, naming it', () => {
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
    fs.writeFileSync(path.join(dir, 'ldn.lock'), String(gone));
    const lock = lockDataFolder(dir);
    expect(lock.tookOverFrom).toBe(gone);
    expect(fs.readFileSync(path.join(dir, 'ldn.lock'), 'utf8')).toBe(String(process.pid));
    lock.release();
    expect(fs.existsSync(path.join(dir, 'ldn.lock'))).toBe(false);
  });
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
