import type { FeatureModule } from '../../routing/feature-module.js';
import en from './i18n/en.json';
import it from './i18n/it.json';

/** The WP5 dashboard: targets, disclosure-controlled breakdowns (issue 20, item 6). */
export const autonomyDashboardModule = {
  id: 'autonomy-dashboard',
  routes: () => [] as const,
  nav: [],
  i18n: { it, en },
} satisfies FeatureModule;
