import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { COMM_AUDIENCES, COMM_CHANNELS } from '../../../contracts/website-plan.js';
import { inList } from '../../platform/db/in-list.js';
import { users } from '../../platform/tenancy/tenancy.sql.js';
import { sitePages } from './website.sql.js';

const ts = (name: string) => timestamp(name, { withTimezone: true });

/**
 * An action of the communication plan (issue 24, item 6): what the editorial team does on which
 * channel for which audience, when; once done, when and how many people it reached.
 */
export const siteCommActions = pgTable(
  'site_comm_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    plannedOn: date('planned_on').notNull(),
    channel: text('channel').notNull(),
    audience: text('audience').notNull(),
    languages: text('languages').array().notNull(),
    pageId: uuid('page_id').references(() => sitePages.id, { onDelete: 'set null' }),
    note: text('note').notNull().default(''),
    doneOn: date('done_on'),
    reach: integer('reach'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    updatedBy: uuid('updated_by')
      .notNull()
      .references(() => users.id),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('site_comm_actions_channel_known', inList(t.channel, COMM_CHANNELS)),
    check('site_comm_actions_audience_known', inList(t.audience, COMM_AUDIENCES)),
    check(
      'site_comm_actions_reach',
      sql`${t.reach} is null or (${t.reach} >= 0 and ${t.doneOn} is not null)`,
    ),
    index('site_comm_actions_planned').on(t.plannedOn),
    index('site_comm_actions_done').on(t.doneOn),
  ],
);
