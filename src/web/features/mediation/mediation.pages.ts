/** The feature's pages, loaded on first use as one chunk (see `routing/lazy.ts`). */

export { HoursPage } from './HoursPage.js';
export { MediatorCreatePage, MediatorPage } from './MediatorPages.js';
export { RegistryPage } from './RegistryPage.js';
export { RequestCreatePage } from './RequestCreatePage.js';
export { RequestDetailPage } from './RequestDetailPage.js';
export { RequestsListPage } from './RequestsListPage.js';
