import { accountModule } from '../features/account/account.module.js';
import { apiDocsModule } from '../features/api-docs/api-docs.module.js';
import { attendanceModule } from '../features/attendance/attendance.module.js';
import { auditModule } from '../features/audit/audit.module.js';
import { authModule } from '../features/auth/auth.module.js';
import { autonomyModule } from '../features/autonomy/autonomy.module.js';
import { autonomyDashboardModule } from '../features/autonomy-dashboard/autonomy-dashboard.module.js';
import { breakGlassModule } from '../features/break-glass/break-glass.module.js';
import { casesModule } from '../features/cases/cases.module.js';
import { committeesModule } from '../features/committees/committees.module.js';
import { communityModule } from '../features/community/community.module.js';
import { communityEventsModule } from '../features/community-events/community-events.module.js';
import { consultationsModule } from '../features/consultations/consultations.module.js';
import { exportsModule } from '../features/exports/exports.module.js';
import { fundraisingModule } from '../features/fundraising/fundraising.module.js';
import { governanceActionsModule } from '../features/governance-actions/governance-actions.module.js';
import { homeModule } from '../features/home/home.module.js';
import { householdsModule } from '../features/households/households.module.js';
import { housingModule } from '../features/housing/housing.module.js';
import { identityProvidersModule } from '../features/identity-providers/identity-providers.module.js';
import { impactModule } from '../features/impact/impact.module.js';
import { incidentsModule } from '../features/incidents/incidents.module.js';
import { jobsModule } from '../features/jobs/jobs.module.js';
import { mediationModule } from '../features/mediation/mediation.module.js';
import { mediationFeedbackModule } from '../features/mediation-feedback/mediation-feedback.module.js';
import { mediationLibraryModule } from '../features/mediation-library/mediation-library.module.js';
import { mediationMineModule } from '../features/mediation-mine/mediation-mine.module.js';
import { observatoryModule } from '../features/observatory/observatory.module.js';
import { paymentsModule } from '../features/payments/payments.module.js';
import { privacyModule } from '../features/privacy/privacy.module.js';
import { projectPlanModule } from '../features/project-plan/project-plan.module.js';
import { referralsModule } from '../features/referrals/referrals.module.js';
import { researchModule } from '../features/research/research.module.js';
import { roleGrantsModule } from '../features/role-grants/role-grants.module.js';
import { structureModule } from '../features/structure/structure.module.js';
import { trainingModule } from '../features/training/training.module.js';
import { usersModule } from '../features/users/users.module.js';
import { websiteModule } from '../features/website/website.module.js';
import type { FeatureModule } from '../routing/feature-module.js';

/**
 * The web features, each from its own folder (`features/<name>/<name>.module.tsx`): the router takes
 * their routes and the main menu their entries. Adding a feature is one line here.
 */
export const FEATURE_MODULES = [
  authModule,
  homeModule,
  structureModule,
  usersModule,
  identityProvidersModule,
  roleGrantsModule,
  incidentsModule,
  observatoryModule,
  householdsModule,
  referralsModule,
  casesModule,
  consultationsModule,
  exportsModule,
  trainingModule,
  mediationModule,
  mediationMineModule,
  mediationFeedbackModule,
  mediationLibraryModule,
  communityModule,
  communityEventsModule,
  autonomyModule,
  housingModule,
  paymentsModule,
  autonomyDashboardModule,
  committeesModule,
  governanceActionsModule,
  impactModule,
  projectPlanModule,
  fundraisingModule,
  websiteModule,
  researchModule,
  attendanceModule,
  auditModule,
  privacyModule,
  breakGlassModule,
  jobsModule,
  apiDocsModule,
  accountModule,
] as const satisfies readonly FeatureModule[];
