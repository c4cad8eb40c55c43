import type { JobKind } from '../../platform/jobs/job-queue.js';

/** Reminders of a call's deadline to the opportunity's owner (issue 21, item 5). */
export const FUNDRAISING_JOBS: readonly JobKind<never>[] = [];
