import type { FeatureModule } from '../../routing/feature-module.js';
import en from './i18n/en.json';
import it from './i18n/it.json';

/** The registry of community holders, the map and the information needs (issue 19, items 1–4). */
export const communityModule = {
  id: 'community',
  routes: () => [] as const,
  nav: [],
  i18n: { it, en },
} satisfies FeatureModule;
