// The command line, run as people run it (tsx src/server/cli/main.ts) against temporary data folders.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verify } from '@node-rs/argon2';
import { testDbKind, unique } from '../testing/harness';

const root = path.resolve(import.meta.dirname, '../../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const dirs: string[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'ldn-cli-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command with no terminal and no input, as CI would. */
function ldn(args: string[], env: Record<string, string | undefined>): Promise<Run> {
  const base = { ...process.env, DATABASE_URL: '', LDN_DATABASE_SCHEMA: '', LDN_ADMIN_PASSWORD: '' };
  return new Promise((resolve) => {
    const child = execFile(
      tsx,
      ['src/server/cli/main.ts', ...args],
      { cwd: root, env: { ...base, ...env } as NodeJS.ProcessEnv, timeout: 60_000 },
      (err, stdout, stderr) =>
        resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end();
  });
}

type Rows = Record<string, unknown>[];
// Every backup holds every table, these two included.
const readBackup = (file: string) =>
  JSON.parse(fs.readFileSync(file, 'utf8')) as {
    migrations: string[];
    tables: Record<string, Rows> & { users: Rows; audit_log: Rows };
  };

describe.runIf(testDbKind() === 'pglite')('npm run ldn on the embedded database', () => {
  const dir = tempDir();
  const env = { LDN_DATA_DIR: dir };

  it('creates an admin with a generated password printed once, and grants and revokes roles', async () => {
    const created = await ldn(['create-admin', 'Cli Admin'], env);
    expect(created.code).toBe(0);
    const password = /Password[^:]*: (\S+)/.exec(created.stdout)?.[1];
    expect(password).toMatch(/^[\w-]{16,}$/);

    expect((await ldn(['grant', 'cli admin', 'moderator'], env)).stdout).toMatch(/Cli Admin is now moderator/);
    expect((await ldn(['revoke', 'Cli_Admin', 'moderator'], env)).stdout).toMatch(/no longer moderator/);
    const again = await ldn(['create-admin', 'CLI ADMIN'], { ...env, LDN_ADMIN_PASSWORD: 'another long password' });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/already is a network admin/);
    expect(again.stdout).not.toMatch(/Password/);

    const nobody = await ldn(['grant', 'Nobody Here', 'admin'], env);
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toMatch(/No one has the username "Nobody Here"/);
    const badRole = await ldn(['grant', 'Cli Admin', 'king'], env);
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toMatch(/Unknown role "king"/);
    expect((await ldn(['frobnicate'], env)).code).toBe(2);
    const weak = await ldn(['create-admin', 'Other Admin'], { ...env, LDN_ADMIN_PASSWORD: 'password' });
    expect(weak.code).toBe(2);
    expect(weak.stderr).toMatch(/LDN_ADMIN_PASSWORD/);
    const own = await ldn(['create-admin', 'Sp_Polx Admin'], { ...env, LDN_ADMIN_PASSWORD: 'sp polx_admin' });
    expect(own.code).toBe(2);
    expect(own.stderr).toMatch(/the username itself/);

    // The printed password is the one that works, and the person is an admin (and no longer a moderator).
    const file = path.join(tempDir(), 'check.json');
    expect((await ldn(['backup', file], env)).code).toBe(0);
    const users = readBackup(file).tables.users;
    expect(users).toHaveLength(1);
    const [admin] = users;
    expect(admin).toMatchObject({ username: 'Cli Admin', roles: ['admin'] });
    expect(await verify(String(admin?.password_hash), password!)).toBe(true);
    const actions = readBackup(file).tables.audit_log.map((r) => r.action);
    expect(actions).toEqual(['account.create', 'role.grant', 'role.grant', 'role.revoke']);
  }, 120_000);

  it('backs up every table and restores into an empty database only, giving the same rows and working id sequences', async () => {
    expect((await ldn(['demo'], env)).code).toBe(0);
    const first = path.join(tempDir(), 'backup.json');
    const made = await ldn(['backup', first], env);
    expect(made.code).toBe(0);
    expect(fs.readdirSync(path.dirname(first))).toEqual(['backup.json']); // no temporary file left behind
    expect(fs.statSync(first).mode & 0o077).toBe(0); // readable by its owner only

    const other = tempDir();
    const restored = await ldn(['restore', first], { LDN_DATA_DIR: other });
    expect(restored.code).toBe(0);
    const second = path.join(tempDir(), 'again.json');
    expect((await ldn(['backup', second], { LDN_DATA_DIR: other })).code).toBe(0);
    expect(readBackup(second).tables).toEqual(readBackup(first).tables);

    // New rows after a restore get fresh ids.
    expect(
      (
        await ldn(['create-admin', 'After Restore'], {
          LDN_DATA_DIR: other,
          LDN_ADMIN_PASSWORD: 'a long enough secret',
        })
      ).code,
    ).toBe(0);
    const third = path.join(tempDir(), 'third.json');
    await ldn(['backup', third], { LDN_DATA_DIR: other });
    const ids = readBackup(third).tables.users.map((u) => Number(u.id));
    expect(new Set(ids).size).toBe(ids.length);

    const refused = await ldn(['restore', first], { LDN_DATA_DIR: other });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/only goes into an empty database/);
    const missing = await ldn(['restore', path.join(other, 'nope.json')], { LDN_DATA_DIR: other });
    expect(missing.code).toBe(2);
  }, 180_000);

  it('refuses to run while the server holds the data folder, clearly, and changes nothing', async () => {
    // This test process plays the running server: the lock names a live process.
    fs.writeFileSync(path.join(dir, 'ldn.lock'), String(process.pid));
    try {
      const res = await ldn(['grant', 'Cli Admin', 'moderator'], env);
      expect(res.code).not.toBe(0);
      expect(res.stderr).toMatch(/in use by another process \(pid \d+\)/);
      expect(res.stderr).toMatch(/stop the server/);
    } finally {
      fs.rmSync(path.join(dir, 'ldn.lock'), { force: true });
    }
    const file = path.join(tempDir(), 'after.json');
    await ldn(['backup', file], env);
    expect(readBackup(file).tables.users.find((u) => u.username === 'Cli Admin')?.roles).toEqual(['admin']);
  }, 120_000);
});

describe.runIf(testDbKind() === 'postgres')('npm run ldn on PostgreSQL', () => {
  it('runs beside a server holding the embedded data folder, since DATABASE_URL is shared', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'ldn.lock'), String(process.pid));
    const env = {
      LDN_DATA_DIR: dir,
      DATABASE_URL: process.env.TEST_DATABASE_URL,
      // The test run's schemas are dropped at the end of the run.
      LDN_DATABASE_SCHEMA: `ldn_t_${process.env.LDN_TEST_RUN ?? 'x'}_cli_${process.pid}`,
      LDN_ADMIN_PASSWORD: 'a long enough secret',
    };
    const name = unique('Pg Admin ');
    const res = await ldn(['create-admin', name], env);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect((await ldn(['grant', name, 'moderator'], env)).code).toBe(0);
    const file = path.join(tempDir(), 'pg.json');
    expect((await ldn(['backup', file], env)).code).toBe(0);
    expect(readBackup(file).tables.users.find((u) => u.username === name)?.roles).toEqual(['admin', 'moderator']);
  }, 120_000);
});
