/**
 * The codes and limits of the partnership's governance (WP6, issue 21): committees and their
 * meetings, minutes, decisions and actions; the project plan; what lasts after the project; the
 * fundraising plan; the partner directory. Shared by the contracts and the database's checks.
 */

/** The steering committee (cabina di regia), the permanent follow-up unit and any working group. */
export const COMMITTEE_KINDS = ['steering', 'follow_up', 'working_group'] as const;
export type TCommitteeKind = (typeof COMMITTEE_KINDS)[number];
/** A member's part in a committee: the chair approves the minutes, the secretary drafts them. */
export const COMMITTEE_ROLES = ['chair', 'secretary', 'member'] as const;
export type TCommitteeRole = (typeof COMMITTEE_ROLES)[number];

export const MEETING_STATUSES = ['planned', 'held', 'cancelled'] as const;
export const ATTENDANCE_STATES = ['present', 'absent', 'excused'] as const;

/**
 * A version of a meeting's minutes: drafted by the secretary, circulated to the members, approved
 * by the chair (at the next meeting); an approved version is frozen, a correction is a new version.
 */
export const MINUTES_STATUSES = ['draft', 'circulated', 'approved'] as const;
export type TMinutesStatus = (typeof MINUTES_STATUSES)[number];

export const ACTION_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export type TActionStatus = (typeof ACTION_STATUSES)[number];
/** Reminders to an action's owner: this many days before its due date, and the day after it. */
export const ACTION_REMINDER_DAYS_BEFORE = 3;

/** The project's seven work packages (MISSION.md), shown as WP1…WP7. */
export const WORK_PACKAGES = ['wp1', 'wp2', 'wp3', 'wp4', 'wp5', 'wp6', 'wp7'] as const;
export type TWorkPackage = (typeof WORK_PACKAGES)[number];
export const ACTIVITY_STATUSES = ['not_started', 'on_track', 'delayed', 'done'] as const;
export type TActivityStatus = (typeof ACTIVITY_STATUSES)[number];
export const RISK_KINDS = ['risk', 'issue'] as const;
export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export const RISK_STATUSES = ['open', 'mitigated', 'closed'] as const;
export const PARTNER_ROLES = ['lead', 'partner'] as const;
export const OBLIGATION_STATUSES = ['open', 'met'] as const;

/**
 * What the follow-up unit records so the system lasts: an action that continues after the
 * project (with its owner and funding), an innovation adopted into an Ambito's Piano di Zona (with
 * the decision that adopted it), a synergy with another programme or call, a new service, a new
 * community holder joined.
 */
export const LEGACY_KINDS = ['continuation', 'adoption', 'synergy', 'new_service', 'new_holder'] as const;
export type TLegacyKind = (typeof LEGACY_KINDS)[number];

/** Funders and donors never have an account. */
export const FUNDER_KINDS = [
  'foundation',
  'company',
  'public_call',
  'individual',
  'community_holder',
] as const;
export type TFunderKind = (typeof FUNDER_KINDS)[number];
/** The pipeline: identified → approached → application sent → pledged → received / lost. */
export const OPPORTUNITY_STAGES = [
  'identified',
  'approached',
  'applied',
  'pledged',
  'received',
  'lost',
] as const;
export type TOpportunityStage = (typeof OPPORTUNITY_STAGES)[number];
/** The stages an opportunity may move to from each stage (lost is reachable until received). */
export const OPPORTUNITY_NEXT: Record<TOpportunityStage, readonly TOpportunityStage[]> = {
  identified: ['approached', 'applied', 'lost'],
  approached: ['applied', 'pledged', 'lost'],
  applied: ['pledged', 'lost'],
  pledged: ['received', 'lost'],
  received: [],
  lost: [],
};
/** Reminders before a call's deadline. */
export const DEADLINE_REMINDER_DAYS_BEFORE = 7;

/** The default value of a volunteer hour (euro cents) until the coordinators set another. */
export const DEFAULT_VOLUNTEER_HOUR_CENTS = 1800;

export const GOVERNANCE_LIMITS = {
  name: 200,
  title: 300,
  text: 4000,
  minutesItem: 20_000,
  agendaItems: 40,
  members: 60,
  amountCents: 1_000_000_000,
  quorum: 60,
  reason: 1000,
} as const;
