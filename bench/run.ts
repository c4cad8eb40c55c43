import autocannon from 'autocannon';
import { eq, sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { startSealer } from '../src/server/platform/audit/audit-chain.js';
import { queryRows } from '../src/server/platform/db/client.js';
import { users } from '../src/server/platform/tenancy/tenancy.sql.js';
import { startTrama } from './support.js';

/**
 * Requests per second of an authenticated, access-checked, audited read (GET /api/users/:id as a
 * coordinator: session lookup, permission, scope filter, field rule, audit event in the same
 * transaction) against bare Fastify routes in the same process and run: one that runs the same
 * SELECT with no platform around it, and hello-world. Ratios are the result; absolute numbers
 * move week to week on shared machines.
 */
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

async function measure(url: string, headers: Record<string, string> = {}) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return {
    rps: result.requests.average,
    p95: result.latency.p97_5 ?? result.latency.p99,
    p50: result.latency.p50,
  };
}

const { database, label, port: platformPort, cookieFor, stop } = await startTrama();
try {
  const sealer = startSealer({ database, intervalMs: 1000, onError: () => {} });
  const [target] = await database.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.username, 'operatrice'));
  const cookie = await cookieFor('coordinatrice');

  const bare = Fastify();
  bare.get('/hello', async () => ({ hello: 'world' }));
  bare.get('/user/:id', async (request) => {
    const [row] = await queryRows(
      database.db,
      sql`select id, username, display_name, email, phone from users where id = ${(request.params as { id: string }).id}`,
    );
    return row;
  });
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const barePort = (bare.server.address() as { port: number }).port;

  console.log(`Trama bench on ${label}: ${CONNECTIONS} connections, ${DURATION} s per target, one process\n`);
  const hello = await measure(`http://127.0.0.1:${barePort}/hello`);
  const bareRead = await measure(`http://127.0.0.1:${barePort}/user/${target!.id}`);
  const platform = await measure(`http://127.0.0.1:${platformPort}/api/users/${target!.id}`, { cookie });
  const [events] = await queryRows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from audit_events where action = 'user.read'`,
  );

  const row = (name: string, r: { rps: number; p50: number; p95: number }) =>
    console.log(
      `${name.padEnd(52)} ${r.rps.toFixed(0).padStart(7)} req/s   p50 ${r.p50} ms   p97.5 ${r.p95} ms`,
    );
  row('bare Fastify hello-world', hello);
  row('bare Fastify, same SELECT, no auth/access/audit', bareRead);
  row('Trama GET /api/users/:id (session+access+RLS+audit)', platform);
  console.log(
    `\nratio audited read / bare same-SELECT route: ${(platform.rps / bareRead.rps).toFixed(2)} (target >= 0.3 on PostgreSQL)`,
  );
  console.log(`ratio audited read / bare hello-world:       ${(platform.rps / hello.rps).toFixed(2)}`);
  console.log(`audit events written by the audited run: ${events!.n}`);

  await bare.close();
  await sealer.stop();
} finally {
  await stop();
}
