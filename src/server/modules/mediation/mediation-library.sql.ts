import { sql } from 'drizzle-orm';
import {
  check,
  index,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  GLOSSARY_DOMAINS,
  MATERIAL_KINDS,
  MATERIAL_VERSION_STATUSES,
} from '../../../contracts/mediation-library.js';
import { inList } from '../../platform/db/in-list.js';
import { languages, services, users } from '../../platform/tenancy/tenancy.sql.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * The intercultural communication unit's library (issue 18, item 7): materials kept by a mediation
 * service, with versions per language approved by a second person, and a shared glossary.
 */
export const mediationMaterials = pgTable(
  'mediation_materials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerServiceId: uuid('owner_service_id')
      .notNull()
      .references(() => services.id),
    title: text('title').notNull(),
    kind: text('kind').notNull(),
    summary: text('summary'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('mediation_materials_kind_check', inList(t.kind, MATERIAL_KINDS)),
    index('mediation_materials_owner_idx').on(t.ownerServiceId, t.title),
  ],
);

export const mediationMaterialVersions = pgTable(
  'mediation_material_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    materialId: uuid('material_id')
      .notNull()
      .references(() => mediationMaterials.id),
    language: text('language')
      .notNull()
      .references(() => languages.code),
    version: smallint('version').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    status: text('status').notNull().default('draft'),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    reviewerId: uuid('reviewer_id').references(() => users.id),
    reviewComment: text('review_comment'),
    approvedAt: ts('approved_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    check('mediation_material_versions_status_check', inList(t.status, MATERIAL_VERSION_STATUSES)),
    // Approved by a second person: never by the version's own author.
    check(
      'mediation_material_versions_four_eyes_check',
      sql`${t.status} not in ('approved', 'retired') or (${t.reviewerId} is not null and ${t.reviewerId} <> ${t.authorId})`,
    ),
    uniqueIndex('mediation_material_versions_number_idx').on(t.materialId, t.language, t.version),
    // At most one version per language in use.
    uniqueIndex('mediation_material_versions_approved_idx')
      .on(t.materialId, t.language)
      .where(sql`status = 'approved'`),
  ],
);

export const glossaryTerms = pgTable(
  'glossary_terms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    term: text('term').notNull(),
    domain: text('domain').notNull(),
    definition: text('definition'),
    updatedBy: uuid('updated_by')
      .notNull()
      .references(() => users.id),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('glossary_terms_domain_check', inList(t.domain, GLOSSARY_DOMAINS)),
    uniqueIndex('glossary_terms_term_idx').on(sql`lower(${t.term})`),
  ],
);

export const glossaryTranslations = pgTable(
  'glossary_translations',
  {
    termId: uuid('term_id')
      .notNull()
      .references(() => glossaryTerms.id, { onDelete: 'cascade' }),
    language: text('language')
      .notNull()
      .references(() => languages.code),
    translation: text('translation').notNull(),
    note: text('note'),
  },
  (t) => [
    primaryKey({ columns: [t.termId, t.language] }),
    index('glossary_translations_language_idx').on(t.language),
  ],
);
