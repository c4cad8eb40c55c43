import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * One row per e-mail that left: the mail job looks here before sending, so a job retried after a
 * crash never sends the same event's mail twice (the key is the event's, not the job's).
 */
export const mailDeliveries = pgTable('mail_deliveries', {
  key: text('key').primaryKey(),
  messageId: text('message_id').notNull(),
  sentAt: ts('sent_at').notNull().defaultNow(),
});
