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

/**
 * Sends one event's mail unless it already left: checks `mail_deliveries` by the event's key, sends
 * with a Message-ID derived from the key, and records the delivery right after the server took it
 * (a worker killed between the two would send it again, with the same Message-ID, which receivers
 * use to drop the repeat). A refusal keeps only the error's codes: an SMTP server's answer often
 * repeats the address, which must not stay in the job table or the log.
 */
export async function deliverOnce({
  deps,
  key,
  mail,
}: {
  deps: Pick<Deps, 'database' | 'mailer'>;
  key: string;
  mail: Mail;
}) {
  const [delivered] = await deps.database.query(`select 1 from mail_deliveries where key = $1`, [key]);
  if (delivered) return;
  const messageId = `<${createHash('sha256').update(key).digest('hex').slice(0, 32)}@trama>`;
  try {
    await deps.mailer.send({ ...mail, messageId });
  } catch (error) {
    throw mailError(error);
  }
  await deps.database.query(
    `insert into mail_deliveries (key, message_id) values ($1, $2) on conflict (key) do nothing`,
    [key, messageId],
  );
}

function mailError(error: unknown) {
  const e = error as { code?: string; responseCode?: number; message?: string };
  const errno = /\b(E[A-Z]{3,})\b/.exec(e.message ?? '')?.[1];
  const codes = [e.code, e.responseCode, errno].filter((c) => c !== undefined && c !== null);
  return new Error(`mail not sent (${codes.length > 0 ? [...new Set(codes)].join(', ') : 'unknown error'})`);
}

export const mailJob: JobKind<MailJobData> = {
  name: MAIL_JOB_NAME,
  label: { it: 'Invio di e-mail', en: 'E-mail sending' },
  // About a day of retries (30 s doubling): an SMTP server down overnight loses nothing.
  retryLimit: 12,
  retryDelaySeconds: 30,
  expireInSeconds: 120,
  async handle(data, { deps }) {
    const mail = JSON.parse(
      decryptField({ keyring: deps.keyring, value: data.sealed, context: sealContext(data.key) }),
    ) as Mail;
    await deliverOnce({ deps, key: data.key, mail });
  },
};
