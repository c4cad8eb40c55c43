import type { JobKind } from '../../platform/jobs/job-queue.js';

/** Governance's background jobs: reminders of actions (minutes) and of calls' deadlines (fundraising). */
export const GOVERNANCE_JOBS: readonly JobKind<never>[] = [];
