import { type AuditLabel, PLATFORM_AUDIT_ACTIONS } from './audit-events.js';

/**
 * The words of every audit action, the platform's and the modules' (each declared beside its
 * action, in `audit-events.ts` and the modules' `<name>.audit.ts`), handed over once at start-up
 * by the composition root, like the record tables.
 */
let labels: Readonly<Record<string, AuditLabel>> = PLATFORM_AUDIT_ACTIONS;

export function registerAuditLabels(all: Readonly<Record<string, AuditLabel>>) {
  labels = { ...PLATFORM_AUDIT_ACTIONS, ...all };
}

/** Every registered action with its words. */
export function auditLabels(): Readonly<Record<string, AuditLabel>> {
  return labels;
}

/**
 * The words for one action. An action no longer in the vocabulary can still be in the trail (kept
 * for years): it is said to be so, with its code, rather than shown as a bare code.
 */
export function auditLabelOf(action: string): AuditLabel {
  return (
    labels[action] ?? {
      it: `Azione non più in uso (${action})`,
      en: `Action no longer in use (${action})`,
    }
  );
}
