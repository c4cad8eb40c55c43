/** The feature's pages, loaded on first use as one chunk (see `routing/lazy.ts`). */
export { ImpactPage } from './ImpactPage.js';
export { PeriodsPage } from './PeriodsPage.js';
