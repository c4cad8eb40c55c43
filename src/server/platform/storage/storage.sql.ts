import { sql } from 'drizzle-orm';
import { bigint, check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { services, users } from '../tenancy/tenancy.sql.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * A stored document or medium. The bytes live on disk or in an S3-compatible store, encrypted
 * with a data key; this row says what it is, whose it is and how long it may be kept.
 */
export const storedFiles = pgTable(
  'stored_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The module and record the file belongs to; its access follows the record's. */
    module: text('module').notNull(),
    recordType: text('record_type').notNull(),
    recordId: uuid('record_id'),
    /** ordinary, special (art. 9/10 GDPR) or safety: decides who may read it, like field classes. */
    dataClass: text('data_class').notNull(),
    retentionClass: text('retention_class').notNull(),
    /** The file's name, sealed: "denuncia_<name>.pdf" says too much on its own. */
    nameSealed: text('name_sealed').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    /** Where the encrypted bytes are in the store, and the data key that sealed them. */
    storageKey: text('storage_key').notNull(),
    keyId: text('key_id').notNull(),
    /**
     * The file's own random data key, sealed with the keyring (field crypto, context
     * stored_files.data_key:<id>). Set to null when the file is deleted: the bytes left in a store
     * or a backup can then never be read again (crypto-shredding).
     */
    dataKeySealed: text('data_key_sealed'),
    serviceId: uuid('service_id').references(() => services.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    deletedAt: ts('deleted_at'),
  },
  (t) => [
    index('stored_files_record_idx').on(t.module, t.recordType, t.recordId),
    // The same list as FILE_DATA_CLASSES (storage/file-kinds.ts).
    check('stored_files_data_class_check', sql`${t.dataClass} in ('ordinary', 'special', 'safety')`),
  ],
);

/** A short-lived, single-use download link; only its hash is kept. */
export const fileLinks = pgTable('file_links', {
  tokenHash: text('token_hash').primaryKey(),
  fileId: uuid('file_id')
    .notNull()
    .references(() => storedFiles.id, { onDelete: 'cascade' }),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  expiresAt: ts('expires_at').notNull(),
  usedAt: ts('used_at'),
});
