import type { AuditLabels } from '../../platform/audit/audit-events.js';

/**
 * Assessments, the versioned plan and its reviews (issue 22, items 1-2): the audit actions with the
 * words the DPO reads for them. Each names the case as its record; the details hold ids, never text.
 */
export const CARE_PLAN_AUDIT_ACTIONS = {
  'case_assessment.listed': { it: 'Valutazioni del caso consultate', en: "Case's assessments viewed" },
  'case_assessment.created': { it: 'Valutazione registrata', en: 'Assessment recorded' },
  'care_plan.read': { it: 'Piano del caso consultato', en: "Case's plan viewed" },
  'care_plan.draft_created': { it: 'Nuova versione del piano in bozza', en: 'New draft version of the plan' },
  'care_plan.goal_added': {
    it: 'Obiettivo aggiunto alla bozza del piano',
    en: 'Goal added to the draft plan',
  },
  'care_plan.goal_updated': { it: 'Obiettivo della bozza modificato', en: 'Draft goal changed' },
  'care_plan.goal_removed': { it: 'Obiettivo tolto dalla bozza', en: 'Goal removed from the draft' },
  'care_plan.progress_recorded': {
    it: 'Avanzamento di un obiettivo registrato',
    en: "A goal's progress recorded",
  },
  'care_plan.submitted': {
    it: "Versione del piano inviata per l'approvazione",
    en: 'Plan version submitted for approval',
  },
  'care_plan.approved': { it: 'Versione del piano approvata', en: 'Plan version approved' },
  'care_plan.returned': { it: 'Piano restituito con osservazioni', en: 'Plan returned with comments' },
  'care_plan.review_recorded': {
    it: 'Verifica del piano (o riunione di rete) registrata',
    en: 'Plan review (or case conference) recorded',
  },
} satisfies AuditLabels;

declare module '../../platform/audit/audit-events.js' {
  interface ModuleAuditActions extends Record<keyof typeof CARE_PLAN_AUDIT_ACTIONS, true> {}
}
