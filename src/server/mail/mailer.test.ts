import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { testDatabase, unique } from '../testing/harness';
import { createMailer } from './mailer';
import { listOutbox } from './outbox';

/** A local SMTP server that keeps every message it receives. */
function smtpStandin() {
  const received: { from: string; to: string[]; raw: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
        });
        callback();
      });
    },
  });
  return { server, received };
}

describe('mailer', () => {
  const standin = smtpStandin();
  let port = 0;
  beforeAll(async () => {
    await new Promise<void>((resolve) => standin.server.listen(0, '127.0.0.1', resolve));
    port = (standin.server.server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => standin.server.close(() => resolve())));

  it('sends over SMTP when SMTP_URL is set, from MAIL_FROM', async () => {
    const { db } = await testDatabase();
    const mailer = createMailer({
      config: { smtpUrl: `smtp://127.0.0.1:${port}`, mailFrom: 'LDN <ldn@example.org>' },
      getDb: () => db,
    });
    await mailer.send({ to: 'amina@example.org', subject: 'Your daily digest', text: 'Two new comments' });
    mailer.close();
    expect(standin.received).toHaveLength(1);
    const [mail] = standin.received;
    expect(mail?.from).toBe('ldn@example.org');
    expect(mail?.to).toEqual(['amina@example.org']);
    expect(mail?.raw).toContain('Subject: Your daily digest');
    expect(mail?.raw).toContain('Two new comments');
  });

  it('fails (so the job retries) when the SMTP server cannot be reached', async () => {
    const { db } = await testDatabase();
    const mailer = createMailer({
      config: { smtpUrl: 'smtp://127.0.0.1:1', mailFrom: 'ldn@example.org' },
      getDb: () => db,
    });
    await expect(mailer.send({ to: 'a@example.org', subject: 's', text: 't' })).rejects.toThrow();
    mailer.close();
  });

  it('keeps mail in the outbox, newest first, when SMTP_URL is not set', async () => {
    const { db } = await testDatabase();
    const mailer = createMailer({ config: { smtpUrl: null, mailFrom: 'ldn@example.org' }, getDb: () => db });
    const subject = unique('subject');
    await mailer.send({ to: 'first@example.org', subject: `${subject} 1`, text: 'one' });
    await mailer.send({ to: 'second@example.org', subject: `${subject} 2`, text: 'two' });
    const rows = (await listOutbox(db, null, 100)).filter((r) => r.subject.startsWith(subject));
    expect(rows.map((r) => [r.recipient, r.body_text])).toEqual([
      ['second@example.org', 'two'],
      ['first@example.org', 'one'],
    ]);
    const [newest, older] = rows;
    if (!newest || !older) throw new Error('expected the two mails just sent');
    const after = await listOutbox(db, { createdAt: newest.created_at, id: newest.id }, 100);
    expect(after.some((r) => r.id === newest.id)).toBe(false);
    expect(after.some((r) => r.id === older.id)).toBe(true);
  });
});
