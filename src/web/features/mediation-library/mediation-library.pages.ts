/** The feature's pages, loaded on first use as one chunk (see `routing/lazy.ts`). */

export { GlossaryPage } from './GlossaryPage.js';
export { LibraryPage } from './LibraryPage.js';
export { MaterialPage } from './MaterialPage.js';
