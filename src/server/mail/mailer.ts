// Mail goes out over SMTP when SMTP_URL is set (nodemailer); otherwise it is kept in the outbox table, which
// admins read, and written to the log. Mail is only ever sent from background jobs, never in a request.
import type { Transporter } from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config';
import type { Db } from '../db/connection';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  /** Resolves once the SMTP server accepted the mail (or the outbox kept it); throws so the job retries. */
  send(mail: Mail): Promise<void>;
  close(): void;
}

export function createMailer(options: {
  config: Pick<Config, 'smtpUrl' | 'mailFrom'>;
  getDb: () => Db;
  log?: FastifyBaseLogger | null;
}): Mailer {
  let transport: Transporter | null = null;
  return {
    async send(mail) {
      if (options.config.smtpUrl) {
        // Loaded at the first mail: most processes never send one (only the one running the jobs does), and it
        // is among the slower packages to load at start.
        transport ??= (await import('nodemailer')).default.createTransport(options.config.smtpUrl);
        await transport.sendMail({
          from: options.config.mailFrom,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
        });
        return;
      }
      await options
        .getDb()
        .insertInto('mail_outbox')
        .values({ recipient: mail.to, subject: mail.subject, body_text: mail.text, created_at: new Date() })
        .execute();
      options.log?.info(
        { mail: { to: mail.to, subject: mail.subject, text: mail.text } },
        'mail kept in the outbox (SMTP_URL is not set)',
      );
    },
    close() {
      transport?.close();
    },
  };
}
