import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  time,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { storedFiles } from '../../platform/storage/storage.sql.js';
import { users } from '../../platform/tenancy/tenancy.sql.js';
import { communityEvents } from '../community/community.sql.js';
import { sitePages } from './website.sql.js';

const ts = (name: string) => timestamp(name, { withTimezone: true });

/**
 * A conference (issue 24, item 5): the site page of kind `conference` and the community event it
 * is, whose registration and survey the public uses. Nothing here is public: publication copies
 * what the public may read into `site_conference_public`.
 */
export const siteConferences = pgTable('site_conferences', {
  pageId: uuid('page_id')
    .primaryKey()
    .references(() => sitePages.id, { onDelete: 'cascade' }),
  eventId: uuid('event_id').references(() => communityEvents.id, { onDelete: 'set null' }),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** A speaker, listed only with their consent (how it was given, who recorded it, when). */
export const siteConferenceSpeakers = pgTable(
  'site_conference_speakers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pageId: uuid('page_id')
      .notNull()
      .references(() => siteConferences.pageId, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    role: text('role'),
    consentNote: text('consent_note').notNull(),
    consentRecordedBy: uuid('consent_recorded_by')
      .notNull()
      .references(() => users.id),
    consentRecordedAt: ts('consent_recorded_at').notNull().defaultNow(),
  },
  (t) => [index('site_conference_speakers_page_idx').on(t.pageId)],
);

/** A line of the programme: a day, Rome's wall-clock times, a title per language, its speakers. */
export const siteConferenceItems = pgTable(
  'site_conference_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pageId: uuid('page_id')
      .notNull()
      .references(() => siteConferences.pageId, { onDelete: 'cascade' }),
    day: date('day').notNull(),
    starts: time('starts').notNull(),
    ends: time('ends'),
    titles: jsonb('titles').$type<Record<string, string>>().notNull(),
    speakerIds: uuid('speaker_ids').array().notNull().default(sql`'{}'`),
    updatedBy: uuid('updated_by')
      .notNull()
      .references(() => users.id),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('site_conference_items_page_idx').on(t.pageId),
    check('site_conference_items_times', sql`${t.ends} is null or ${t.ends} > ${t.starts}`),
    check('site_conference_items_title_it', sql`${t.titles} ? 'it'`),
  ],
);

/** After the event: a document (a PDF of the platform's storage) or a recording (a video chapter). */
export const siteConferenceMaterials = pgTable(
  'site_conference_materials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pageId: uuid('page_id')
      .notNull()
      .references(() => siteConferences.pageId, { onDelete: 'cascade' }),
    title: text('title'),
    fileId: uuid('file_id').references(() => storedFiles.id),
    videoPageId: uuid('video_page_id').references(() => sitePages.id, { onDelete: 'cascade' }),
    sortOrder: integer('sort_order').notNull().default(0),
    addedBy: uuid('added_by')
      .notNull()
      .references(() => users.id),
    addedAt: ts('added_at').notNull().defaultNow(),
  },
  (t) => [
    index('site_conference_materials_page_idx').on(t.pageId),
    // A document has its file and title; a recording has its chapter, whose title it shows.
    check(
      'site_conference_materials_one_kind',
      sql`(${t.fileId} is not null and ${t.title} is not null and ${t.videoPageId} is null)
          or (${t.fileId} is null and ${t.videoPageId} is not null)`,
    ),
  ],
);

/**
 * What the public reads of a published conference: the event, programme, speakers and materials
 * as they were when the page was published (a later change waits for the next publication).
 */
export const siteConferencePublic = pgTable('site_conference_public', {
  pageId: uuid('page_id')
    .primaryKey()
    .references(() => sitePages.id, { onDelete: 'cascade' }),
  eventId: uuid('event_id').references(() => communityEvents.id, { onDelete: 'set null' }),
  content: jsonb('content').notNull(),
  publishedAt: ts('published_at').notNull().defaultNow(),
});
