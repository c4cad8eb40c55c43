import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  SITE_ACTIONS,
  SITE_CATEGORIES,
  SITE_LANGUAGES,
  SITE_PAGE_KINDS,
  SITE_STATES,
} from '../../../contracts/website.js';
import { inList } from '../../platform/db/in-list.js';
import { users } from '../../platform/tenancy/tenancy.sql.js';

const ts = (name: string) => timestamp(name, { withTimezone: true });

/**
 * A page of the public site: its place (slug, kind, tree, menu), its category and where it is in
 * the editorial workflow. Its text is in `site_page_versions`; what the public reads is only what
 * `site_publications` points at, so a draft is never reachable from a public path.
 */
export const sitePages = pgTable(
  'site_pages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    slug: text('slug').notNull(),
    category: text('category').notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => sitePages.id),
    menuOrder: integer('menu_order'),
    state: text('state').notNull().default('draft'),
    publishAt: ts('publish_at'),
    publishedAt: ts('published_at'),
    /** The editor who sent the page to review, and the one who approved it (a sensitive page: another). */
    submittedBy: uuid('submitted_by').references(() => users.id),
    approvedBy: uuid('approved_by').references(() => users.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    unique('site_pages_slug').on(t.kind, t.slug),
    check('site_pages_kind_known', inList(t.kind, SITE_PAGE_KINDS)),
    check('site_pages_category_known', inList(t.category, SITE_CATEGORIES)),
    check('site_pages_state_known', inList(t.state, SITE_STATES)),
    check('site_pages_scheduled_has_time', sql`${t.state} <> 'scheduled' or ${t.publishAt} is not null`),
    index('site_pages_due').on(t.publishAt).where(sql`${t.state} = 'scheduled'`),
  ],
);

/** Every saved text of a page in one language, numbered; never changed once written. */
export const sitePageVersions = pgTable(
  'site_page_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pageId: uuid('page_id')
      .notNull()
      .references(() => sitePages.id, { onDelete: 'cascade' }),
    lang: text('lang').notNull(),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    /** Sanitised HTML. */
    body: text('body').notNull(),
    /** The text a reader shares with the item's link (item 6); the title when empty. */
    share: text('share').notNull().default(''),
    /** For a translation, the number of the Italian version it was made from. */
    basedOn: integer('based_on'),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    unique('site_page_versions_number').on(t.pageId, t.lang, t.number),
    check('site_page_versions_lang_known', inList(t.lang, SITE_LANGUAGES)),
  ],
);

/** The version of each language the public reads. */
export const sitePublications = pgTable(
  'site_publications',
  {
    pageId: uuid('page_id')
      .notNull()
      .references(() => sitePages.id, { onDelete: 'cascade' }),
    lang: text('lang').notNull(),
    versionId: uuid('version_id')
      .notNull()
      .references(() => sitePageVersions.id),
    publishedAt: ts('published_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.pageId, t.lang] })],
);

/** Who moved a page through the workflow, when, and why. */
export const sitePageTransitions = pgTable(
  'site_page_transitions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pageId: uuid('page_id')
      .notNull()
      .references(() => sitePages.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    fromState: text('from_state').notNull(),
    toState: text('to_state').notNull(),
    note: text('note'),
    byId: uuid('by_id').references(() => users.id),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [
    check('site_page_transitions_action_known', inList(t.action, SITE_ACTIONS)),
    index('site_page_transitions_page').on(t.pageId, t.at),
  ],
);

/**
 * A service of the network for "where to get help": name, phone, hours, languages and comune —
 * never a street address. Published only by an editor other than the last one who changed it.
 */
export const siteHelpServices = pgTable(
  'site_help_services',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    phone: text('phone').notNull(),
    hours: text('hours').notNull(),
    languages: text('languages').array().notNull(),
    municipality: text('municipality').notNull(),
    menuOrder: integer('menu_order').notNull().default(0),
    published: boolean('published').notNull().default(false),
    updatedBy: uuid('updated_by')
      .notNull()
      .references(() => users.id),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [check('site_help_services_municipality', sql`${t.municipality} ~ '^[0-9]{6}$'`)],
);
