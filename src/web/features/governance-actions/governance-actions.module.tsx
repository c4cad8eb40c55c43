import type { FeatureModule } from '../../routing/feature-module.js';
import en from './i18n/en.json';
import it from './i18n/it.json';

/** Minutes, decisions and actions (issue 21, item 2). */
export const governanceActionsModule = {
  id: 'governance-actions',
  routes: () => [] as const,
  nav: [],
  i18n: { it, en },
} satisfies FeatureModule;
