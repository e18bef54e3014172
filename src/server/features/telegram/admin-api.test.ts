// The admin API for Telegram and the mail outbox: admins only (members, moderators and anonymous people are
// refused on every route), clear errors for bad settings with nothing written, and the token never shown.
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testApp, unique } from '../../testing/harness';
import { TestClient, grantRole, signedUp, type Answer } from '../../testing/client';
import { registerTelegramEvent } from './events';
import { telegramEvents } from './events';

const TOKEN = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
const ENV_TOKEN = '987654321:ZZZenvironmentTokenSecretValue00';

async function people(app: FastifyInstance) {
  const admin = await signedUp(app, unique('admin'));
  await grantRole(app, admin.username, 'admin');
  const moderator = await signedUp(app, unique('mod'));
  await grantRole(app, moderator.username, 'moderator');
  const member = await signedUp(app, unique('member'));
  const anonymous = await new TestClient(app).start();
  return { admin, moderator, member, anonymous };
}

const forgetSettings = async () => (await testApp()).db.deleteFrom('telegram_settings').execute();

describe('who may use the admin API', () => {
  afterEach(forgetSettings);

  const routes: [string, string, unknown?][] = [
    ['GET', '/api/v1/admin/telegram'],
    ['PUT', '/api/v1/admin/telegram', { botToken: TOKEN, chatId: '-1001234567890', events: [] }],
    ['GET', '/api/v1/admin/telegram/posts'],
    ['POST', '/api/v1/admin/telegram/posts/1/retry'],
    ['GET', '/api/v1/admin/outbox'],
  ];

  for (const [method, url, body] of routes) {
    it(`${method} ${url}: anonymous people must log in, members and moderators are refused`, async () => {
      const app = await testApp();
      const { member, moderator, anonymous } = await people(app);
      const anon = await anonymous.request(method, url, body);
      expect(anon.status).toBe(401);
      expect(anon.body.detail).toMatch(/admin/);
      for (const who of [member, moderator]) {
        const res = await who.request(method, url, body);
        expect(res.status).toBe(403);
        expect(res.body.detail).toBe(
          "Only the network's admins may use the admin pages. Your account is not an admin account.",
        );
      }
      // The refused change wrote nothing.
      expect(await app.db.selectFrom('telegram_settings').selectAll().execute()).toEqual([]);
      const refusals = await app.db
        .selectFrom('audit_log')
        .select('details')
        .where('action', '=', 'permission.refused')
        .where('actor_id', '=', member.userId)
        .execute();
      expect(refusals.length).toBe(1);
    });
  }
});

describe('Telegram settings', () => {
  afterEach(forgetSettings);

  it('start from the environment, with every event on and the token never shown', async () => {
    const app = await testApp({
      configOverrides: { telegram: { apiBase: 'http://127.0.0.1:9', botToken: ENV_TOKEN, chatId: '@ldn_network' } },
    });
    const { admin } = await people(app);
    const res = await admin.get('/api/v1/admin/telegram');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      connected: true,
      botToken: { set: true, source: 'environment', last4: 'ue00' },
      chatId: { value: '@ldn_network', source: 'environment' },
      // Every registered event (other features add theirs), all on until an admin chooses.
      events: telegramEvents().map((event) => ({ event, label: expect.any(String), enabled: true })),
      updatedAt: null,
    });
    expect(res.body.events).toEqual(
      expect.arrayContaining([
        { event: 'update', label: 'A new community update', enabled: true },
        { event: 'debate', label: 'A new debate', enabled: true },
      ]),
    );
    expect(res.text).not.toContain(ENV_TOKEN.slice(0, 20));
  });

  it('are not connected without a token and a chat', async () => {
    const app = await testApp();
    const { admin } = await people(app);
    const res = await admin.get('/api/v1/admin/telegram');
    expect(res.body).toMatchObject({
      connected: false,
      botToken: { set: false, source: null, last4: null },
      chatId: { value: null, source: null },
    });
  });

  it('refuse bad input with an error beside each field, writing nothing', async () => {
    const app = await testApp();
    const { admin } = await people(app);
    const bad = await admin.put('/api/v1/admin/telegram', {
      botToken: 'not a token',
      chatId: 'my channel',
      events: ['update', 'picnic'],
    });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    const byField = Object.fromEntries(
      (bad.body.errors as { field: string; message: string }[]).map((e) => [e.field, e.message]),
    );
    expect(byField).toEqual({
      botToken: expect.stringMatching(/not a bot token/),
      chatId: expect.stringMatching(/@username/),
      'events.1': 'There is no such event to post.',
    });
    expect((await admin.put('/api/v1/admin/telegram', { botToken: TOKEN, secret: 'x' })).status).toBe(400);
    expect((await admin.put('/api/v1/admin/telegram', { events: 'update' })).status).toBe(400);
    expect(await app.db.selectFrom('telegram_settings').selectAll().execute()).toEqual([]);
    // Errors come in the interface language.
    const es = await admin.request('PUT', '/api/v1/admin/telegram?uselang=es', { chatId: 'x' });
    expect(es.body.errors[0].message).toMatch(/número del chat/);
  });

  it('save a token, a chat and the events; override the environment; forget back to it', async () => {
    const app = await testApp({
      configOverrides: { telegram: { apiBase: 'http://127.0.0.1:9', botToken: ENV_TOKEN, chatId: '-100111' } },
    });
    const { admin } = await people(app);
    const saved = await admin.put('/api/v1/admin/telegram', {
      botToken: ` ${TOKEN} `,
      chatId: '-1001234567890',
      events: ['debate', 'debate'],
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      connected: true,
      botToken: { set: true, source: 'page', last4: 'Dsaw' },
      chatId: { value: '-1001234567890', source: 'page' },
    });
    const enabled = (body: { events: { event: string; enabled: boolean }[] }) =>
      body.events.filter((e) => e.enabled).map((e) => e.event);
    expect(enabled(saved.body)).toEqual(['debate']);
    expect(saved.body.events.map((e: { event: string }) => e.event)).toEqual(telegramEvents());
    expect(saved.text).not.toContain(TOKEN);
    expect(saved.text).not.toContain((TOKEN.split(':')[1] ?? TOKEN).slice(0, 8));

    // A field left out is kept; the token is never in the audit log.
    const events = await admin.put('/api/v1/admin/telegram', { events: ['update', 'debate'] });
    expect(events.body).toMatchObject({ botToken: { source: 'page' }, chatId: { value: '-1001234567890' } });
    const audits = await app.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'telegram.settings')
      .where('actor_id', '=', admin.userId)
      .orderBy('id')
      .execute();
    expect(audits.map((a) => a.details)).toEqual([
      { botToken: 'replaced', chatId: '-1001234567890', events: ['debate'] },
      { events: ['update', 'debate'] },
    ]);
    expect(JSON.stringify(audits)).not.toContain((TOKEN.split(':')[1] ?? TOKEN).slice(0, 8));

    // Forgetting the saved values falls back to the environment's.
    const forgotten = await admin.put('/api/v1/admin/telegram', { botToken: null, chatId: null });
    expect(forgotten.body).toMatchObject({
      connected: true,
      botToken: { source: 'environment', last4: 'ue00' },
      chatId: { value: '-100111', source: 'environment' },
    });
    expect((await admin.get('/api/v1/admin/telegram')).body).toEqual(forgotten.body);
  });
});

describe('the events an admin can choose', () => {
  afterEach(forgetSettings);

  it('are those registered: a feature that registers one adds it to the page', async () => {
    const app = await testApp();
    const { admin } = await people(app);
    const names = async () =>
      ((await admin.get('/api/v1/admin/telegram')).body.events as { event: string }[]).map((e) => e.event);
    const before = await names();
    expect(before).toEqual(expect.arrayContaining(['update', 'debate']));
    expect((await admin.put('/api/v1/admin/telegram', { events: ['zz_sample'] })).status).toBe(400);
    const unregister = registerTelegramEvent('zz_sample', {
      labelKey: 'telegram-event-debate',
      headingKey: 'telegram-post-debate',
    });
    try {
      expect(await names()).toEqual([...before, 'zz_sample']);
      const saved = await admin.put('/api/v1/admin/telegram', { events: ['zz_sample'] });
      expect(saved.status).toBe(200);
      expect(
        saved.body.events.filter((e: { enabled: boolean }) => e.enabled).map((e: { event: string }) => e.event),
      ).toEqual(['zz_sample']);
    } finally {
      unregister();
    }
    expect(await names()).toEqual(before);
  });
});

describe('the mail outbox', () => {
  it('lists the mail kept without SMTP, newest first, page by page', async () => {
    const app = await testApp();
    const { admin } = await people(app);
    const tag = unique('outbox');
    for (let i = 0; i < 5; i++)
      await app.deps.mailer.send({ to: `p${i}@example.org`, subject: `${tag} #${i}`, text: `Body ${i}` });
    const seen: { subject: string; to: string; text: string }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: Answer = await admin.get(`/api/v1/admin/outbox?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.body.smtpConfigured).toBe(false);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items);
      cursor = res.body.next;
      pages++;
    } while (cursor && pages < 1000);
    const mine = seen.filter((m) => m.subject.startsWith(tag));
    expect(mine.map((m) => m.subject)).toEqual([4, 3, 2, 1, 0].map((i) => `${tag} #${i}`));
    expect(mine[0]).toMatchObject({ to: 'p4@example.org', text: 'Body 4' });
    expect((await admin.get('/api/v1/admin/outbox?cursor=nonsense')).status).toBe(400);
  });
});

describe('the API reference', () => {
  it('describes the admin endpoints', async () => {
    const doc = (await new TestClient(await testApp()).get('/api/openapi.json')).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    expect(Object.keys(doc.paths['/api/v1/admin/telegram'] ?? {}).sort()).toEqual(['get', 'put']);
    expect(doc.paths['/api/v1/admin/telegram/posts']).toHaveProperty('get');
    expect(doc.paths['/api/v1/admin/telegram/posts/{id}/retry']).toHaveProperty('post');
    expect(doc.paths['/api/v1/admin/outbox']).toHaveProperty('get');
  });
});
