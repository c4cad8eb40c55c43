import { z } from 'zod';

/** One thing on the home page that needs the user's attention; `link` is an app path. */
export const ZAttentionItemSchema = z.object({
  kind: z.enum([
    'mfa_not_enrolled_users',
    'break_glass_to_review',
    'audit_unsealed',
    'own_break_glass_active',
    'password_old',
    'incident_drafts',
    'referrals_received',
    'referrals_overdue',
    'referral_drafts',
    'plans_to_review',
    'awaiting_approval',
    'transfers_received',
    'after_care_due',
    'followups_due',
    'role_grants_to_decide',
    'research_exports_recent',
    'court_deadlines_due',
    'court_deadlines_late',
    'court_deadlines_escalated',
    'court_reports_to_approve',
    'consultation_opinions_due',
    'handovers_to_answer',
    'training_offers',
    'training_approvals',
    'mediation_unmatched',
    'mediation_to_assign',
    'mediation_offers',
    'mediation_to_confirm',
    'community_sessions_today',
    'autonomy_reviews_due',
    'housing_address_requests',
    'rent_requests_to_approve',
    'governance_actions_open',
    'governance_actions_overdue',
  ]),
  count: z.number().int(),
  link: z.string(),
});
export const ZHomeSchema = z.object({ attention: z.array(ZAttentionItemSchema) });
export type THome = z.infer<typeof ZHomeSchema>;
export type TAttentionItem = z.infer<typeof ZAttentionItemSchema>;
