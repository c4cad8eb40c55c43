/** The feature's pages, loaded on first use as one chunk (see `routing/lazy.ts`). */

export { DuplicatesPage } from './DuplicatesPage.js';
export { HouseholdCreatePage } from './HouseholdCreatePage.js';
export { HouseholdDetailPage } from './HouseholdDetailPage.js';
export { HouseholdsListPage } from './HouseholdsListPage.js';
