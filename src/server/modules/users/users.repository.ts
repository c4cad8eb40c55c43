import { and, count, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { TAddressForm } from '../../../contracts/auth.js';
import type { TRole } from '../../../contracts/roles.js';
import type { TMembership, TUser } from '../../../contracts/users.js';
import type { AccessContext } from '../../platform/access/access-context.js';
import type { Tx } from '../../platform/db/client.js';
import { users } from '../../platform/tenancy/tenancy.sql.js';
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
    addressForm: users.addressForm,
    mfaEnrolledAt: users.mfaEnrolledAt,
    disabledAt: users.disabledAt,
    createdAt: users.createdAt,
    // Memberships ride along as JSON: one statement per request instead of two.
    memberships: sql<TMembership[]>`coalesce((
      select json_agg(json_build_object('id', m.id, 'role', m.role,
        'organisationId', coalesce(m.organisation_id, s.organisation_id), 'organisationName', o.name,
        'serviceId', m.service_id, 'serviceName', s.name) order by m.created_at)
      from memberships m left join services s on s.id = m.service_id
      left join organisations o on o.id = coalesce(m.organisation_id, s.organisation_id)
      where m.user_id = "users"."id"), '[]'::json)`,
  };
}

type ProfileRow = {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  phone: string | null;
  locale: string;
  addressForm: string;
  mfaEnrolledAt: Date | null;
  disabledAt: Date | null;
  createdAt: Date;
  memberships: TMembership[];
};

function toUser(row: ProfileRow): TUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    email: row.email,
    phone: row.phone,
    locale: row.locale === 'en' ? 'en' : 'it',
    // The database's check allows only these three values.
    addressForm: row.addressForm as TAddressForm,
    mfaEnrolled: row.mfaEnrolledAt !== null,
    disabled: row.disabledAt !== null,
    createdAt: row.createdAt.toISOString(),
    memberships: row.memberships,
  };
}

export async function findUser({ tx, ctx, id }: { tx: Tx; ctx: AccessContext; id: string }) {
  const [row] = await tx
    .select(profileColumns(ctx))
    .from(users)
    .where(and(eq(users.id, id), usersScope(ctx)));
  if (!row) return null;
  return toUser(row);
}

export async function listUsers({
  tx,
  ctx,
  q,
  role,
  serviceId,
  page,
  pageSize,
}: {
  tx: Tx;
  ctx: AccessContext;
  q?: string | undefined;
  role?: TRole | undefined;
  serviceId?: string | undefined;
  page: number;
  pageSize: number;
}) {
  const filters: SQL[] = [usersScope(ctx)];
  if (q) {
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    filters.push(or(ilike(users.displayName, pattern), ilike(users.username, pattern))!);
  }
  // Role and service are matched on one membership: "practitioners of this service", not someone
  // who is a practitioner somewhere and holds another role here.
  if (role || serviceId)
    filters.push(
      sql`exists (select 1 from memberships m where m.user_id = ${users.id}
        ${role ? sql`and m.role = ${role}` : sql``} ${serviceId ? sql`and m.service_id = ${serviceId}` : sql``})`,
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
  return { items: rows.map(toUser), page, pageSize, total: Number(total) };
}
