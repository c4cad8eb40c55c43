import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * Who works where. These tables are platform, not a module: every access policy is built from
 * memberships, so the mechanism must own them. Field classes are declared in field-classes.ts.
 */
export const districts = pgTable('districts', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  managingBody: text('managing_body'),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

export const municipalities = pgTable(
  'municipalities',
  {
    istatCode: text('istat_code').primaryKey(),
    name: text('name').notNull(),
    cadastralCode: text('cadastral_code').notNull().unique(),
    districtId: uuid('district_id').references(() => districts.id),
    population: integer('population'),
    populationYear: integer('population_year'),
    /** The comune's centre (WGS84), for travel distances (db/reference/comuni_centroids.csv). */
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
  },
  (t) => [index('municipalities_district_idx').on(t.districtId)],
);

export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  districtId: uuid('district_id').references(() => districts.id),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

export const services = pgTable(
  'services',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    districtId: uuid('district_id').references(() => districts.id),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index('services_organisation_idx').on(t.organisationId)],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    email: text('email'),
    phone: text('phone'),
    locale: text('locale').notNull().default('it'),
    /** How the user is addressed in Italian: "Operatrice"/"Operatore", "Benvenuta"/"Benvenuto" (or neutral). */
    addressForm: text('address_form').notNull().default('neutral'),
    passwordHash: text('password_hash'),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true, precision: 3 }),
    /** TOTP secret, encrypted with the field-encryption key (platform/crypto). */
    mfaSecret: text('mfa_secret'),
    mfaEnrolledAt: timestamp('mfa_enrolled_at', { withTimezone: true, precision: 3 }),
    /** A TOTP code is accepted once: the last accepted time step is kept (replay, ASVS 6.5.1). */
    mfaLastStep: integer('mfa_last_step'),
    disabledAt: timestamp('disabled_at', { withTimezone: true, precision: 3 }),
    demo: boolean('demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_email_lower_idx').on(sql`lower(${t.email})`),
    check('users_address_form_check', sql`${t.addressForm} in ('feminine', 'masculine', 'neutral')`),
  ],
);

export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    serviceId: uuid('service_id').references(() => services.id),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    unique('memberships_unique').on(t.userId, t.role, t.organisationId, t.serviceId).nullsNotDistinct(),
    index('memberships_user_idx').on(t.userId),
    index('memberships_service_idx').on(t.serviceId),
    index('memberships_organisation_idx').on(t.organisationId),
  ],
);

export const countries = pgTable('countries', {
  code: text('code').primaryKey(),
  nameIt: text('name_it').notNull(),
  nameEn: text('name_en').notNull(),
  euMember: boolean('eu_member').notNull(),
});

export const languages = pgTable('languages', {
  code: text('code').primaryKey(),
  nameIt: text('name_it').notNull(),
  nameEn: text('name_en').notNull(),
  rtl: boolean('rtl').notNull().default(false),
});
