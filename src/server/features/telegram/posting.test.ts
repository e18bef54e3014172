// Posting on Telegram against a local stand-in for the Bot API: one post per event, in the item's language
// with its link, marked sent only when the Bot API confirms; retried with backoff after an error answer or
// no connection, then failed and shown to admins, who can retry it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { testApp, unique } from '../../testing/harness';
import { grantRole, signedUp } from '../../testing/client';
import { runDueJobs } from '../../jobs/worker';
import { translator } from '../../http/i18n';
import { announce } from './posting';
import { MAX_ATTEMPTS, POST_JOB, postLanguage } from './posting';

const TOKEN = '555000111:AAFstandinTokenSecretPart1234567890';
const CHAT = '-1002003004005';
const BASE = 'https://ldn.example.org';
const kinds = [POST_JOB];

interface Received {
  chatId: string;
  text: string;
  messageId: number;
}

/** A stand-in for the Bot API: answers each text's first attempt with a 500 (when asked), then accepts it. */
function botApiStandin() {
  const received: Received[] = [];
  const requests: { path: string; text: string }[] = [];
  const seen = new Map<string, number>();
  let failFirst = true;
  let nextId = 7001;
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    req.on('end', () => {
      const body = JSON.parse(raw) as { chat_id: string; text: string };
      requests.push({ path: req.url ?? '', text: body.text });
      const n = (seen.get(body.text) ?? 0) + 1;
      seen.set(body.text, n);
      res.setHeader('content-type', 'application/json');
      if (req.method !== 'POST' || req.url !== `/bot${TOKEN}/sendMessage`) {
        res.statusCode = 404;
        return res.end(JSON.stringify({ ok: false, error_code: 404, description: 'Not Found' }));
      }
      if (failFirst && n === 1) {
        res.statusCode = 500;
        return res.end(JSON.stringify({ ok: false, error_code: 500, description: 'Internal Server Error' }));
      }
      const messageId = nextId++;
      received.push({ chatId: String(body.chat_id), text: body.text, messageId });
      res.end(
        JSON.stringify({
          ok: true,
          result: { message_id: messageId, chat: { id: Number(body.chat_id) }, text: body.text },
        }),
      );
    });
  });
  return {
    server,
    received,
    requests,
    set failFirst(v: boolean) {
      failFirst = v;
    },
    reset() {
      received.length = 0;
      requests.length = 0;
    },
  };
}

const standin = botApiStandin();
let apiBase = '';
let closedBase = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => standin.server.listen(0, '127.0.0.1', resolve));
  apiBase = `http://127.0.0.1:${(standin.server.address() as AddressInfo).port}`;
  // A port nothing listens on: open one, note it, close it.
  const closed = http.createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  closedBase = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
});
afterAll(() => new Promise<void>((resolve) => standin.server.close(() => resolve())));

const appWith = (base: string) =>
  testApp({ configOverrides: { baseUrl: BASE, telegram: { apiBase: base, botToken: TOKEN, chatId: CHAT } } });

afterEach(async () => {
  const app = await testApp();
  await app.db.deleteFrom('telegram_settings').execute();
  // Leave no Telegram job for other test files' workers.
  await app.db
    .updateTable('jobs')
    .set({ status: 'done' })
    .where('kind', '=', POST_JOB)
    .where('status', 'in', ['queued', 'running'])
    .execute();
  standin.reset();
  standin.failFirst = true;
});

async function setting(app: FastifyInstance) {
  const admin = await signedUp(app, unique('admin'));
  await grantRole(app, admin.username, 'admin');
  const member = await signedUp(app, unique('member'));
  const name = unique('Wikimedistas de Uruguay ');
  const group = await app.db
    .insertInto('communities')
    .values({
      slug: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
      name,
      name_key: name.toLowerCase(),
      kind: 'user_group',
      region: 'LAC',
    })
    .returning(['id', 'slug'])
    .executeTakeFirstOrThrow();
  const postUpdate = async (language: string) => {
    const title = unique('Taller de edición <b>&</b> ');
    const res = await admin.post('/api/v1/updates', {
      title,
      body: 'Nos vemos el sábado.',
      community: group.slug,
      language,
    });
    expect(res.status).toBe(201);
    return { id: res.body.id as string, title };
  };
  const openDebate = async (language: string) => {
    const title = unique('Should groups elect coordinators? ');
    const res = await member.post('/api/v1/debates', { title, framing: 'Some vote; others agree.', language });
    expect(res.status).toBe(201);
    return { id: res.body.id as string, title };
  };
  return { admin, member, groupName: name, postUpdate, openDebate };
}

const postOf = (app: FastifyInstance, event: string, id: string) =>
  app.db
    .selectFrom('telegram_posts')
    .selectAll()
    .where('event', '=', event)
    .where('subject_id', '=', Number(id))
    .executeTakeFirst();

const later = (seconds: number) => new Date(Date.now() + seconds * 1000);

describe('posting on Telegram', () => {
  it('sends each new update and debate once, in its language with its link, after the Bot API first fails', async () => {
    const app = await appWith(apiBase);
    const { admin, groupName, postUpdate, openDebate } = await setting(app);
    const update = await postUpdate('es');
    const debate = await openDebate('pt-br');

    // The first attempt of each is answered with a 500: nothing is sent, both wait for their retry.
    await runDueJobs(app, { kinds });
    expect(standin.requests.length).toBe(2);
    expect(standin.received).toEqual([]);
    const waiting = await admin.get('/api/v1/admin/telegram/posts?status=queued&limit=100');
    type Item = { subject: { type: string; id: string } };
    const mine = waiting.body.items.filter(
      (p: Item) =>
        `${p.subject.type}:${p.subject.id}` === `update:${update.id}` ||
        `${p.subject.type}:${p.subject.id}` === `debate:${debate.id}`,
    );
    expect(mine).toHaveLength(2);
    for (const p of mine)
      expect(p).toMatchObject({
        status: 'queued',
        attempts: 1,
        lastError: 'the Bot API answered 500: Internal Server Error',
        telegramMessageId: null,
      });

    // Past the backoff, each is sent, exactly once.
    await runDueJobs(app, { kinds, now: later(60) });
    await runDueJobs(app, { kinds, now: later(3600) });
    expect(standin.received).toHaveLength(2);
    const es = translator('es');
    expect(standin.received).toContainEqual({
      chatId: CHAT,
      text: `${es('telegram-post-update', groupName)}\n${update.title}\n${BASE}/updates/${update.id}`,
      messageId: expect.any(Number),
    });
    // Portuguese is no interface language: the post is in English.
    expect(standin.received).toContainEqual({
      chatId: CHAT,
      text: `A new debate has opened:\n${debate.title}\n${BASE}/debates/${debate.id}`,
      messageId: expect.any(Number),
    });
    expect(standin.received.find((r) => r.text.includes(update.title))!.text).toMatch(
      /^Nueva novedad de comunidad de /,
    );

    for (const [event, item] of [
      ['update', update],
      ['debate', debate],
    ] as const) {
      const post = await postOf(app, event, item.id);
      const delivered = standin.received.find((r) => r.text === post!.text)!;
      expect(post).toMatchObject({
        status: 'sent',
        attempts: 2,
        telegram_message_id: delivered.messageId,
        language: event === 'update' ? 'es' : 'en',
      });
      expect(post!.sent_at).toBeInstanceOf(Date);
    }
    const sent = await admin.get('/api/v1/admin/telegram/posts?status=sent&limit=100');
    expect(sent.body.items.find((p: Item) => p.subject.type === 'update' && p.subject.id === update.id)).toMatchObject({
      event: 'update',
      subject: { type: 'update', id: update.id },
      link: `${BASE}/updates/${update.id}`,
      language: 'es',
      status: 'sent',
    });
  });

  it('posts one post per event and item, however often it is announced', async () => {
    const app = await appWith(apiBase);
    const { openDebate } = await setting(app);
    const debate = await openDebate('fr');
    for (let i = 0; i < 2; i++) {
      await announce(app.db, app.deps, {
        event: 'debate',
        subject: { type: 'debate', id: Number(debate.id) },
        language: 'fr',
        title: debate.title,
        path: `/debates/${debate.id}`,
      });
    }
    const rows = await app.db
      .selectFrom('telegram_posts')
      .select('text')
      .where('subject_type', '=', 'debate')
      .where('subject_id', '=', Number(debate.id))
      .execute();
    expect(rows).toEqual([{ text: `Un nouveau débat est ouvert :\n${debate.title}\n${BASE}/debates/${debate.id}` }]);
    standin.failFirst = false;
    await runDueJobs(app, { kinds });
    expect(standin.received.map((r) => r.text)).toEqual([rows[0]?.text]);
  });

  it('posts nothing for an event the admin turned off, nor when no channel is connected', async () => {
    const app = await appWith(apiBase);
    const { admin, postUpdate, openDebate } = await setting(app);
    expect((await admin.put('/api/v1/admin/telegram', { events: ['debate'] })).status).toBe(200);
    const update = await postUpdate('en');
    const debate = await openDebate('en');
    standin.failFirst = false;
    await runDueJobs(app, { kinds });
    expect(await postOf(app, 'update', update.id)).toBeUndefined();
    expect(standin.received.map((r) => r.text)).toEqual([expect.stringContaining(debate.title)]);

    // An app without a token or chat posts nothing at all.
    const unconnected = await testApp();
    const other = await signedUp(unconnected);
    const d = await other.post('/api/v1/debates', { title: unique('Unannounced '), framing: 'x' });
    expect(await postOf(unconnected, 'debate', d.body.id)).toBeUndefined();
  });

  it('retries without a connection, then keeps the post failed for admins, who can send it again', async () => {
    const offline = await appWith(closedBase);
    const { admin, openDebate } = await setting(offline);
    const debate = await openDebate('ru');
    for (let attempt = 1; attempt <= MAX_ATTEMPTS + 1; attempt++)
      await runDueJobs(offline, { kinds, now: later(attempt * 1000) });

    const post = await postOf(offline, 'debate', debate.id);
    expect(post).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, telegram_message_id: null, sent_at: null });
    expect(post!.last_error).toMatch(/^no connection to the Bot API/);
    expect(post!.last_error).not.toContain(TOKEN.split(':')[1]);
    const jobs = await offline.db
      .selectFrom('jobs')
      .select(['status', 'last_error'])
      .where('kind', '=', POST_JOB)
      .where(sql<boolean>`payload @> ${JSON.stringify({ postId: post!.id })}::jsonb`)
      .execute();
    expect(jobs).toEqual([{ status: 'failed', last_error: post!.last_error }]);

    // Admins see it among the failed posts, with the error, and no token anywhere.
    const failed = await admin.get('/api/v1/admin/telegram/posts?status=failed&limit=100');
    expect(failed.body.items.find((p: { id: string }) => p.id === String(post!.id))).toMatchObject({
      status: 'failed',
      lastError: post!.last_error,
      attempts: MAX_ATTEMPTS,
    });
    expect(failed.text).not.toContain(TOKEN.split(':')[1]);

    // Retrying puts it back in the queue once; with the Bot API reachable again it is sent.
    const retried = await admin.post(`/api/v1/admin/telegram/posts/${post!.id}/retry`);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ status: 'queued', attempts: 0 });
    expect((await admin.post(`/api/v1/admin/telegram/posts/${post!.id}/retry`)).status).toBe(409);
    expect((await admin.post('/api/v1/admin/telegram/posts/999999999/retry')).status).toBe(404);
    expect((await admin.post('/api/v1/admin/telegram/posts/abc/retry')).status).toBe(404);
    const online = await appWith(apiBase);
    standin.failFirst = false;
    await runDueJobs(online, { kinds });
    expect(standin.received.map((r) => r.text)).toEqual([
      `Открыта новая дискуссия:\n${debate.title}\n${BASE}/debates/${debate.id}`,
    ]);
    expect(await postOf(online, 'debate', debate.id)).toMatchObject({
      status: 'sent',
      attempts: 1,
      telegram_message_id: standin.received[0]?.messageId,
    });
    const audits = await online.db
      .selectFrom('audit_log')
      .select('object_id')
      .where('action', '=', 'telegram.post.retry')
      .where('actor_id', '=', admin.userId)
      .execute();
    expect(audits).toEqual([{ object_id: String(post!.id) }]);
  });
});

describe('the language of a post', () => {
  it('is the item’s, its base language, or English', () => {
    expect(['es', 'ar', 'es-419', 'FR', 'pt-br', 'zh-hans', 'skr-arab'].map(postLanguage)).toEqual([
      'es',
      'ar',
      'es',
      'fr',
      'en',
      'en',
      'en',
    ]);
  });
});
