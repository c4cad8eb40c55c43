import type { JobKind } from '../../platform/jobs/job-queue.js';
import { FUNDRAISING_JOBS } from './governance-fundraising-reminders.js';
import { ACTION_JOBS } from './governance-minutes-reminders.js';

/** Governance's background jobs: reminders of actions and of calls' deadlines. */
export const GOVERNANCE_JOBS: readonly JobKind<never>[] = [...ACTION_JOBS, ...FUNDRAISING_JOBS];
