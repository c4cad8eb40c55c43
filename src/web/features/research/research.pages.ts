/** The feature's pages, loaded on first use as one chunk (see `routing/lazy.ts`). */
export { ResearchExportsPage } from './ResearchExportsPage.js';
export { ResearchPage } from './ResearchPage.js';
export { ResearchSessionsPage } from './ResearchSessionsPage.js';
