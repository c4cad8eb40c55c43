import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations, services, users } from '../../platform/tenancy/tenancy.sql.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * A role that reaches case, safety or audit data is granted in two steps: one person asks, a
 * second approves before `expires_at` (docs/security.md, separation of duties). The membership
 * exists only after the approval; row-level security refuses it otherwise.
 */
export const roleGrants = pgTable(
  'role_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    serviceId: uuid('service_id').references(() => services.id),
    /** pending | approved | rejected | cancelled; an expired pending grant stays pending and is refused. */
    status: text('status').notNull().default('pending'),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    requestedAt: ts('requested_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: ts('decided_at'),
    membershipId: uuid('membership_id'),
  },
  (t) => [
    index('role_grants_status_idx').on(t.status, t.expiresAt),
    index('role_grants_user_idx').on(t.userId),
  ],
);
