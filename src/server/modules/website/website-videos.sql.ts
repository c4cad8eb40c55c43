import { sql } from 'drizzle-orm';
import {
  check,
  customType,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { WORK_PACKAGES } from '../../../contracts/governance-codes.js';
import { SITE_LANGUAGES } from '../../../contracts/website.js';
import { VIDEO_TRACK_KINDS } from '../../../contracts/website-videos.js';
import { inList } from '../../platform/db/in-list.js';
import { storedFiles } from '../../platform/storage/storage.sql.js';
import { users } from '../../platform/tenancy/tenancy.sql.js';
import { sitePages } from './website.sql.js';

const ts = (name: string) => timestamp(name, { withTimezone: true });
const regconfig = customType<{ data: string }>({ dataType: () => 'regconfig' });
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * A chapter of the video manual: the site page of kind `video` it belongs to, what it shows, and
 * the files and check being worked on. Nothing here is public: publication copies what the public
 * may read into `site_video_public*`.
 */
export const siteVideos = pgTable(
  'site_videos',
  {
    pageId: uuid('page_id')
      .primaryKey()
      .references(() => sitePages.id, { onDelete: 'cascade' }),
    workPackage: text('work_package').notNull(),
    practice: text('practice').notNull(),
    chapterNumber: integer('chapter_number').notNull(),
    videoFileId: uuid('video_file_id').references(() => storedFiles.id),
    videoUploadedBy: uuid('video_uploaded_by').references(() => users.id),
    videoUploadedAt: ts('video_uploaded_at'),
    posterFileId: uuid('poster_file_id').references(() => storedFiles.id),
    posterUploadedBy: uuid('poster_uploaded_by').references(() => users.id),
    posterUploadedAt: ts('poster_uploaded_at'),
    /** The editor who watched the video and confirmed nobody vulnerable can be recognised. */
    checkedBy: uuid('checked_by').references(() => users.id),
    checkedAt: ts('checked_at'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('site_videos_work_package_known', inList(t.workPackage, WORK_PACKAGES)),
    check('site_videos_chapter_number', sql`${t.chapterNumber} between 1 and 99`),
    // The check is a second pair of eyes: never the editor who uploaded the video.
    check(
      'site_videos_check_by_another',
      sql`${t.checkedBy} is null or ${t.checkedBy} <> ${t.videoUploadedBy}`,
    ),
  ],
);

/** A text track being worked on: WebVTT per language and kind. */
export const siteVideoTracks = pgTable(
  'site_video_tracks',
  {
    pageId: uuid('page_id')
      .notNull()
      .references(() => siteVideos.pageId, { onDelete: 'cascade' }),
    lang: text('lang').notNull(),
    kind: text('kind').notNull(),
    vtt: text('vtt').notNull(),
    cueCount: integer('cue_count').notNull(),
    updatedBy: uuid('updated_by')
      .notNull()
      .references(() => users.id),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.pageId, t.lang, t.kind] }),
    check('site_video_tracks_lang_known', inList(t.lang, SITE_LANGUAGES)),
    check('site_video_tracks_kind_known', inList(t.kind, VIDEO_TRACK_KINDS)),
  ],
);

/** The release signed by a person filmed; the name stays in the editorial team. */
export const siteVideoReleases = pgTable(
  'site_video_releases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pageId: uuid('page_id')
      .notNull()
      .references(() => siteVideos.pageId, { onDelete: 'cascade' }),
    personName: text('person_name').notNull(),
    personRole: text('person_role').notNull(),
    fileId: uuid('file_id').references(() => storedFiles.id),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: ts('recorded_at').notNull().defaultNow(),
  },
  (t) => [index('site_video_releases_page').on(t.pageId)],
);

/** What the public reads of a published chapter: its video and poster. */
export const siteVideoPublic = pgTable('site_video_public', {
  pageId: uuid('page_id')
    .primaryKey()
    .references(() => sitePages.id, { onDelete: 'cascade' }),
  videoFileId: uuid('video_file_id')
    .notNull()
    .references(() => storedFiles.id),
  posterFileId: uuid('poster_file_id').references(() => storedFiles.id),
  workPackage: text('work_package').notNull(),
  practice: text('practice').notNull(),
  chapterNumber: integer('chapter_number').notNull(),
  publishedAt: ts('published_at').notNull().defaultNow(),
});

/** The published tracks, as served to the player. */
export const siteVideoPublicTracks = pgTable(
  'site_video_public_tracks',
  {
    pageId: uuid('page_id')
      .notNull()
      .references(() => siteVideoPublic.pageId, { onDelete: 'cascade' }),
    lang: text('lang').notNull(),
    kind: text('kind').notNull(),
    vtt: text('vtt').notNull(),
  },
  (t) => [primaryKey({ columns: [t.pageId, t.lang, t.kind] })],
);

/**
 * Every line of the published subtitles and descriptions, for the search across transcripts: each
 * indexed with its language's dictionary where PostgreSQL has one (`simple` otherwise).
 */
export const siteVideoCues = pgTable(
  'site_video_cues',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pageId: uuid('page_id')
      .notNull()
      .references(() => siteVideoPublic.pageId, { onDelete: 'cascade' }),
    lang: text('lang').notNull(),
    kind: text('kind').notNull(),
    startMs: integer('start_ms').notNull(),
    text: text('text').notNull(),
    dictionary: regconfig('dictionary').notNull(),
    search: tsvector('search').notNull().generatedAlwaysAs(sql`to_tsvector(dictionary, text)`),
  },
  (t) => [index('site_video_cues_search').using('gin', t.search)],
);
