import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** Set by the mail job from the event's key, so a receiver can also tell a repeat. */
  messageId?: string;
  /** An invitation (ICS text, method REQUEST): sent as the message's calendar part. */
  calendar?: string;
}

/** The message as nodemailer takes it: an invitation's calendar becomes its `icalEvent`. */
const toNodemailer = ({ calendar, ...mail }: Mail) => ({
  ...mail,
  ...(calendar ? { icalEvent: { method: 'REQUEST', content: calendar } } : {}),
});

export interface Mailer {
  send(mail: Mail): Promise<void>;
}

/**
 * SMTP when SMTP_URL is set. Without it (demo only) each message is written as an .eml file in
 * the data directory's outbox, so a new user can follow a reset link without a mail server.
 */
export function createMailer({
  smtpUrl,
  from,
  outboxDir,
}: {
  smtpUrl?: string;
  from: string;
  outboxDir: string;
}): Mailer {
  if (smtpUrl) {
    const transport = nodemailer.createTransport(smtpUrl);
    return {
      async send(mail) {
        await transport.sendMail({ from, ...toNodemailer(mail) });
      },
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(mail) {
      const info = await transport.sendMail({ from, ...toNodemailer(mail) });
      mkdirSync(outboxDir, { recursive: true });
      writeFileSync(
        join(outboxDir, `${Date.now()}-${info.messageId.replace(/[^a-z0-9]/gi, '')}.eml`),
        info.message as Buffer,
      );
    },
  };
}
