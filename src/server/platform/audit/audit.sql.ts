import { sql } from 'drizzle-orm';
import {
  bigint,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

/** The transaction id lets the sealer chain only events whose transaction has ended (ADR 0003). */
const xid8 = customType<{ data: string }>({ dataType: () => 'xid8' });

export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint('id', { mode: 'bigint' }).primaryKey().generatedAlwaysAsIdentity(),
    xid: xid8('xid').notNull().default(sqlDefault('pg_current_xact_id()')),
    occurredAt: timestamp('occurred_at', { withTimezone: true, precision: 3 })
      .notNull()
      .default(sqlDefault('clock_timestamp()')),
    actorUserId: uuid('actor_user_id'),
    actorUsername: text('actor_username'),
    actorRole: text('actor_role'),
    actingServiceId: uuid('acting_service_id'),
    action: text('action').notNull(),
    outcome: text('outcome').notNull(),
    recordType: text('record_type'),
    recordId: text('record_id'),
    purpose: text('purpose'),
    clientIp: text('client_ip'),
    details: jsonb('details').$type<Record<string, unknown>>(),
    chainSeq: bigint('chain_seq', { mode: 'bigint' }).unique(),
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [
    index('audit_events_record_idx').on(t.recordType, t.recordId),
    index('audit_events_actor_idx').on(t.actorUserId, t.occurredAt),
    index('audit_events_occurred_idx').on(t.occurredAt),
    index('audit_events_unsealed_idx').on(t.id).where(sqlDefault('chain_seq is null')),
  ],
);

/** The newest sealed link; verification also checks that nothing after it was cut off. */
export const auditChainHead = pgTable('audit_chain_head', {
  id: integer('id').primaryKey(),
  seq: bigint('seq', { mode: 'bigint' }).notNull(),
  hash: text('hash').notNull(),
  sealedAt: timestamp('sealed_at', { withTimezone: true, precision: 3 }).notNull(),
});

/**
 * A removed segment of the chain (audit retention): events up to `throughSeq` were deleted after
 * their retention period; the last removed link's hash is kept and signed with the checkpoint key,
 * so the chain that remains is verified from here instead of from the genesis hash.
 */
export const auditRetentionCuts = pgTable('audit_retention_cuts', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  throughSeq: bigint('through_seq', { mode: 'bigint' }).notNull().unique(),
  throughHash: text('through_hash').notNull(),
  removedEvents: bigint('removed_events', { mode: 'bigint' }).notNull(),
  olderThan: timestamp('older_than', { withTimezone: true, precision: 3 }).notNull(),
  /** The signed text (JSON), its Ed25519 signature and the key id, as in the checkpoint file. */
  signedText: text('signed_text').notNull(),
  signature: text('signature').notNull(),
  keyId: text('key_id').notNull(),
  cutAt: timestamp('cut_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

function sqlDefault(expression: string) {
  return sql.raw(expression);
}
