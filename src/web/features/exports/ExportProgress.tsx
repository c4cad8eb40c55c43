import { useTranslation } from 'react-i18next';
import type { TExport } from '../../../contracts/exports.js';
import { useLocale } from '../../i18n/index.js';
import { formatNumber } from '../../ui/format.js';
import { progressOf, showsBar } from './export-state.js';

/**
 * How far an export is: a bar (`role="progressbar"`, its value in per cent and in words) while the
 * file is made and once it is ready, and the rows as text, which is what the bar only repeats.
 */
export function ExportProgress({ item }: { item: TExport }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const progress = progressOf(item);
  if (!progress) return <>{item.state === 'queued' ? t('exports.list.notStarted') : '—'}</>;
  const text = t('exports.list.rows', {
    done: formatNumber(progress.done, locale),
    total: formatNumber(progress.total, locale),
  });
  if (!showsBar(item.state)) return <>{text}</>;
  const label = item.label[locale];
  const valueText = t('exports.list.progressText', { rows: text, percent: progress.percent });
  return (
    <div className="export-progress">
      <div className="progress">
        <div
          className="progress-bar"
          role="progressbar"
          aria-label={t('exports.list.progressLabel', { label })}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={progress.percent}
          aria-valuetext={valueText}
          style={{ width: `${progress.percent}%` }}
        />
      </div>
      <span className="small d-block mt-1">{valueText}</span>
    </div>
  );
}
