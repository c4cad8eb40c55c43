/** The feature's pages, loaded on first use as one chunk (see `routing/lazy.ts`). */

export { HelpServicesPage } from './HelpServicesPage.js';
export { MediaPage } from './MediaPage.js';
export { PlanPage } from './PlanPage.js';
export { SitePagePage } from './SitePagePage.js';
export { SitePagesPage } from './SitePagesPage.js';
