/** What the DPO reads for an action, in both working languages: words, never the code. */
export interface AuditLabel {
  it: string;
  en: string;
}

/** Actions with their labels: declaring an action without its words does not type-check. */
export type AuditLabels = Record<string, AuditLabel>;

/**
 * The typed audit vocabulary: the platform's actions here, each module's in its `<name>.audit.ts`,
 * each declared with its label. An event names an action from it; adding one is a reviewed change,
 * so the DPO's filters and the retention rules always know every kind of event, and the DPO reads
 * every one in words (`auditActionsOf(MODULES)`, `auditLabelsOf(MODULES)`).
 */
export const PLATFORM_AUDIT_ACTIONS = {
  'auth.login': { it: 'Accesso con nome utente e password', en: 'Signed in with username and password' },
  'auth.login_failed': { it: 'Accesso con credenziali non valide', en: 'Sign-in with invalid credentials' },
  // Single sign-on through an organisation's identity provider (platform/auth/sso.*, ADR 0014).
  'auth.sso_login': {
    it: "Accesso con il servizio di accesso dell'ente",
    en: "Signed in with the organisation's identity provider",
  },
  'auth.sso_refused': {
    it: "Accesso con il servizio di accesso dell'ente rifiutato",
    en: "Sign-in with the organisation's identity provider refused",
  },
  'auth.locked': {
    it: 'Accesso bloccato per troppi tentativi',
    en: 'Sign-in blocked after too many attempts',
  },
  'auth.lockout_started': { it: 'Blocco temporaneo degli accessi', en: 'Temporary sign-in lockout' },
  'auth.logout': { it: "Uscita dall'app", en: 'Signed out' },
  'auth.mfa_verified': { it: 'Verifica in due passaggi superata', en: 'Two-step verification passed' },
  'auth.mfa_failed': {
    it: 'Verifica in due passaggi con codice non valido',
    en: 'Two-step verification with an invalid code',
  },
  'auth.mfa_enrolled': { it: 'Verifica in due passaggi attivata', en: 'Two-step verification set up' },
  'auth.recovery_code_used': { it: 'Codice di recupero usato', en: 'Recovery code used' },
  'auth.password_reset_requested': {
    it: 'Reimpostazione della password richiesta',
    en: 'Password reset requested',
  },
  'auth.password_reset': { it: 'Password reimpostata', en: 'Password reset' },
  'auth.password_changed': { it: 'Password cambiata', en: 'Password changed' },
  'auth.step_up': {
    it: "Identità confermata per un'operazione delicata",
    en: 'Identity confirmed for a sensitive action',
  },
  'auth.step_up_failed': {
    it: "Conferma dell'identità con codice non valido",
    en: 'Identity confirmation with an invalid code',
  },
  'auth.membership_switched': { it: 'Cambio di ruolo o di servizio', en: 'Role or service switched' },
  'session.expired': { it: 'Sessione scaduta', en: 'Session expired' },
  'session.revoked': { it: 'Sessioni chiuse da remoto', en: 'Sessions closed remotely' },
  'access.denied': { it: 'Tentativo di accesso non consentito', en: 'Access attempt not allowed' },
  'job.retried': { it: 'Attività in background ripetuta', en: 'Background job retried' },
  'export.requested': { it: 'Esportazione richiesta', en: 'Export requested' },
  'export.approved': { it: 'Esportazione approvata', en: 'Export approved' },
  'export.refused': { it: 'Esportazione respinta', en: 'Export turned down' },
  'export.completed': { it: 'Esportazione completata', en: 'Export completed' },
  'export.downloaded': { it: 'Esportazione scaricata', en: 'Export downloaded' },
  // Stored files (platform/storage): every file stored, link made, download and deletion.
  'file.stored': { it: 'File archiviato', en: 'File stored' },
  'file.link_created': { it: 'Collegamento per scaricare un file creato', en: 'Download link created' },
  'file.downloaded': { it: 'File scaricato', en: 'File downloaded' },
  'file.deleted': { it: 'File eliminato', en: 'File deleted' },
  'file.integrity_failed': {
    it: 'File alterato: controllo di integrità non superato',
    en: 'File altered: integrity check failed',
  },
} satisfies AuditLabels;

/**
 * Each module adds its own actions to the vocabulary by augmenting this interface in its
 * `<name>.audit.ts` (declaration merging), and lists them in its descriptor (`auditActions`), so
 * the type of `AuditAction` and the runtime list both come from the module, not from this file.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by the modules' declaration merging
export interface ModuleAuditActions {}

export type AuditAction = keyof typeof PLATFORM_AUDIT_ACTIONS | keyof ModuleAuditActions;

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
