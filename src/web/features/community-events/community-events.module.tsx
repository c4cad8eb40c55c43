import type { FeatureModule } from '../../routing/feature-module.js';
import en from './i18n/en.json';
import it from './i18n/it.json';

/** Awareness meetings, workshops and citizenship labs: calendar, registration, check-in, dashboard (issue 19, items 5–7). */
export const communityEventsModule = {
  id: 'community-events',
  routes: () => [] as const,
  nav: [],
  i18n: { it, en },
} satisfies FeatureModule;
