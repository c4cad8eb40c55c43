import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { storedFiles } from '../storage/storage.sql.js';
import { memberships, services, users } from '../tenancy/tenancy.sql.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * A long export or report, run as a job: its progress (rows done of total), the file it made, and
 * for bulk case data the second person who approved it (ASVS 2.3.5).
 */
export const exportRuns = pgTable(
  'export_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    params: jsonb('params').$type<Record<string, unknown>>().notNull(),
    format: text('format').notNull(),
    /** awaiting_approval, queued, running, ready, failed, refused, downloaded, expired */
    state: text('state').notNull(),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    /**
     * The membership it was asked in: the job reads as that membership while it exists. Emptied,
     * not deleted, when the membership goes, so the run's file is still removed on time.
     */
    membershipId: uuid('membership_id').references(() => memberships.id, { onDelete: 'set null' }),
    serviceId: uuid('service_id').references(() => services.id),
    approvedBy: uuid('approved_by').references(() => users.id),
    decidedAt: ts('decided_at'),
    rowsDone: integer('rows_done').notNull().default(0),
    rowsTotal: integer('rows_total'),
    fileId: uuid('file_id').references(() => storedFiles.id),
    error: text('error'),
    createdAt: ts('created_at').notNull().defaultNow(),
    finishedAt: ts('finished_at'),
    expiresAt: ts('expires_at'),
    downloadedAt: ts('downloaded_at'),
  },
  (t) => [index('export_runs_requester_idx').on(t.requestedBy, t.createdAt)],
);
