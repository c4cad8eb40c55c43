import type { FeatureModule } from '../../routing/feature-module.js';
import en from './i18n/en.json';
import it from './i18n/it.json';

/** The partners’ offers catalogue, the social enterprises the project supports and the employers (issue 20, items 1 and 3). */
export const autonomyCatalogueModule = {
  id: 'autonomy-catalogue',
  routes: () => [] as const,
  nav: [],
  i18n: { it, en },
} satisfies FeatureModule;
