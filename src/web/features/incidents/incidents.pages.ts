/** The feature's pages, loaded on first use as one chunk (see `routing/lazy.ts`). */
export { ImportPage } from './ImportPage.js';
export { IncidentCreatePage, IncidentEditPage } from './IncidentFormPage.js';
export { IncidentsListPage } from './IncidentsListPage.js';
