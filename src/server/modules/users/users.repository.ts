import { and, count, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { TMembership, TUser } from '../../../contracts/users.js';
import type { AccessContext } from '../../platform/access/access-context.js';
import type { Tx } from '../../platform/db/client.js';
import { memberships, organisations, services, users } from '../../platform/tenancy/tenancy.sql.js';
import { contactFieldsVisible, usersScope } from './users.policy.js';

/** Staff profiles as the acting role may see them: scope filter and field rule applied in SQL. */
function profileColumns(ctx: AccessContext) {
  const visible = contactFieldsVisible(ctx);
  return {
    id: users.id,
    username: users.username,
    displayName: users.displayName,
    email: sql<string | null>`case when ${visible} then ${users.email} end`,
    phone: sql<string | null>`case when ${visible} then ${users.phone} end`,
    locale: users.locale,
    mfaEnrolledAt: users.mfaEnrolledAt,
    disabledAt: users.disabledAt,
    createdAt: users.createdAt,
  };
}

async function membershipsOf(tx: Tx, userIds: string[]): Promise<Map<string, TMembership[]>> {
  const byUser = new Map<string, TMembership[]>();
  if (userIds.length === 0) return byUser;
  const rows = await tx
    .select({
      id: memberships.id,
      userId: memberships.userId,
      role: memberships.role,
      organisationId: sql<string | null>`coalesce(${memberships.organisationId}, ${services.organisationId})`,
      organisationName: organisations.name,
      serviceId: memberships.serviceId,
      serviceName: services.name,
    })
    .from(memberships)
    .leftJoin(services, eq(services.id, memberships.serviceId))
    .leftJoin(
      organisations,
      eq(organisations.id, sql`coalesce(${memberships.organisationId}, ${services.organisationId})`),
    )
    .where(inArray(memberships.userId, userIds))
    .orderBy(memberships.createdAt);
  for (const { userId, ...m } of rows) {
    byUser.set(userId, [...(byUser.get(userId) ?? []), m as TMembership]);
  }
  return byUser;
}

type ProfileRow = {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  phone: string | null;
  locale: string;
  mfaEnrolledAt: Date | null;
  disabledAt: Date | null;
  createdAt: Date;
};

function toUser(row: ProfileRow, ms: TMembership[]): TUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    email: row.email,
    phone: row.phone,
    locale: row.locale === 'en' ? 'en' : 'it',
    mfaEnrolled: row.mfaEnrolledAt !== null,
    disabled: row.disabledAt !== null,
    createdAt: row.createdAt.toISOString(),
    memberships: ms,
  };
}

export async function findUser({ tx, ctx, id }: { tx: Tx; ctx: AccessContext; id: string }) {
  const [row] = await tx
    .select(profileColumns(ctx))
    .from(users)
    .where(and(eq(users.id, id), usersScope(ctx)));
  if (!row) return null;
  return toUser(row, (await membershipsOf(tx, [row.id])).get(row.id) ?? []);
}

export async function listUsers({
  tx,
  ctx,
  q,
  serviceId,
  page,
  pageSize,
}: {
  tx: Tx;
  ctx: AccessContext;
  q?: string | undefined;
  serviceId?: string | undefined;
  page: number;
  pageSize: number;
}) {
  const filters: SQL[] = [usersScope(ctx)];
  if (q) {
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    filters.push(or(ilike(users.displayName, pattern), ilike(users.username, pattern))!);
  }
  if (serviceId)
    filters.push(
      sql`exists (select 1 from memberships m where m.user_id = ${users.id} and m.service_id = ${serviceId})`,
    );
  const where = and(...filters);
  const [{ total } = { total: 0 }] = await tx.select({ total: count() }).from(users).where(where);
  const rows = await tx
    .select(profileColumns(ctx))
    .from(users)
    .where(where)
    .orderBy(users.displayName, users.id)
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const ms = await membershipsOf(
    tx,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => toUser(r, ms.get(r.id) ?? [])), page, pageSize, total: Number(total) };
}
