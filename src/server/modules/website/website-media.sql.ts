import { check, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { SITE_LANGUAGES } from '../../../contracts/website.js';
import { inList } from '../../platform/db/in-list.js';
import { storedFiles } from '../../platform/storage/storage.sql.js';
import { users } from '../../platform/tenancy/tenancy.sql.js';
import { sitePages } from './website.sql.js';

const ts = (name: string) => timestamp(name, { withTimezone: true });

/** An image of the media library (issue 24, item 3): the original as uploaded, and its size. */
export const siteMedia = pgTable('site_media', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  originalFileId: uuid('original_file_id')
    .notNull()
    .references(() => storedFiles.id),
  width: integer('width').notNull(),
  height: integer('height').notNull(),
  createdBy: uuid('created_by')
    .notNull()
    .references(() => users.id),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** Its resized copies (WebP), one per width of MEDIA_WIDTHS not larger than the original. */
export const siteMediaVariants = pgTable(
  'site_media_variants',
  {
    mediaId: uuid('media_id')
      .notNull()
      .references(() => siteMedia.id, { onDelete: 'cascade' }),
    width: integer('width').notNull(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFiles.id),
  },
  (t) => [primaryKey({ columns: [t.mediaId, t.width] })],
);

/** Its alternative text per language. */
export const siteMediaAlts = pgTable(
  'site_media_alts',
  {
    mediaId: uuid('media_id')
      .notNull()
      .references(() => siteMedia.id, { onDelete: 'cascade' }),
    lang: text('lang').notNull(),
    alt: text('alt').notNull(),
    updatedBy: uuid('updated_by')
      .notNull()
      .references(() => users.id),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.mediaId, t.lang] }),
    check('site_media_alts_lang_known', inList(t.lang, SITE_LANGUAGES)),
  ],
);

/**
 * Which published pages show which images, rewritten at each publication: an image is public only
 * while a published page shows it, and is not deleted while one does.
 */
export const siteMediaUses = pgTable(
  'site_media_uses',
  {
    pageId: uuid('page_id')
      .notNull()
      .references(() => sitePages.id, { onDelete: 'cascade' }),
    mediaId: uuid('media_id')
      .notNull()
      .references(() => siteMedia.id),
  },
  (t) => [primaryKey({ columns: [t.pageId, t.mediaId] }), index('site_media_uses_media').on(t.mediaId)],
);
