/**
 * The typed audit vocabulary: the platform's actions here, each module's in its `<name>.audit.ts`.
 * An event names an action from it; adding one is a reviewed change, so the DPO's filters and the
 * retention rules always know every kind of event (`auditActionsOf(MODULES)`).
 */
export const PLATFORM_AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.locked',
  'auth.lockout_started',
  'auth.logout',
  'auth.mfa_verified',
  'auth.mfa_failed',
  'auth.mfa_enrolled',
  'auth.recovery_code_used',
  'auth.password_reset_requested',
  'auth.password_reset',
  'auth.password_changed',
  'auth.step_up',
  'auth.step_up_failed',
  'auth.membership_switched',
  'session.expired',
  'session.revoked',
  'access.denied',
  'job.retried',
  'export.requested',
  'export.approved',
  'export.refused',
  'export.completed',
  'export.downloaded',
  // Stored files (platform/storage): every file stored, link made, download and deletion.
  'file.stored',
  'file.link_created',
  'file.downloaded',
  'file.deleted',
  'file.integrity_failed',
] as const;

/**
 * Each module adds its own actions to the vocabulary by augmenting this interface in its
 * `<name>.audit.ts` (declaration merging), and lists them in its descriptor (`auditActions`), so
 * the type of `AuditAction` and the runtime list both come from the module, not from this file.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by the modules' declaration merging
export interface ModuleAuditActions {}

export type AuditAction = (typeof PLATFORM_AUDIT_ACTIONS)[number] | keyof ModuleAuditActions;

export type AuditOutcome = 'success' | 'denied' | 'failure';

/** Who did it: taken from the request's access context, or named for system and pre-login events. */
export interface AuditActor {
  userId: string | null;
  username: string | null;
  role: string | null;
  serviceId: string | null;
  clientIp: string | null;
}

export interface AuditEvent {
  action: AuditAction;
  outcome?: AuditOutcome;
  recordType?: string;
  recordId?: string;
  purpose?: string;
  /** Never a sensitive value: ids, field names, counts (ASVS 16.2.5). */
  details?: Record<string, unknown>;
}
