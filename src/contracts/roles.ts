import { z } from 'zod';

/** Roles are held through memberships; only admin and dpo are global, the rest are scoped. */
export const ZRoleSchema = z.enum([
  'admin',
  'coordinator',
  'practitioner',
  'clinician',
  'mediator',
  'trainer',
  'editor',
  'researcher',
  'dpo',
  // Pays rent support: budgets, payment orders and the ledger, never a plan's content (issue 20).
  'finance',
  // Keeps the fundraising plan: funders, opportunities, campaigns; donors never have an account (issue 21).
  'fundraiser',
]);
export type TRole = z.infer<typeof ZRoleSchema>;

export const GLOBAL_ROLES: readonly TRole[] = ['admin', 'dpo'];

/** Roles that can reach case data or the audit trail must use two-factor authentication. */
export const MFA_REQUIRED_ROLES: readonly TRole[] = [
  'admin',
  'dpo',
  'coordinator',
  'practitioner',
  'clinician',
  'mediator',
  'researcher',
  // Reads a private landlord's identity and IBAN (safety fields) to pay rent support.
  'finance',
];

/**
 * Roles that reach case data, safety data or the audit trail (and admin, which grants roles): a
 * membership in one of them needs a second person's approval (separation of duties,
 * docs/security.md). The database holds the same list (trama_role_needs_second_person).
 */
export const SECOND_PERSON_ROLES: readonly TRole[] = MFA_REQUIRED_ROLES;

/** How long a requested role waits for its second person before it lapses. */
export const ROLE_GRANT_TTL_HOURS = 48;

/**
 * Permissions are what routes declare. The server maps roles to permissions
 * (src/server/platform/access/permissions.ts); the web app only reads the list it is given.
 */
export const ZPermissionSchema = z.enum([
  'structure.read',
  'structure.write',
  'users.read',
  'users.write',
  'sessions.revoke',
  'roles.approve',
  'audit.read',
  // Privacy operations (issue 23): the DPO manages; the admin reads the retention settings.
  'privacy.manage',
  'privacy.retention.read',
  'break-glass.request',
  'break-glass.review',
  'api-docs.read',
  'incidents.record',
  'observatory.read',
  'households.read',
  'households.write',
  'referrals.send',
  'referrals.answer',
  'consent.override',
  'cases.read',
  'cases.write',
  'cases.supervise',
  'sessions.attend',
  'research.export',
  'research.sessions',
  'jobs.manage',
  'identity-providers.manage',
  'identity-providers.review',
  'training.browse',
  'training.manage',
  'training.enrol',
  'training.dashboard',
  'mediation.request',
  'mediation.coordinate',
  'mediation.work',
  'mediation.library',
  'mediation.library.write',
  'community.read',
  'community.manage',
  'community.dashboard',
  'autonomy.read',
  'autonomy.write',
  'autonomy.catalogue',
  'autonomy.dashboard',
  'housing.read',
  'housing.manage',
  'housing.address',
  'payments.request',
  'payments.read',
  'payments.approve',
  // Governance (issue 21): committees a user sits on, their actions, the project plan; managing them.
  'governance.read',
  'governance.manage',
  'fundraising.read',
  'fundraising.write',
  // The public website (issue 24): editors write, review, schedule and publish.
  'website.edit',
  // Impact monitoring (issue 25): the project's indicators against its targets.
  'impact.read',
]);
export type TPermission = z.infer<typeof ZPermissionSchema>;
