import type { FeatureModule } from '../../routing/feature-module.js';
import en from './i18n/en.json';
import it from './i18n/it.json';

/** Protected apartments: units, stays, the address revealed after a step-up and requests to see it (issue 20, item 4). */
export const housingModule = {
  id: 'housing',
  routes: () => [] as const,
  nav: [],
  i18n: { it, en },
} satisfies FeatureModule;
