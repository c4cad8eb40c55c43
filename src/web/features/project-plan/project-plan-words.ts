import { useTranslation } from 'react-i18next';
import type { TWorkPackage } from '../../../contracts/governance-codes.js';
import { WORK_PACKAGE_TITLES } from '../../../contracts/governance-plan.js';
import { useLocale } from '../../i18n/index.js';

/** Work packages and codes in words ("WP1 — Rete antiviolenza …"). */
export function usePlanWords() {
  const { t } = useTranslation();
  const locale = useLocale();
  return {
    workPackage: (wp: TWorkPackage) => `${wp.toUpperCase()} — ${WORK_PACKAGE_TITLES[wp][locale]}`,
    code: (group: string, code: string) => t(`projectPlan.codes.${group}.${code}`),
  };
}
