/** The feature's pages, loaded on first use as one chunk (see `routing/lazy.ts`). */
export { ObservatoryPage } from './ObservatoryPage.js';
export { TrainingPage } from './TrainingPage.js';
