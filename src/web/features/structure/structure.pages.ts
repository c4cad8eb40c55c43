/** The feature's pages, loaded on first use as one chunk (see `routing/lazy.ts`). */
export { DistrictsPanel } from './DistrictsPanel.js';
export { MunicipalitiesPanel } from './MunicipalitiesPanel.js';
export { OrganisationsPanel } from './OrganisationsPanel.js';
export { ServicesPanel } from './ServicesPanel.js';
export { StructureLayout } from './StructureLayout.js';
