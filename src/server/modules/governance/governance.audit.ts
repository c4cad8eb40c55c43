import type { AuditLabels } from '../../platform/audit/audit-events.js';

/** The audit actions of governance, with the words the DPO reads for them. */
export const GOVERNANCE_AUDIT_ACTIONS = {
  'governance.committee_saved': { it: 'Comitato salvato', en: 'Committee saved' },
  'governance.member_saved': { it: 'Componente del comitato salvato', en: 'Committee member saved' },
  'governance.members_listed': { it: 'Componenti del comitato consultati', en: 'Committee members listed' },
  'governance.meeting_saved': { it: 'Riunione salvata', en: 'Meeting saved' },
  'governance.meeting_read': { it: 'Riunione consultata', en: 'Meeting read' },
  'governance.invitations_sent': { it: 'Convocazioni inviate', en: 'Invitations sent' },
  'governance.agenda_saved': { it: 'Ordine del giorno salvato', en: 'Agenda saved' },
  'governance.attendance_recorded': {
    it: 'Presenze alla riunione registrate',
    en: 'Meeting attendance recorded',
  },
  'governance.minutes_drafted': { it: 'Verbale redatto', en: 'Minutes drafted' },
  'governance.minutes_circulated': { it: 'Verbale fatto circolare', en: 'Minutes circulated' },
  'governance.minutes_approved': { it: 'Verbale approvato', en: 'Minutes approved' },
  'governance.minutes_corrected': {
    it: 'Correzione di un verbale approvato',
    en: 'Approved minutes corrected',
  },
  'governance.decision_recorded': { it: 'Delibera registrata', en: 'Decision recorded' },
  'governance.action_saved': { it: 'Azione salvata', en: 'Action saved' },
  'governance.action_closed': { it: 'Azione chiusa', en: 'Action closed' },
  'governance.plan_saved': { it: 'Piano di progetto aggiornato', en: 'Project plan updated' },
  'governance.report_generated': { it: 'Rapporto generato', en: 'Report generated' },
  'governance.legacy_saved': {
    it: 'Elemento di sostenibilità registrato',
    en: 'Sustainability item recorded',
  },
  'governance.legacy_changed': {
    it: 'Elemento di sostenibilità corretto',
    en: 'Sustainability item corrected',
  },
  'governance.partner_saved': { it: 'Scheda partner aggiornata', en: 'Partner record updated' },
  'governance.partner_contacts_read': { it: 'Contatti dei partner consultati', en: 'Partner contacts read' },
  'governance.settings_saved': {
    it: 'Impostazioni della governance salvate',
    en: 'Governance settings saved',
  },
  'fundraising.funder_saved': { it: 'Finanziatore salvato', en: 'Funder saved' },
  'fundraising.funders_listed': { it: 'Elenco dei finanziatori consultato', en: 'Funders listed' },
  'fundraising.opportunity_saved': {
    it: 'Opportunità di finanziamento salvata',
    en: 'Funding opportunity saved',
  },
  'fundraising.opportunity_moved': {
    it: 'Opportunità spostata nella pipeline',
    en: 'Opportunity moved in the pipeline',
  },
  'fundraising.campaign_saved': { it: 'Campagna salvata', en: 'Campaign saved' },
  'fundraising.resource_recorded': {
    it: 'Risorsa complementare di un finanziatore registrata',
    en: 'Complementary resource from a funder recorded',
  },
} satisfies AuditLabels;

declare module '../../platform/audit/audit-events.js' {
  interface ModuleAuditActions extends Record<keyof typeof GOVERNANCE_AUDIT_ACTIONS, true> {}
}

/** The record types governance's lookups and audit events name, and their tables. */
export const GOVERNANCE_RECORD_TABLES = {
  governance_committee: 'governance_committees',
  governance_meeting: 'governance_meetings',
  governance_agenda_item: 'governance_agenda_items',
  governance_minutes: 'governance_minutes',
  governance_decision: 'governance_decisions',
  governance_action: 'governance_actions',
  governance_activity: 'governance_activities',
  governance_milestone: 'governance_milestones',
  governance_risk: 'governance_risks',
  governance_legacy_item: 'governance_legacy_items',
  governance_funder: 'governance_funders',
  governance_opportunity: 'governance_opportunities',
  governance_campaign: 'governance_campaigns',
  governance_partner: 'organisations',
} as const;

declare module '../../platform/access/not-found.js' {
  interface ModuleRecordTypes extends Record<keyof typeof GOVERNANCE_RECORD_TABLES, true> {}
}
