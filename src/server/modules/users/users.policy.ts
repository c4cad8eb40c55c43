import { type SQL, sql } from 'drizzle-orm';
import type { AccessContext } from '../../platform/access/access-context.js';
import { activeGrantFilter } from '../../platform/access/break-glass.js';
import { users } from '../../platform/tenancy/tenancy.sql.js';

/**
 * Which staff profiles the acting role may see, as one SQL filter (ANCHORS: no coarse "view all").
 * admin, dpo: everyone. coordinator: people working in their organisation. practitioner and
 * clinician: colleagues in their service. Everyone: themselves, and a profile opened by an active
 * break-the-glass grant. RLS (0001_access_rls.sql) enforces a wider organisation bound beneath.
 */
export function usersScope(ctx: AccessContext): SQL {
  const self = sql`${users.id} = ${ctx.userId}`;
  const grant = activeGrantFilter({ ctx, recordType: 'user', idColumn: users.id });
  switch (ctx.role) {
    case 'admin':
    case 'dpo':
      return sql`true`;
    case 'coordinator':
      return sql`(${self} or ${grant} or exists (select 1 from memberships m left join services s on s.id = m.service_id
        where m.user_id = ${users.id} and coalesce(m.organisation_id, s.organisation_id) = ${ctx.organisationId}))`;
    case 'practitioner':
    case 'clinician':
      return sql`(${self} or ${grant} or exists (select 1 from memberships m
        where m.user_id = ${users.id} and m.service_id = ${ctx.serviceId}))`;
    default:
      return sql`(${self} or ${grant})`;
  }
}

/**
 * Field rule for `identifying` contact details (email, phone): the viewer must be global, the
 * person themself, a coordinator of their organisation, or hold a break-the-glass grant.
 */
export function contactFieldsVisible(ctx: AccessContext): SQL {
  const self = sql`${users.id} = ${ctx.userId}`;
  const grant = activeGrantFilter({ ctx, recordType: 'user', idColumn: users.id });
  // Global roles and coordinators see contacts of everyone usersScope already lets them see.
  if (ctx.role === 'admin' || ctx.role === 'dpo' || ctx.role === 'coordinator') return sql`true`;
  return sql`(${self} or ${grant})`;
}
