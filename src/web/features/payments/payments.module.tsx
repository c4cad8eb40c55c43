import type { FeatureModule } from '../../routing/feature-module.js';
import en from './i18n/en.json';
import it from './i18n/it.json';

/** Rent support: budgets, requests approved by a second person, payment orders, the ledger and its export (issue 20, item 5). */
export const paymentsModule = {
  id: 'payments',
  routes: () => [] as const,
  nav: [],
  i18n: { it, en },
} satisfies FeatureModule;
