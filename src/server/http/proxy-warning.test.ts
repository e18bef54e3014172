// Behind a proxy without LDN_TRUST_PROXY every visitor shares the proxy's address and limits: the log says so once.
import { sql } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testApp, unique } from '../testing/harness';
import { TestClient } from '../testing/client';
import { PROXY_WARNING } from './proxy-warning';

/** An app of its own (the clock's label keeps it apart from other tests' apps), so the warning is its first. */
const appWith = (trustProxy: boolean) => {
  const clock = { label: unique('proxy'), now: () => new Date() };
  return testApp({ clock, configOverrides: { trustProxy } });
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the proxy warning', () => {
  it('is logged once, at the first request carrying X-Forwarded-For, when LDN_TRUST_PROXY is not set', async () => {
    const app = await appWith(false);
    const warn = vi.spyOn(app.log, 'warn');
    const warnings = () => warn.mock.calls.filter(([msg]) => msg === PROXY_WARNING).length;
    await app.inject('/api/v1/session');
    expect(warnings()).toBe(0);
    await app.inject({ url: '/api/v1/session', headers: { 'x-forwarded-for': '203.0.113.7' } });
    expect(warnings()).toBe(1);
    await app.inject({ url: '/api/v1/session', headers: { 'x-forwarded-for': '203.0.113.8' } });
    expect(warnings()).toBe(1);
  });

  it('is not logged when LDN_TRUST_PROXY=1, and the client address is then the forwarded one', async () => {
    const app = await appWith(true);
    const warn = vi.spyOn(app.log, 'warn');
    const c = await new TestClient(app).start();
    const name = unique('forwarded');
    const headers = { 'x-forwarded-for': '203.0.113.9' };
    expect((await c.post('/api/v1/session', { username: name, password: 'not a password' }, headers)).status).toBe(401);
    expect(warn.mock.calls.filter(([msg]) => msg === PROXY_WARNING)).toEqual([]);
    const row = await app.db
      .selectFrom('audit_log')
      .select('ip')
      .where('action', '=', 'account.login_failed')
      .where(sql<boolean>`details->>'username' = ${name}`)
      .executeTakeFirstOrThrow();
    expect(row.ip).toBe('203.0.113.9');
  });
});
