/** The feature's pages, loaded on first use as one chunk (see `routing/lazy.ts`). */

export { AddressRequestsPage } from './AddressRequestsPage.js';
export { AskAddressPage } from './AskAddressPage.js';
export { UnitPage } from './UnitPage.js';
export { UnitsPage } from './UnitsPage.js';
