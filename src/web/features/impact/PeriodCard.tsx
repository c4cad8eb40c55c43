import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TImpactPeriod } from '../../../contracts/impact-periods.js';
import { useLocale } from '../../i18n/index.js';
import { DataTable } from '../../ui/DataTable.js';
import { formatDateTime } from '../../ui/format.js';
import { formatLongDay } from './impact-format.js';
import { PeriodActions } from './PeriodActions.js';
import { PeriodReports } from './PeriodReports.js';
import { periodDates, periodName, periodTiming } from './period-format.js';
import { usePeriodMutations } from './periods-api.js';

/**
 * One reporting period: its name and dates, where it stands (in words, never by colour alone),
 * what the reader may do with it (only the actions the server allows), its signed reports and its
 * history. A card rather than a table row, because forms and lists open inside it.
 */
export function PeriodCard({ period, today }: { period: TImpactPeriod; today: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [message, setMessage] = useState('');
  const mutations = usePeriodMutations(period.key);
  const name = periodName(period, t, locale);

  // The button just pressed usually disappears with the new state: the focus goes back to the
  // period's heading, and the live region says what happened.
  const done = (text: string) => {
    heading.current?.focus();
    setMessage(text);
  };

  return (
    <article
      className="card shadow-sm p-3 mb-3"
      aria-labelledby={headingId}
      data-testid={`impact-period-${period.key}`}
    >
      <h3 id={headingId} ref={heading} tabIndex={-1} className="h5 text-break">
        {name}
      </h3>
      {period.kind !== 'quarter' && (
        <p className="small text-muted mb-2">
          {t('impact.periods.dates', { dates: periodDates(period, locale) })}
        </p>
      )}
      <p className="mb-1">
        <strong>{t('impact.periods.statusLabel')}</strong> {t(`impact.periods.status.${period.status}`)}
      </p>
      <p className="small">
        <StateNote period={period} today={today} />
      </p>
      {/* Always there, so a screen reader hears the message put into it; without one it takes no room. */}
      <p role="status" className={`small fw-semibold ${message ? 'mb-2' : 'mb-0'}`}>
        {message}
      </p>
      <PeriodActions period={period} mutations={mutations} onDone={done} onStart={() => setMessage('')} />
      <PeriodReports period={period} mutations={mutations} onDone={done} onStart={() => setMessage('')} />
      <PeriodHistory period={period} name={name} />
    </article>
  );
}

/** What the status means now: when it can be sent, who sent it, who approved it. */
function StateNote({ period, today }: { period: TImpactPeriod; today: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (period.status === 'locked' && period.locked)
    return t('impact.periods.state.locked', {
      by: period.locked.by,
      at: formatDateTime(period.locked.at, locale),
    });
  if (period.status === 'submitted' && period.submitted)
    return t('impact.periods.state.submitted', {
      by: period.submitted.by,
      at: formatDateTime(period.submitted.at, locale),
    });
  const timing = periodTiming(period, today);
  if (timing === 'future')
    return t('impact.periods.state.future', { from: formatLongDay(period.from, locale) });
  if (timing === 'current')
    return t('impact.periods.state.current', { to: formatLongDay(period.to, locale) });
  return t('impact.periods.state.ended');
}

/** Every submission, return, approval and reopening, with who, when and why, folded by default. */
function PeriodHistory({ period, name }: { period: TImpactPeriod; name: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (period.history.length === 0) return null;
  return (
    <details className="mt-3">
      <summary>{t('impact.periods.history.summary', { count: period.history.length })}</summary>
      <DataTable className="table-sm mt-2" caption={t('impact.periods.history.caption', { name })}>
        <thead>
          <tr>
            <th scope="col">{t('impact.periods.history.action')}</th>
            <th scope="col">{t('impact.periods.history.by')}</th>
            <th scope="col">{t('impact.periods.history.at')}</th>
            <th scope="col">{t('impact.periods.history.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {period.history.map((entry) => (
            <tr key={`${entry.at}-${entry.action}`}>
              <th scope="row">{t(`impact.periods.history.actions.${entry.action}`)}</th>
              <td>{entry.by || '—'}</td>
              <td>{formatDateTime(entry.at, locale)}</td>
              <td className="text-break">{entry.reason ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </details>
  );
}
