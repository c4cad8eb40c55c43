/** The feature's pages, loaded on first use as one chunk (see `routing/lazy.ts`). */

export { EnterprisesPage } from './EnterprisesPage.js';
export { OffersPage } from './OffersPage.js';
export { PlanCreatePage } from './PlanCreatePage.js';
export { PlanPage } from './PlanPage.js';
export { PlansListPage } from './PlansListPage.js';
