import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { FUNDER_KINDS, OPPORTUNITY_STAGES } from '../../../contracts/governance-codes.js';
import { inList } from '../../platform/db/in-list.js';
import { users } from '../../platform/tenancy/tenancy.sql.js';
import { communityHolders, communityResources } from '../community/community.sql.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * The fundraising plan (issue 21, items 5 and 6): funders and donors (who never have an account),
 * opportunities through a pipeline, campaigns with goals. Money received becomes a line of the
 * community module's complementary-resources ledger (`resource_id`). Read and kept by the
 * coordinators and the fundraisers (0045_governance_rls).
 */

export const governanceFunders = pgTable(
  'governance_funders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    /** A foundation's, a company's or a person's name: identifying. */
    name: text('name').notNull(),
    /** A community holder that gives: the community module's own record. */
    holderId: uuid('holder_id').references(() => communityHolders.id),
    contactName: text('contact_name'),
    contactEmail: text('contact_email'),
    notes: text('notes'),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    check('governance_funders_kind_check', inList(t.kind, FUNDER_KINDS)),
    check(
      'governance_funders_holder_check',
      sql`${t.kind} <> 'community_holder' or ${t.holderId} is not null`,
    ),
  ],
);

/** A campaign with a money goal; its progress is what its opportunities received. */
export const governanceCampaigns = pgTable('governance_campaigns', {
  id: uuid('id').primaryKey().defaultRandom(),
  title: text('title').notNull(),
  goalCents: bigint('goal_cents', { mode: 'number' }).notNull(),
  startsOn: date('starts_on').notNull(),
  endsOn: date('ends_on').notNull(),
  createdBy: uuid('created_by')
    .notNull()
    .references(() => users.id),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/**
 * An opportunity: a funder, a stage of the pipeline, the amounts asked, pledged and received, a
 * call's deadline, what the funding will pay for; its documents are stored files of record type
 * `governance_opportunity`.
 */
export const governanceOpportunities = pgTable(
  'governance_opportunities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    funderId: uuid('funder_id')
      .notNull()
      .references(() => governanceFunders.id),
    campaignId: uuid('campaign_id').references(() => governanceCampaigns.id),
    title: text('title').notNull(),
    stage: text('stage').notNull().default('identified'),
    askedCents: bigint('asked_cents', { mode: 'number' }).notNull(),
    pledgedCents: bigint('pledged_cents', { mode: 'number' }),
    receivedCents: bigint('received_cents', { mode: 'number' }),
    deadlineOn: date('deadline_on'),
    expectedOn: date('expected_on'),
    receivedOn: date('received_on'),
    /** The deadline its owner was last reminded of: a deadline moved is a new reminder, never two. */
    deadlineRemindedOn: date('deadline_reminded_on'),
    paysFor: text('pays_for').notNull(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id),
    /** The complementary-resources ledger's line for the money received. */
    resourceId: uuid('resource_id').references(() => communityResources.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('governance_opportunities_stage_check', inList(t.stage, OPPORTUNITY_STAGES)),
    check(
      'governance_opportunities_amounts_check',
      sql`${t.askedCents} >= 0 and coalesce(${t.pledgedCents}, 0) >= 0 and coalesce(${t.receivedCents}, 0) >= 0`,
    ),
    check(
      'governance_opportunities_pledged_check',
      sql`${t.stage} not in ('pledged', 'received') or ${t.pledgedCents} is not null`,
    ),
    check(
      'governance_opportunities_received_check',
      sql`(${t.stage} = 'received') = (${t.receivedCents} is not null and ${t.receivedOn} is not null)`,
    ),
    index('governance_opportunities_stage_idx').on(t.stage, t.deadlineOn),
    index('governance_opportunities_funder_idx').on(t.funderId),
  ],
);

/** Every move of an opportunity through the pipeline, for its history and the conversion rate. */
export const governanceOpportunityMoves = pgTable(
  'governance_opportunity_moves',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    opportunityId: uuid('opportunity_id')
      .notNull()
      .references(() => governanceOpportunities.id),
    fromStage: text('from_stage'),
    toStage: text('to_stage').notNull(),
    movedBy: uuid('moved_by')
      .notNull()
      .references(() => users.id),
    movedAt: ts('moved_at').notNull().defaultNow(),
  },
  (t) => [
    check('governance_opportunity_moves_stage_check', inList(t.toStage, OPPORTUNITY_STAGES)),
    index('governance_opportunity_moves_opp_idx').on(t.opportunityId, t.movedAt),
  ],
);

/** The partnership's settings for valuing resources: one row. */
export const governanceSettings = pgTable(
  'governance_settings',
  {
    id: boolean('id').primaryKey().default(true),
    volunteerHourCents: integer('volunteer_hour_cents').notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('governance_settings_one_row_check', sql`${t.id}`),
    check('governance_settings_rate_check', sql`${t.volunteerHourCents} > 0`),
  ],
);
