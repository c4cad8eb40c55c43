import type { FeatureModule } from '../../routing/feature-module.js';
import en from './i18n/en.json';
import it from './i18n/it.json';

/** The fundraising plan and complementary resources (issue 21, items 5, 6). */
export const fundraisingModule = {
  id: 'fundraising',
  routes: () => [] as const,
  nav: [],
  i18n: { it, en },
} satisfies FeatureModule;
