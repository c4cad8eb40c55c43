import type { FeatureModule } from '../../routing/feature-module.js';
import en from './i18n/en.json';
import it from './i18n/it.json';

/** Autonomy plans: the list, a plan with its goals, steps, meetings, enrolments, skills balance and job placements (issue 20, items 2–3). */
export const autonomyModule = {
  id: 'autonomy',
  routes: () => [] as const,
  nav: [],
  i18n: { it, en },
} satisfies FeatureModule;
