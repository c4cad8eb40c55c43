import type { DemoSeedContext } from '../../platform/module.js';
import { seedDemoCommittees } from './governance-demo-committees.js';
import { seedDemoFundraising } from './governance-demo-fundraising.js';
import { seedDemoMinutes } from './governance-demo-minutes.js';
import { seedDemoPlan } from './governance-demo-plan.js';

/**
 * Governance's demo: a year of committee meetings (committees), their minutes, decisions and
 * actions (minutes), the project plan with milestones some late and what lasts (plan), and the
 * fundraising pipeline with complementary resources (fundraising). In this order: each reads what
 * the one before wrote.
 */
export async function seedDemoGovernance(context: DemoSeedContext): Promise<void> {
  await seedDemoCommittees(context);
  await seedDemoMinutes(context);
  await seedDemoPlan(context);
  await seedDemoFundraising(context);
}
