// The admin page as the server renders it: posts with their status and errors and a retry button for failed
// ones, the token never in the page; anyone but an admin gets a refusal page that says why.
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testApp, unique } from '../../testing/harness';
import { TestClient, grantRole, signedUp } from '../../testing/client';
import { runDueJobs } from '../../jobs/worker';
import { MAX_ATTEMPTS, POST_JOB } from './posting';

const TOKEN = '424242424:AAEpageTestTokenSecretPart0987654321';

// A Bot API that accepts debates titled "Accepted …" and refuses every other post.
const standin = http.createServer((req, res) => {
  let raw = '';
  req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
  req.on('end', () => {
    const { text } = JSON.parse(raw) as { text: string };
    res.setHeader('content-type', 'application/json');
    if (text.includes('\nAccepted ')) return res.end(JSON.stringify({ ok: true, result: { message_id: 31337 } }));
    res.statusCode = 400;
    res.end(JSON.stringify({ ok: false, error_code: 400, description: 'Bad Request: chat not found' }));
  });
});
let apiBase = '';

beforeAll(async () => {
  execFileSync('node', ['scripts/build-if-changed.mjs'], { stdio: 'ignore' });
  await new Promise<void>((resolve) => standin.listen(0, '127.0.0.1', resolve));
  apiBase = `http://127.0.0.1:${(standin.address() as AddressInfo).port}`;
}, 180_000);
afterAll(() => new Promise<void>((resolve) => standin.close(() => resolve())));
afterEach(async () => {
  const app = await testApp();
  await app.db
    .updateTable('jobs')
    .set({ status: 'done' })
    .where('kind', '=', POST_JOB)
    .where('status', 'in', ['queued', 'running'])
    .execute();
});

const pageApp = () =>
  testApp({ pages: true, configOverrides: { telegram: { apiBase, botToken: TOKEN, chatId: '-100999' } } });

describe('the admin page', () => {
  it('shows sent and failed posts with their errors, a retry button for the failed, and never the token', async () => {
    const app = await pageApp();
    const admin = await signedUp(app, unique('admin'));
    await grantRole(app, admin.username, 'admin');
    const accepted = unique('Accepted ');
    const refused = unique('Refused ');
    for (const title of [accepted, refused])
      expect((await admin.post('/api/v1/debates', { title, framing: 'x', language: 'en' })).status).toBe(201);
    for (let i = 0; i <= MAX_ATTEMPTS; i++)
      await runDueJobs(app, { kinds: [POST_JOB], now: new Date(Date.now() + i * 1000_000) });

    const page = await admin.get('/admin');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Connected: posts go to -100999.');
    expect(page.text).toContain('The server&#39;s environment sets a token ending in 4321.');
    expect(page.text).not.toContain((TOKEN.split(':')[1] ?? TOKEN).slice(0, 10));
    const cardOf = (title: string) =>
      page.text
        .split('data-testid="telegram-post"')
        .find((c) => c.includes(title))!
        .split('</li>')[0];
    expect(cardOf(accepted)).toContain('>Sent<');
    expect(cardOf(accepted)).toContain('Telegram message 31337');
    expect(cardOf(accepted)).not.toContain('Try again');
    expect(cardOf(refused)).toContain('>Failed<');
    expect(cardOf(refused)).toContain(`Last error: the Bot API answered 400: Bad Request: chat not found`);
    expect(cardOf(refused)).toContain(`${MAX_ATTEMPTS} attempts`);
    expect(cardOf(refused)).toContain('Try again');

    const failedOnly = await admin.get('/admin?posts=failed');
    expect(failedOnly.text).toContain(refused);
    expect(failedOnly.text).not.toContain(accepted);
    expect(failedOnly.text).toContain('aria-current="page"');
  });

  it('refuses members with a page that says why, and asks anonymous visitors to log in', async () => {
    const app = await pageApp();
    const member = await signedUp(app);
    const refused = await member.get('/admin');
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('Only the network&#39;s admins may use the admin pages.');
    expect(refused.text).not.toContain('href="/admin"');
    const anonymous = await new TestClient(app).get('/admin?uselang=fr');
    expect(anonymous.status).toBe(401);
    expect(anonymous.text).toContain('Cette page est réservée aux administrateurs du réseau.');
  });
});
