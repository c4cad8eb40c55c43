import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../platform/tenancy/tenancy.sql.js';
import { people } from './cases.sql.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * One person registered twice, merged (issue 22, item 7): the duplicate keeps its row and everything
 * that points to it, marked `people.merged_into_id`; the kept record takes the details it lacked.
 * `filled` holds what the kept record had before, so a revert gives both records back as they were.
 */
export const personMerges = pgTable(
  'person_merges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    keptPersonId: uuid('kept_person_id')
      .notNull()
      .references(() => people.id),
    mergedPersonId: uuid('merged_person_id')
      .notNull()
      .references(() => people.id),
    reason: text('reason').notNull(),
    /** Per field taken from the duplicate: the kept record's value before and the value set. */
    filled: jsonb('filled').notNull(),
    mergedBy: uuid('merged_by')
      .notNull()
      .references(() => users.id),
    mergedAt: ts('merged_at').notNull().defaultNow(),
    revertedBy: uuid('reverted_by').references(() => users.id),
    revertedAt: ts('reverted_at'),
    revertReason: text('revert_reason'),
  },
  (t) => [
    index('person_merges_kept_idx').on(t.keptPersonId),
    index('person_merges_merged_idx').on(t.mergedPersonId),
  ],
);
