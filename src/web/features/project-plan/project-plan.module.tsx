import type { FeatureModule } from '../../routing/feature-module.js';
import en from './i18n/en.json';
import it from './i18n/it.json';

/** The project plan, monitoring, what lasts and the partner directory (issue 21, items 3, 4, 7). */
export const projectPlanModule = {
  id: 'project-plan',
  routes: () => [] as const,
  nav: [],
  i18n: { it, en },
} satisfies FeatureModule;
