// Notification e-mail end to end: events queue immediate mails, the daily digest groups what waits by item,
// and a local SMTP server (SMTP_URL pointed at it) receives exactly what a person would read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { SMTPServer } from 'smtp-server';
import { testApp, unique } from '../../testing/harness';
import { enqueue } from '../../jobs/queue';
import { translator } from '../../http/i18n';
import { runDueJobs } from '../../jobs/worker';
import { DAILY_DIGEST, EMAIL_JOB, WEEKLY_DIGEST } from './kinds';
import { nextDaily, nextWeekly } from './jobs';
import { comment, followOf, giveEmail, groupLedBy, openDebate, person, postUpdate } from './testing';

interface Received {
  to: string[];
  subject: string;
  text: string;
}

/** Reads a message as a mail program would: the Subject header and the quoted-printable text body, decoded. */
function parse(raw: string): { subject: string; text: string } {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = (head ?? '').replace(/\r?\n[ \t]+/g, ' ');
  const encodedSubject = /^Subject: (.*)$/im.exec(headers)?.[1] ?? '';
  const subject = encodedSubject.replace(/=\?utf-8\?([QB])\?(.*?)\?=\s*/gi, (_m, enc: string, data: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : qp(data.replace(/_/g, ' ')),
  );
  const body = rest.join('\n\n');
  const text = /Content-Transfer-Encoding: quoted-printable/i.test(headers) ? qp(body) : body;
  return { subject, text: text.replace(/\r\n/g, '\n') };
}

function qp(s: string): string {
  const bytes: number[] = [];
  const flat = s.replace(/=\r?\n/g, '');
  for (let i = 0; i < flat.length; i++) {
    if (flat[i] === '=' && /^[0-9A-F]{2}$/i.test(flat.slice(i + 1, i + 3))) {
      bytes.push(parseInt(flat.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(flat[i] ?? '', 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

const received: Received[] = [];
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    let raw = '';
    stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    stream.on('end', () => {
      received.push({ to: session.envelope.rcptTo.map((r) => r.address), ...parse(raw) });
      callback();
    });
  },
});
let app: FastifyInstance;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  app = await testApp({
    configOverrides: {
      smtpUrl: `smtp://127.0.0.1:${port}`,
      mailFrom: 'LDN <ldn@example.org>',
      baseUrl: 'https://ldn.example.org',
    },
  });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const mailTo = (address: string) => received.filter((m) => m.to.includes(address));

/** Runs one occurrence of a digest now, as its schedule would. */
async function runDigest(kind: string) {
  const now = app.deps.clock.now();
  await enqueue(app.db, { kind, runAt: now, key: unique(`test:${kind}:`) }, now);
  await runDueJobs(app, { kinds: [kind], now });
}

async function reader(prefix: string, lang: string | null = 'en') {
  const p = await person(app, prefix);
  const email = `${p.username.toLowerCase()}@example.org`;
  await giveEmail(app, p, email, lang, 'UTC');
  return Object.assign(p, { email });
}

describe('the daily digest', () => {
  it('reaches a local SMTP server grouped by item, newest first, with absolute links, and is never sent twice', async () => {
    const actor = await person(app, 'actor');
    const r = await reader('digest');
    const noMail = await person(app, 'nomail');
    const update = await postUpdate(actor, await groupLedBy(app, actor));
    const debate = await openDebate(actor);
    for (const p of [r, noMail]) {
      await followOf(p, { type: 'update', id: update.id });
      await followOf(p, { type: 'debate', id: debate.id });
    }
    const first = await comment(actor, { type: 'update', id: update.id }, 'First news.');
    const arg = (await actor.post(`/api/v1/debates/${debate.id}/arguments`, { stance: 'for', body: 'An argument.' }))
      .body.id;
    const third = await comment(actor, { type: 'update', id: update.id }, 'More news.');

    await runDigest(DAILY_DIGEST);
    const mails = mailTo(r.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe('Your daily digest from Leadership Development Network: 3 notifications');
    const lines = mails[0]?.text
      .split('\n')
      .filter((l) => l.startsWith('==') || l.startsWith('*') || l.trim().startsWith('https://'));
    expect(lines).toEqual([
      `== ${update.title} ==`,
      `https://ldn.example.org/updates/${update.id}`,
      expect.stringMatching(new RegExp(`^\\* ${actor.username} commented on “${update.title}” \\(.+ UTC\\)$`)),
      `  https://ldn.example.org/updates/${update.id}#comment-${third}`,
      expect.stringMatching(new RegExp(`^\\* ${actor.username} commented on “${update.title}”`)),
      `  https://ldn.example.org/updates/${update.id}#comment-${first}`,
      `== ${debate.title} ==`,
      `https://ldn.example.org/debates/${debate.id}`,
      expect.stringMatching(new RegExp(`^\\* ${actor.username} posted an argument in “${debate.title}”`)),
      `  https://ldn.example.org/debates/${debate.id}#argument-${arg}`,
      'https://ldn.example.org/settings#notification-settings',
    ]);
    expect(mails[0]?.text).toContain(`Hello ${r.username},`);

    // Mailed once: the next digest has nothing for this person.
    await runDigest(DAILY_DIGEST);
    expect(mailTo(r.email)).toHaveLength(1);
    // Someone without an address got the same notifications in the app, and no mail.
    expect(received.filter((m) => m.text.includes(`Hello ${noMail.username},`))).toEqual([]);
  });

  it('speaks the person’s interface language and leaves out what they read already or chose weekly', async () => {
    const actor = await person(app, 'actor');
    const fr = await reader('fr', 'fr');
    const update = await postUpdate(actor, await groupLedBy(app, actor));
    await followOf(fr, { type: 'update', id: update.id });
    await fr.put('/api/v1/me/notification-settings', { email: { argument: 'weekly' } });
    const debate = await openDebate(actor);
    await followOf(fr, { type: 'debate', id: debate.id });
    await comment(actor, { type: 'update', id: update.id }, 'Lu déjà.');
    await fr.post('/api/v1/notifications/read', { all: true });
    await comment(actor, { type: 'update', id: update.id }, 'Nouvelles.');
    await actor.post(`/api/v1/debates/${debate.id}/arguments`, { stance: 'against', body: 'Non.' });

    await runDigest(DAILY_DIGEST);
    const [daily] = mailTo(fr.email);
    expect(daily?.subject).toBe(`Votre résumé quotidien de ${translator('fr')('site-name')} : une notification`);
    expect(daily?.text).toContain(`${actor.username} a commenté « ${update.title} »`);
    expect(daily?.text).not.toContain(debate.title);

    await runDigest(WEEKLY_DIGEST);
    const weekly = mailTo(fr.email)[1];
    expect(weekly?.subject).toBe(`Votre résumé hebdomadaire de ${translator('fr')('site-name')} : une notification`);
    expect(weekly?.text).toContain(`${actor.username} a publié un argument dans « ${debate.title} »`);
    expect(mailTo(fr.email)).toHaveLength(2);
  });
});

describe('immediate mail', () => {
  it('goes out from a queued job for a mention, to people with an address only', async () => {
    const actor = await person(app, 'actor');
    const r = await reader('mention');
    const noMail = await person(app, 'nomail');
    const update = await postUpdate(actor, await groupLedBy(app, actor));
    const id = await comment(
      actor,
      { type: 'update', id: update.id },
      `Over to you, @${r.username} and @${noMail.username}`,
    );
    // Nothing is sent in the request: the job sends it.
    expect(mailTo(r.email)).toEqual([]);
    await runDueJobs(app, { kinds: [EMAIL_JOB] });
    const mails = mailTo(r.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe(`${actor.username} mentioned you in a comment on “${update.title}”`);
    expect(mails[0]?.text).toContain(`https://ldn.example.org/updates/${update.id}#comment-${id}`);
    // Not again in a digest.
    await runDigest(DAILY_DIGEST);
    expect(mailTo(r.email)).toHaveLength(1);
    expect(received.filter((m) => m.text.includes(`Hello ${noMail.username},`))).toEqual([]);
  });
});

describe('digest schedules', () => {
  it('run daily at 06:00 UTC and weekly on Mondays', () => {
    expect(nextDaily(new Date('2025-03-05T05:59:00Z')).toISOString()).toBe('2025-03-05T06:00:00.000Z');
    expect(nextDaily(new Date('2025-03-05T06:00:00Z')).toISOString()).toBe('2025-03-06T06:00:00.000Z');
    expect(nextWeekly(new Date('2025-03-05T12:00:00Z')).toISOString()).toBe('2025-03-10T06:00:00.000Z');
    expect(nextWeekly(new Date('2025-03-10T05:00:00Z')).toISOString()).toBe('2025-03-10T06:00:00.000Z');
  });
});
