import { SMTPServer } from 'smtp-server';

export interface SinkMessage {
  messageId: string | null;
  raw: string;
}

/**
 * A real SMTP server on a local port, for the mail tests: it keeps every message it accepted.
 * `hang` makes it hold the next message's DATA without answering, as a slow or stuck mail server
 * would, so a test can kill the sender mid-send.
 */
export async function startSmtpSink() {
  const messages: SinkMessage[] = [];
  let hang = false;
  let rejectRecipients = false;
  let onHang: (() => void) | null = null;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      // As real servers do, the refusal repeats the address.
      if (rejectRecipients) return callback(new Error(`<${address.address}>: Recipient address rejected`));
      callback();
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (hang) {
          onHang?.();
          return; // never answered: the sender waits until it is killed
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        messages.push({ messageId: /^Message-ID:\s*(\S+)/im.exec(raw)?.[1] ?? null, raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    /** Resolves when a message arrives and is held unanswered. */
    hangNext() {
      hang = true;
      return new Promise<void>((resolve) => {
        onHang = resolve;
      });
    },
    answerAgain() {
      hang = false;
    },
    rejectAllRecipients() {
      rejectRecipients = true;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** An SMTP address where nothing listens: a mail server that is down. */
export const SMTP_DOWN_URL = 'smtp://127.0.0.1:1';
