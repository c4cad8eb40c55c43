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
];

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
  'audit.read',
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
]);
export type TPermission = z.infer<typeof ZPermissionSchema>;
