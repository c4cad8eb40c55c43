import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAudit } from '../../src/server/platform/audit/audit-writer.js';
import { type Database, openPostgres, queryRows, type Tx } from '../../src/server/platform/db/client.js';
import { type DbContext, withDbContext } from '../../src/server/platform/db/context.js';
import { createTestApp, type TestApp } from '../harness/test-app.js';

/**
 * The request's transaction (platform/db/request-transaction.ts on PostgreSQL, Drizzle's on
 * PGlite): the audit event travels with the commit, and everything a transaction guarantees still
 * holds. On PostgreSQL the checks run on a one-connection pool, so every transaction meets the
 * previous one's connection and its prepared statements.
 */
let t: TestApp;
let database: Database;
let coordinator: DbContext;
let practitioner: DbContext;
let admin: DbContext;

beforeAll(async () => {
  t = await createTestApp();
  database = t.database.url ? await openPostgres({ url: t.database.url, poolSize: 1 }) : t.database;
  coordinator = await contextOf('coordinatrice');
  practitioner = await contextOf('operatrice');
  admin = await contextOf('admin');
});
afterAll(async () => {
  if (database !== t.database) await database.close();
  await t.close();
});

async function contextOf(username: string): Promise<DbContext> {
  const [row] = await t.database.query<DbContext>(
    `select u.id as "userId", m.role, coalesce(m.organisation_id, s.organisation_id) as "organisationId",
       m.service_id as "serviceId"
     from users u join memberships m on m.user_id = u.id left join services s on s.id = m.service_id
     where u.username = $1 order by m.created_at limit 1`,
    [username],
  );
  return row!;
}

const actorOf = (ctx: DbContext, username: string) => ({
  userId: ctx.userId,
  username,
  role: ctx.role,
  serviceId: ctx.serviceId,
  clientIp: '127.0.0.1',
});

/** Each check's events carry their own record id, so they are told apart from everything else. */
const markers = {
  exact: randomUUID(),
  undone: randomUUID(),
  bad: randomUUID(),
};

async function eventsWith(marker: string) {
  return t.database.query<{ actor_username: string; details: unknown }>(
    `select actor_username, details from audit_events where record_type = 'user' and record_id = $1 order by id`,
    [marker],
  );
}

describe('the request transaction', () => {
  it('commits the audit event with the work, text and JSON exactly as given', async () => {
    const awkward = `o'brien \\ "quoted" $$ ; -- ${'è'.repeat(3)}`;
    await withDbContext(database.db, coordinator, async (tx) => {
      await writeAudit({
        tx,
        actor: actorOf(coordinator, awkward),
        event: {
          action: 'user.read',
          recordType: 'user',
          recordId: markers.exact,
          details: { note: awkward, list: [1, 'a\\b'] },
        },
      });
    });
    const events = await eventsWith(markers.exact);
    expect(events).toHaveLength(1);
    expect(events[0]!.actor_username).toBe(awkward);
    expect(events[0]!.details).toEqual({ note: awkward, list: [1, 'a\\b'] });
  });

  it('keeps neither the audit event nor the change when the work fails afterwards', async () => {
    const before = await t.database.query<{ display_name: string }>(
      'select display_name from users where id = $1',
      [coordinator.userId],
    );
    await expect(
      withDbContext(database.db, coordinator, async (tx) => {
        await tx.execute(
          sql`update users set display_name = 'Changed then undone' where id = ${coordinator.userId}`,
        );
        await writeAudit({
          tx,
          actor: actorOf(coordinator, 'x'),
          event: { action: 'user.read', recordType: 'user', recordId: markers.undone },
        });
        throw new Error('the work fails after its audit event');
      }),
    ).rejects.toThrow('the work fails');
    expect(await eventsWith(markers.undone)).toHaveLength(0);
    const after = await t.database.query('select display_name from users where id = $1', [
      coordinator.userId,
    ]);
    expect(after).toEqual(before);
  });

  it('rolls the change back when its audit event cannot be written', async () => {
    const before = await t.database.query('select display_name from users where id = $1', [
      coordinator.userId,
    ]);
    await expect(
      withDbContext(database.db, coordinator, async (tx) => {
        await tx.execute(
          sql`update users set display_name = 'Kept without its audit?' where id = ${coordinator.userId}`,
        );
        // jsonb cannot hold U+0000: this event fails when it is inserted, at commit or at once.
        await writeAudit({
          tx,
          actor: actorOf(coordinator, 'x'),
          event: {
            action: 'user.read',
            recordType: 'user',
            recordId: markers.bad,
            details: { note: 'a\u0000b' },
          },
        });
      }),
    ).rejects.toThrow();
    const after = await t.database.query('select display_name from users where id = $1', [
      coordinator.userId,
    ]);
    expect(after).toEqual(before);
    expect(await eventsWith(markers.bad)).toHaveLength(0);
  });

  it('hands the connection on clean after a failed statement: no aborted transaction, no context left', async () => {
    await expect(
      withDbContext(database.db, practitioner, (tx) => tx.execute(sql`select 1 / 0`)),
    ).rejects.toThrow();
    const [left] = await database.query<{ user_id: string; role: string }>(
      `select current_setting('trama.user_id', true) as user_id, current_user as role`,
    );
    expect(left!.user_id ?? '').toBe('');
    expect(left!.role).not.toBe('trama_app');
    const ok = await withDbContext(database.db, practitioner, (tx) =>
      queryRows<{ me: string }>(tx, sql`select current_setting('trama.user_id') as me`),
    );
    expect(ok[0]!.me).toBe(practitioner.userId);
  });

  it('gives each acting role its own rows from the same statement, past the planner switching to a generic plan', async () => {
    const visibleUsers = (ctx: DbContext) =>
      withDbContext(database.db, ctx, async (tx) =>
        (
          await queryRows<{ id: string }>(
            tx,
            sql`select id from users where created_at < ${new Date()} order by id`,
          )
        ).map((row) => row.id),
      );
    const all = await t.database.query<{ n: number }>('select count(*)::int as n from users');
    const seen = { admin: new Set<string>(), practitioner: new Set<string>() };
    // Alternating, eight times each: PostgreSQL plans a prepared statement generically from the sixth run.
    for (let round = 0; round < 8; round++) {
      seen.practitioner.add((await visibleUsers(practitioner)).join());
      seen.admin.add((await visibleUsers(admin)).join());
    }
    expect(seen.admin.size).toBe(1);
    expect(seen.practitioner.size).toBe(1);
    const [adminRows] = [...seen.admin].map((ids) => ids.split(','));
    const [practitionerRows] = [...seen.practitioner].map((ids) => ids.split(','));
    // Row-level security: the admin sees every account, the practitioner only her organisation's.
    expect(adminRows).toHaveLength(all[0]!.n);
    expect(practitionerRows!.length).toBeLessThan(all[0]!.n);
    expect(practitionerRows).toContain(practitioner.userId);
  });

  // Only PostgreSQL's request transaction guards its connection; PGlite's is Drizzle's own.
  it.skipIf(!process.env.DATABASE_URL)(
    'refuses a query left running after the transaction ended, and a transaction inside the transaction',
    async () => {
      let leftover: Tx | undefined;
      await withDbContext(database.db, practitioner, async (tx) => {
        leftover = tx;
      });
      // Drizzle wraps the refusal as a failed query, the refusal its cause.
      const refusedWith = (pattern: RegExp) => ({
        cause: expect.objectContaining({ message: expect.stringMatching(pattern) }),
      });
      await expect(leftover!.execute(sql`select 1`)).rejects.toMatchObject(
        refusedWith(/after its request transaction ended/),
      );
      await expect(
        withDbContext(database.db, practitioner, (tx) => tx.transaction(async () => {})),
      ).rejects.toMatchObject(refusedWith(/cannot open another transaction/));
      // The connection is fine for the next request.
      const [row] = await withDbContext(database.db, practitioner, (tx) =>
        queryRows<{ me: string }>(tx, sql`select current_setting('trama.user_id') as me`),
      );
      expect(row!.me).toBe(practitioner.userId);
    },
  );
});
