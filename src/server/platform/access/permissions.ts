import type { TPermission, TRole } from '../../../contracts/roles.js';

/**
 * What each role may do, by permission. Routes declare a permission; this table is the only
 * place that grants one. Record-level scope (which users, which cases) is the policy functions'.
 */
export const ROLE_PERMISSIONS: Record<TRole, readonly TPermission[]> = {
  admin: [
    'structure.read',
    'structure.write',
    'users.read',
    'users.write',
    'sessions.revoke',
    'roles.approve',
    'api-docs.read',
    'jobs.manage',
    'identity-providers.manage',
    'identity-providers.review',
    // Sees the retention periods the DPO set for the organisations (issue 23); never changes them.
    'privacy.retention.read',
  ],
  dpo: [
    'structure.read',
    'users.read',
    'roles.approve',
    'audit.read',
    'break-glass.review',
    'privacy.manage',
    'privacy.retention.read',
    // Reads the organisations' identity providers and approves one as a second person (ADR 0014).
    'identity-providers.review',
  ],
  coordinator: [
    'structure.read',
    'users.read',
    'break-glass.request',
    'observatory.read',
    'households.read',
    'referrals.send',
    'consent.override',
    'cases.read',
    'cases.supervise',
    'training.browse',
    'training.enrol',
    'training.dashboard',
    'mediation.request',
    // The coordinator of a mediation service (services.kind = 'mediation_service'; RLS:
    // trama_is_mediation_coordinator) keeps the registry and assigns; a cooperative's coordinator
    // reads their own statement.
    'mediation.coordinate',
    'mediation.library',
    'mediation.library.write',
    // A community worker is a practitioner or coordinator of a community_engagement service (RLS:
    // trama_is_community_worker); everyone else holding community.manage gets nothing to manage.
    'community.read',
    'community.manage',
    'community.dashboard',
    // Autonomy plans of the households the team works (or tutors); the catalogue, units and
    // occupancy and payment requests of an autonomy_housing service (RLS: 0041_autonomy_rls).
    'autonomy.read',
    'autonomy.write',
    'autonomy.catalogue',
    'autonomy.dashboard',
    'housing.read',
    'housing.manage',
    'housing.address',
    'payments.request',
    'payments.read',
    'governance.read',
    'governance.manage',
    'impact.read',
    'fundraising.read',
    'fundraising.write',
  ],
  practitioner: [
    'structure.read',
    'users.read',
    'break-glass.request',
    'incidents.record',
    'observatory.read',
    'households.read',
    'households.write',
    'referrals.send',
    'referrals.answer',
    'cases.read',
    'cases.write',
    'training.browse',
    'mediation.request',
    'mediation.library',
    'community.read',
    'community.manage',
    'autonomy.read',
    'autonomy.write',
    'autonomy.catalogue',
    'housing.read',
    'housing.address',
    'payments.request',
    'governance.read',
  ],
  clinician: [
    'structure.read',
    'users.read',
    'break-glass.request',
    'observatory.read',
    'households.read',
    'households.write',
    'referrals.send',
    'referrals.answer',
    'cases.read',
    'cases.write',
    'training.browse',
    'mediation.request',
    'mediation.library',
    'community.read',
    'autonomy.read',
    'autonomy.write',
    'housing.address',
    'governance.read',
  ],
  mediator: [
    'structure.read',
    'sessions.attend',
    'training.browse',
    'mediation.work',
    'mediation.library',
    'mediation.library.write',
    'community.read',
    'governance.read',
  ],
  // A trainer manages the courses and editions of their own training service (RLS: trama_managed_gatherings).
  trainer: [
    'structure.read',
    'observatory.read',
    'training.browse',
    'training.manage',
    'training.dashboard',
    'mediation.library',
    'community.read',
    'governance.read',
  ],
  editor: ['structure.read', 'training.browse', 'mediation.library', 'governance.read', 'website.edit'],
  // Takes part in ethnoclinical sessions of families with a research consent, writing pseudonymised notes.
  researcher: [
    'structure.read',
    'observatory.read',
    'research.export',
    'research.sessions',
    'training.browse',
    'governance.read',
  ],
  // A finance officer of an autonomy_housing service: budgets, approving and paying rent support
  // requested by someone else (four-eyes in the database), the ledger and its export.
  finance: [
    'structure.read',
    'payments.request',
    'payments.read',
    'payments.approve',
    'autonomy.dashboard',
    'governance.read',
  ],
  // Keeps the fundraising plan and sits on committees; never reaches a case, a person or a household.
  fundraiser: ['structure.read', 'governance.read', 'fundraising.read', 'fundraising.write'],
};

export function permissionsOf(role: TRole | null): readonly TPermission[] {
  return role ? ROLE_PERMISSIONS[role] : [];
}
