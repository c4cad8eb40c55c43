import { useTranslation } from 'react-i18next';
import type { TDeadline } from '../../../contracts/tutela.js';
import { useLocale } from '../../i18n/index.js';
import { deadlineState } from './court-forms.js';
import { deadlineWhen } from './deadline-when.js';

const TONE = { met: 'success', late: 'danger', dueSoon: 'warning', open: 'secondary' } as const;

/** Late, due soon, to do, or done on a date: the words carry it, the colour only repeats them. */
export function DeadlineStateBadge({
  deadline,
}: {
  deadline: Pick<TDeadline, 'metAt' | 'late' | 'dueSoon' | 'kind'>;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const state = deadlineState(deadline);
  return (
    <span className={`badge bg-${TONE[state]}`}>
      {state === 'met'
        ? t('court.deadlines.met', { date: deadlineWhen(deadline.kind, deadline.metAt, locale) })
        : t(`court.deadlines.${state}`)}
    </span>
  );
}
