import { createHash } from 'node:crypto';
import fastifyRateLimit, { normalizeIP } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TLocalizedText } from '../../../contracts/common.js';
import { SESSION_COOKIE } from '../auth/sessions.js';
import { HttpProblem } from './problem.js';
import {
  type CounterStore,
  closeSharedCounter,
  connectSharedCounter,
  counterStore,
} from './rate-limit-store.js';

/**
 * Request rate limits (docs/adr/0015-rate-limits.md). Each route says how it is limited with
 * `config.rate`; `api` when it says nothing:
 * - `api`: per client (the session, or the address without one), plus the per-address ceiling;
 * - `expensive`: exports, imports, statistics: a lower limit per client, plus the ceiling;
 * - `sign-in`: routes that check a password or a code: per address, plus the ceiling (their own
 *   failed-attempt throttle, auth/throttle.ts, still applies behind this);
 * - `link`: public routes reached by a token in the address (a participant's personal link, a
 *   calendar feed, a certificate's verification): per address like sign-in, in a count of its own;
 * - `public-page`: the public site's pages (community events: the calendar, an event, the walk-in
 *   form a room of people opens at once behind one address): per address at the files' limit, in
 *   a count of its own, plus the ceiling; registering, cancelling and feedback stay `link`;
 * - `static`: the operator app's files: a generous limit per address, so a page load never fails;
 * - `shell`: what the app's frame reads on every page (the session, the sign-in page's providers):
 *   only the per-address ceiling, so one person over their limit still sees the app and its message;
 * - `exempt`: `/status`, which load balancers poll, and signing out, which must always work.
 * The per-address ceiling bounds a client that sends a new made-up session cookie each time.
 */
export type RateClass =
  | 'api'
  | 'expensive'
  | 'sign-in'
  | 'link'
  | 'public-page'
  | 'static'
  | 'shell'
  | 'exempt';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** How the route is rate limited; `api` when not said. */
    rate?: RateClass;
  }
}

export interface RateLimitSettings {
  /** Length of the fixed counting window, in seconds; every limit below is per window. */
  windowSeconds: number;
  api: number;
  expensive: number;
  signIn: number;
  /** Every API request from one address, whatever its session: the ceiling. */
  perAddress: number;
  staticFiles: number;
  /** Shared counters across instances; unset: this process's memory. */
  redisUrl: string | undefined;
  /** Prefix of every Redis key, so deployments (or test runs) sharing one Redis stay apart. */
  redisPrefix: string;
}

type Limit = 'api' | 'expensive' | 'signIn' | 'perAddress' | 'staticFiles';

interface Bucket {
  name: string;
  /** `client`: the session when a cookie is sent, else the address; `address`: always the address. */
  scope: 'client' | 'address';
  limit: Limit;
}

const CEILING: Bucket = { name: 'any', scope: 'address', limit: 'perAddress' };
const BUCKETS: Record<RateClass, readonly Bucket[]> = {
  api: [{ name: 'api', scope: 'client', limit: 'api' }, CEILING],
  expensive: [{ name: 'expensive', scope: 'client', limit: 'expensive' }, CEILING],
  'sign-in': [{ name: 'sign-in', scope: 'address', limit: 'signIn' }, CEILING],
  // As strict as sign-in, in a count of its own: a room of participants behind one address
  // opening their links must not lock that network out of signing in.
  link: [{ name: 'link', scope: 'address', limit: 'signIn' }, CEILING],
  'public-page': [{ name: 'public-page', scope: 'address', limit: 'staticFiles' }, CEILING],
  // Per address: a cookie means nothing to a file, and made-up ones must not buy fresh counts.
  static: [{ name: 'static', scope: 'address', limit: 'staticFiles' }],
  shell: [CEILING],
  exempt: [],
};

/** The route's class. Unknown API paths reach the app's catch-all file route: they are API requests. */
export function rateClassOf(request: FastifyRequest): RateClass {
  const declared = request.routeOptions.config?.rate ?? 'api';
  if (declared === 'static' && request.url.startsWith('/api/')) return 'api';
  return declared;
}

function addressOf(request: FastifyRequest) {
  // IPv6 clients are counted per /64, which one household or office is usually given.
  return `address:${normalizeIP(request.ip)}`;
}

/**
 * The client a request is counted for: a digest of its session cookie (never the token itself,
 * which would then sit in Redis; never a database lookup, which a flood would multiply), or its
 * address when it sends none. The digest is salted with a fixed label so it never equals the
 * token hash the sessions table stores.
 */
export function clientKeyOf(request: FastifyRequest): string {
  const token = request.cookies?.[SESSION_COOKIE];
  if (!token) return addressOf(request);
  const digest = createHash('sha256').update('trama rate limit\0').update(token).digest('base64url');
  return `session:${digest.slice(0, 22)}`;
}

function inWords(seconds: number): TLocalizedText {
  if (seconds <= 90) {
    return seconds === 1
      ? { it: '1 secondo', en: '1 second' }
      : { it: `${seconds} secondi`, en: `${seconds} seconds` };
  }
  const minutes = Math.ceil(seconds / 60);
  return { it: `${minutes} minuti`, en: `${minutes} minutes` };
}

export function tooManyRequests(retryAfterSeconds: number): HttpProblem {
  const wait = inWords(retryAfterSeconds);
  return new HttpProblem(
    429,
    'too-many-requests',
    { it: 'Troppe richieste', en: 'Too many requests' },
    {
      it: `Sono arrivate troppe richieste in poco tempo e questa non è stata eseguita. Riprova tra ${wait.it}.`,
      en: `Too many requests arrived in a short time, so this one was not carried out. Try again in ${wait.en}.`,
    },
  );
}

/** The plugin builds its store with `new`; every limiter then shares this one. */
function storeClassOf(store: CounterStore) {
  return class {
    incr(...args: Parameters<CounterStore['incr']>) {
      store.incr(...args);
    }
    child() {
      return this;
    }
  };
}

/**
 * Counts every request in onRequest, before the access hook loads a session, before the body is
 * read: a request over a limit gets 429 with Retry-After and nothing else happens. Install it
 * after the cookie parser and before the access hook.
 */
export async function installRateLimits({
  app,
  settings,
}: {
  app: FastifyInstance;
  settings: RateLimitSettings;
}) {
  const shared = settings.redisUrl
    ? await connectSharedCounter({ url: settings.redisUrl, prefix: settings.redisPrefix, log: app.log })
    : null;
  if (shared) app.addHook('onClose', () => closeSharedCounter(shared));
  const store = counterStore({ shared, log: app.log });
  await app.register(fastifyRateLimit, { global: false, store: storeClassOf(store) });

  const limiters = new Map(
    [...new Set(Object.values(BUCKETS).flat())].map((bucket) => [
      bucket,
      app.createRateLimit({
        max: settings[bucket.limit],
        timeWindow: settings.windowSeconds * 1000,
        keyGenerator: (request) =>
          `${bucket.name}:${bucket.scope === 'client' ? clientKeyOf(request) : addressOf(request)}`,
      }),
    ]),
  );

  app.addHook('onRequest', async (request, reply) => {
    const buckets = BUCKETS[rateClassOf(request)];
    if (buckets.length === 0) return;
    // `isAllowed` marks allow-listed keys, which Trama has none of: the filter only narrows the type.
    const counts = (await Promise.all(buckets.map((bucket) => limiters.get(bucket)!(request)))).filter(
      (count) => !count.isAllowed,
    );
    if (counts.length === 0) return;
    // The headers (the plugin's X-RateLimit-* names) describe the limit closest to being reached.
    const closest = counts.reduce((a, b) => (b.remaining < a.remaining ? b : a));
    reply
      .header('x-ratelimit-limit', closest.max)
      .header('x-ratelimit-remaining', closest.remaining)
      .header('x-ratelimit-reset', closest.ttlInSeconds);
    const exceeded = counts.filter((count) => count.isExceeded);
    if (exceeded.length === 0) return;
    const retryAfter = Math.max(1, ...exceeded.map((count) => count.ttlInSeconds));
    reply.header('retry-after', retryAfter);
    throw tooManyRequests(retryAfter);
  });
}
