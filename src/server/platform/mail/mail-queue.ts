import { createHash, randomUUID } from 'node:crypto';
import { decryptField, encryptField } from '../crypto/field-crypto.js';
import type { Tx } from '../db/client.js';
import type { Deps } from '../deps.js';
import type { JobKind } from '../jobs/job-queue.js';
import type { Mail } from './mailer.js';

export const MAIL_JOB_NAME = 'mail.send';

interface MailJobData {
  key: string;
  /** The whole message, sealed: a reset link or a reminder is nobody's to read in the job table. */
  sealed: string;
}

const sealContext = (key: string) => `mail:${key}`;

/**
 * Every e-mail leaves through the queue: written in the transaction of the change that causes it
 * (no mail for a rolled-back change, no change without its mail), sent by a worker, retried with
 * backoff while the SMTP server is down. `key` names the event (one mail per event, whatever
 * the retries); without one, the mail gets a key of its own.
 */
export async function queueMail({
  deps,
  tx,
  mail,
  key = randomUUID(),
}: {
  deps: Pick<Deps, 'jobs' | 'keyring'>;
  tx: Tx;
  mail: Mail;
  key?: string;
}): Promise<void> {
  const sealed = encryptField({
    keyring: deps.keyring,
    plaintext: JSON.stringify(mail),
    context: sealContext(key),
  });
  await deps.jobs.enqueue(tx, MAIL_JOB_NAME, { key, sealed } satisfies MailJobData);
}

export const mailJob: JobKind<MailJobData> = {
  name: MAIL_JOB_NAME,
  label: { it: 'Invio di e-mail', en: 'E-mail sending' },
  // About a day of retries (30 s doubling): an SMTP server down overnight loses nothing.
  retryLimit: 12,
  retryDelaySeconds: 30,
  expireInSeconds: 120,
  async handle(data, { deps }) {
    const [delivered] = await deps.database.query(`select 1 from mail_deliveries where key = $1`, [data.key]);
    if (delivered) return;
    const mail = JSON.parse(
      decryptField({ keyring: deps.keyring, value: data.sealed, context: sealContext(data.key) }),
    ) as Mail;
    const messageId = `<${createHash('sha256').update(data.key).digest('hex').slice(0, 32)}@trama>`;
    await deps.mailer.send({ ...mail, messageId });
    // Recorded at once after the server took it: a worker killed between the two would send it
    // again, with the same Message-ID, which receivers use to drop the repeat.
    await deps.database.query(
      `insert into mail_deliveries (key, message_id) values ($1, $2) on conflict (key) do nothing`,
      [data.key, messageId],
    );
  },
};
