import { useTranslation } from 'react-i18next';
import type { TBreachSummary } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { formatDateTime } from '../../ui/format.js';

export const breachesKey = ['privacy', 'breaches'] as const;

/** The 72 hours: when they end, and whether the Garante was notified or need not be. */
export function GaranteClock({ breach }: { breach: TBreachSummary }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (breach.garanteSettled) return <>{t('privacy.breaches.settled')}</>;
  if (breach.status === 'not_a_breach') return <>{t('privacy.breaches.notABreach')}</>;
  const deadline = formatDateTime(breach.garanteDeadline, locale);
  return breach.overdue ? (
    <strong className="text-danger">{t('privacy.breaches.overdue', { deadline })}</strong>
  ) : (
    <span>{t('privacy.breaches.dueBy', { deadline })}</span>
  );
}
