/** The feature's pages, loaded on first use as one chunk (see `routing/lazy.ts`). */

export { PartnerPage, PartnersPage } from './PartnersPage.js';
export { PlanPage } from './PlanPage.js';
export { SustainabilityPage } from './SustainabilityPage.js';
