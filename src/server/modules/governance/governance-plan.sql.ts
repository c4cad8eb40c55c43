import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import {
  ACTIVITY_STATUSES,
  LEGACY_KINDS,
  OBLIGATION_STATUSES,
  PARTNER_ROLES,
  RISK_KINDS,
  RISK_LEVELS,
  RISK_STATUSES,
  WORK_PACKAGES,
} from '../../../contracts/governance-codes.js';
import { inList } from '../../platform/db/in-list.js';
import { districts, organisations, users } from '../../platform/tenancy/tenancy.sql.js';
import { governanceDecisions } from './governance.sql.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * The project plan and its monitoring (issue 21, items 3, 4 and 7): activities and milestones per
 * work package with dates and the responsible partner, status updates, risks and issues, what lasts
 * after the project, and the partner directory. Read by everyone in governance; kept by the
 * coordinators (0045_governance_rls).
 */

export const governanceActivities = pgTable(
  'governance_activities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workPackage: text('work_package').notNull(),
    title: text('title').notNull(),
    responsibleOrganisationId: uuid('responsible_organisation_id').references(() => organisations.id),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    status: text('status').notNull().default('not_started'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('governance_activities_wp_check', inList(t.workPackage, WORK_PACKAGES)),
    check('governance_activities_status_check', inList(t.status, ACTIVITY_STATUSES)),
    check('governance_activities_dates_check', sql`${t.endsOn} >= ${t.startsOn}`),
    index('governance_activities_wp_idx').on(t.workPackage, t.startsOn),
  ],
);

/** Status updates of an activity, newest last; the activity keeps the latest status. */
export const governanceActivityUpdates = pgTable(
  'governance_activity_updates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => governanceActivities.id),
    status: text('status').notNull(),
    note: text('note').notNull(),
    updatedBy: uuid('updated_by')
      .notNull()
      .references(() => users.id),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('governance_activity_updates_status_check', inList(t.status, ACTIVITY_STATUSES)),
    index('governance_activity_updates_activity_idx').on(t.activityId, t.updatedAt),
  ],
);

/** A milestone: due on a date, reached (or not yet) on another; late when due and not reached. */
export const governanceMilestones = pgTable(
  'governance_milestones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workPackage: text('work_package').notNull(),
    title: text('title').notNull(),
    responsibleOrganisationId: uuid('responsible_organisation_id').references(() => organisations.id),
    dueOn: date('due_on').notNull(),
    reachedOn: date('reached_on'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    check('governance_milestones_wp_check', inList(t.workPackage, WORK_PACKAGES)),
    index('governance_milestones_due_idx').on(t.dueOn),
  ],
);

export const governanceRisks = pgTable(
  'governance_risks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    workPackage: text('work_package'),
    title: text('title').notNull(),
    likelihood: text('likelihood').notNull(),
    impact: text('impact').notNull(),
    mitigation: text('mitigation').notNull(),
    ownerId: uuid('owner_id').references(() => users.id),
    status: text('status').notNull().default('open'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('governance_risks_kind_check', inList(t.kind, RISK_KINDS)),
    check(
      'governance_risks_wp_check',
      sql`${t.workPackage} is null or ${inList(t.workPackage, WORK_PACKAGES)}`,
    ),
    check('governance_risks_likelihood_check', inList(t.likelihood, RISK_LEVELS)),
    check('governance_risks_impact_check', inList(t.impact, RISK_LEVELS)),
    check('governance_risks_status_check', inList(t.status, RISK_STATUSES)),
  ],
);

/**
 * What the follow-up unit keeps alive after the project: a continuing action (owner, funding), an
 * innovation adopted into an Ambito's Piano di Zona (the district, the adopting decision), a
 * synergy, a new service, a new community holder.
 */
export const governanceLegacyItems = pgTable(
  'governance_legacy_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    ownerOrganisationId: uuid('owner_organisation_id').references(() => organisations.id),
    funding: text('funding'),
    districtId: uuid('district_id').references(() => districts.id),
    decisionId: uuid('decision_id').references(() => governanceDecisions.id),
    recordedOn: date('recorded_on').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('governance_legacy_items_kind_check', inList(t.kind, LEGACY_KINDS)),
    check(
      'governance_legacy_items_adoption_check',
      sql`${t.kind} <> 'adoption' or ${t.districtId} is not null`,
    ),
    index('governance_legacy_items_kind_idx').on(t.kind, t.recordedOn),
  ],
);

/** The partner directory: each partner organisation's role in each work package. */
export const governancePartnerRoles = pgTable(
  'governance_partner_roles',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    workPackage: text('work_package').notNull(),
    role: text('role').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.workPackage] }),
    check('governance_partner_roles_wp_check', inList(t.workPackage, WORK_PACKAGES)),
    check('governance_partner_roles_role_check', inList(t.role, PARTNER_ROLES)),
  ],
);

/** A partner's contact person (identifying data: names, addresses). */
export const governancePartnerContacts = pgTable(
  'governance_partner_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    position: text('position'),
    email: text('email'),
    phone: text('phone'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('governance_partner_contacts_org_idx').on(t.organisationId)],
);

/** What the project agreement obliges a partner to do, and whether it is met. */
export const governanceObligations = pgTable(
  'governance_obligations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    text: text('text').notNull(),
    dueOn: date('due_on'),
    status: text('status').notNull().default('open'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    check('governance_obligations_status_check', inList(t.status, OBLIGATION_STATUSES)),
    index('governance_obligations_org_idx').on(t.organisationId),
  ],
);
