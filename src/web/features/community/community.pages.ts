/** The feature's pages, loaded on first use as one chunk (see `routing/lazy.ts`); the map is a chunk of its own. */

export { HolderCreatePage } from './HolderCreatePage.js';
export { HolderDetailPage } from './HolderDetailPage.js';
export { HoldersPage } from './HoldersPage.js';
export { NeedsPage } from './NeedsPage.js';
export { ResourcesPage } from './ResourcesPage.js';
