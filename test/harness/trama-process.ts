import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { newCheckpointKey } from '../../src/server/platform/audit/checkpoint-key.js';
import { currentTotp } from '../../src/server/platform/auth/totp.js';
import { openPglite } from '../../src/server/platform/db/client.js';
import { DEMO_ACCOUNTS_FILE, type DemoAccount } from '../../src/server/seed/demo.js';

/**
 * Real Trama server processes for the operations tests (two instances on one PostgreSQL, a restart
 * after `kill -9`): `node --import tsx src/server/main.ts`, as `.ci/run`'s smoke step starts it,
 * spoken to over HTTP.
 */
export interface TramaProcess {
  url: string;
  dataDir: string;
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** SIGTERM and wait for the clean shutdown; SIGKILL if it takes longer than 20 s. */
  stop(): Promise<void>;
  /** SIGKILL (kill -9) and wait until the process is gone. */
  kill9(): Promise<void>;
}

/** Keys every instance of one deployment shares: they are configuration, never in the database. */
export function sharedKeys() {
  const signing = newCheckpointKey().privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
  return {
    TRAMA_DATA_KEY: `k1:${randomBytes(32).toString('base64')}`,
    TRAMA_AUDIT_SIGNING_KEY: signing,
  };
}

/**
 * A new data directory holding the harness's migrated and seeded database (PGlite), its data key
 * and its demo accounts, as a first `npm start` would have left it, without the minute a first
 * start takes on a busy machine. `fixtureDir` is the integration harness's (`inject('fixtureDir')`).
 */
export async function seededDataDir(fixtureDir: string): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'trama-data-'));
  const snapshot = new Blob([readFileSync(join(fixtureDir, 'snapshot.tar'))]);
  await (await openPglite({ dataDir: join(dataDir, 'pglite'), dump: snapshot })).close();
  copyFileSync(join(fixtureDir, 'key'), join(dataDir, 'data-key'));
  copyFileSync(join(fixtureDir, 'accounts.json'), join(dataDir, DEMO_ACCOUNTS_FILE));
  return dataDir;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Starts a server; resolves when /status answers, rejects with its output when it exits first. */
export async function startTrama({
  dataDir,
  env = {},
  timeoutMs = 60_000,
}: {
  dataDir: string;
  /** DATABASE_URL, keys, SMTP_URL…; without DATABASE_URL the server opens PGlite in `dataDir`. */
  env?: Record<string, string>;
  timeoutMs?: number;
}): Promise<TramaProcess> {
  const port = await freePort();
  const { DATABASE_URL: _inherited, ...parentEnv } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...parentEnv,
      PORT: String(port),
      TRAMA_DATA_DIR: dataDir,
      TRAMA_LOG_LEVEL: 'warn',
      // These tests send hundreds of requests from 127.0.0.1 with one session: request rate limits
      // (counted per process without a shared store) are another test's subject.
      TRAMA_RATE_LIMIT_API: '100000',
      TRAMA_RATE_LIMIT_SIGN_IN: '100000',
      TRAMA_RATE_LIMIT_PER_ADDRESS: '100000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  const url = `http://127.0.0.1:${port}`;
  const process_: TramaProcess = {
    url,
    dataDir,
    child,
    output: () => output,
    async stop() {
      if (gone) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    },
    async kill9() {
      if (gone) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (gone) throw new TramaExited(output, await exited);
    try {
      const res = await fetch(`${url}/status`);
      // The banner is printed right after listen: wait for it, so demo accounts are on disk.
      if (res.ok && output.includes('Trama is running')) return process_;
    } catch {
      // not listening yet
    }
    await sleep(50);
  }
  await process_.kill9();
  throw new Error(`Trama did not answer /status within ${timeoutMs} ms:\n${output}`);
}

export class TramaExited extends Error {
  constructor(
    readonly output: string,
    readonly code: number | null,
  ) {
    super(`Trama exited (code ${code}) before answering:\n${output}`);
  }
}

export function demoAccountsOf(dataDir: string): DemoAccount[] {
  return JSON.parse(readFileSync(join(dataDir, DEMO_ACCOUNTS_FILE), 'utf8')) as DemoAccount[];
}

export interface HttpSession {
  cookie: string;
  csrf: string;
  /** A request with this session's cookie and CSRF token, to any server of the deployment. */
  request(url: string, method: string, path: string, body?: unknown): Promise<Response>;
}

export function requestWith(session: { cookie: string; csrf: string }) {
  return (url: string, method: string, path: string, body?: unknown) =>
    fetch(`${url}${path}`, {
      method,
      headers: {
        cookie: session.cookie,
        'x-csrf-token': session.csrf,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
}

/** POST /api/auth/login (the answer's status and, on success, the pending session). */
export async function postLogin(url: string, username: string, password: string) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) return { status: res.status, session: null };
  const body = (await res.json()) as { state: string; csrfToken: string };
  return { status: 200, state: body.state, session: { cookie: cookieOf(res), csrf: body.csrfToken } };
}

/** Password then the current TOTP code, as the sign-in page does; each account once per 30 s. */
export async function signInOverHttp(url: string, account: DemoAccount): Promise<HttpSession> {
  const login = await postLogin(url, account.username, account.password);
  if (!login.session) throw new Error(`sign-in of ${account.username} refused: ${login.status}`);
  const verify = await requestWith(login.session)(url, 'POST', '/api/auth/mfa/verify', {
    code: currentTotp(account.totpSecret),
  });
  if (verify.status !== 200)
    throw new Error(`second factor of ${account.username} refused: ${verify.status}`);
  const session = {
    cookie: cookieOf(verify),
    csrf: ((await verify.json()) as { csrfToken: string }).csrfToken,
  };
  return { ...session, request: requestWith(session) };
}

function cookieOf(res: Response) {
  const header = res.headers.getSetCookie().find((c) => c.startsWith('__Host-trama-session='));
  if (!header) throw new Error('no session cookie in the answer');
  return header.split(';')[0]!;
}
