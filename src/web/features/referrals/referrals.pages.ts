/** The feature's pages, loaded on first use as one chunk (see `routing/lazy.ts`). */
export { ReferralCreatePage } from './ReferralCreatePage.js';
export { ReferralDetailPage } from './ReferralDetailPage.js';
export { ReferralsListPage } from './ReferralsListPage.js';
