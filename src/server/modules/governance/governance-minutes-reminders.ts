import type { JobKind } from '../../platform/jobs/job-queue.js';

/** Reminders to an action's owner before and after its due date (issue 21, item 2). */
export const ACTION_JOBS: readonly JobKind<never>[] = [];
