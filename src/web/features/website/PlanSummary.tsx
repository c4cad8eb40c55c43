import { useTranslation } from 'react-i18next';
import {
  COMM_AUDIENCES,
  COMM_CHANNELS,
  type TPlanSummary,
  type TPlanWindow,
} from '../../../contracts/website-plan.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { formatNumber } from '../../ui/format.js';
import { usePlanSummary } from './plan-api.js';

type Row = { key: string; label: string; planned: number; done: number; reach: number };

/**
 * The month in numbers: actions planned and done, the people reached ("at least" when some done
 * actions have no recorded reach), and the same by channel and by audience.
 */
export function PlanSummary({ range, title }: { range: TPlanWindow; title: string }) {
  const { t } = useTranslation();
  const summary = usePlanSummary(range);
  return (
    <section aria-labelledby="plan-summary-heading" className="card shadow-sm p-3 p-md-4 mb-4">
      <h3 id="plan-summary-heading" className="h5">
        {t('website.plan.summary.title', { month: title })}
      </h3>
      <AsyncContent query={summary}>{(data) => <SummaryBody data={data} month={title} />}</AsyncContent>
    </section>
  );
}

function SummaryBody({ data, month }: { data: TPlanSummary; month: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const n = (value: number) => formatNumber(value, locale);
  // Some actions done without a recorded reach: the total is a floor, or not known at all.
  const reach =
    data.doneWithoutReach === 0
      ? n(data.reach)
      : data.reach === 0
        ? t('website.plan.summary.reachUnknown')
        : t('website.plan.summary.atLeast', { count: n(data.reach) });
  // In the code lists' order, whatever order the server counted them in.
  const channels: Row[] = COMM_CHANNELS.flatMap((code) =>
    data.byChannel
      .filter((r) => r.channel === code)
      .map((r) => ({ ...r, key: code, label: t(`website.plan.channels.${code}`) })),
  );
  const audiences: Row[] = COMM_AUDIENCES.flatMap((code) =>
    data.byAudience
      .filter((r) => r.audience === code)
      .map((r) => ({ ...r, key: code, label: t(`website.plan.audiences.${code}`) })),
  );
  return (
    <>
      <dl className="row mb-3">
        <dt className="col-7 col-sm-4">{t('website.plan.summary.planned')}</dt>
        <dd className="col-5 col-sm-8">{n(data.planned)}</dd>
        <dt className="col-7 col-sm-4">{t('website.plan.summary.done')}</dt>
        <dd className="col-5 col-sm-8">{n(data.done)}</dd>
        <dt className="col-7 col-sm-4">{t('website.plan.summary.reach')}</dt>
        <dd className="col-5 col-sm-8">{reach}</dd>
      </dl>
      {data.doneWithoutReach > 0 && (
        <p className="small">{t('website.plan.summary.withoutReach', { count: data.doneWithoutReach })}</p>
      )}
      {data.planned > 0 && (
        <div className="row g-4">
          <div className="col-lg-6">
            <CountTable
              caption={t('website.plan.summary.byChannel', { month })}
              head={t('website.plan.fields.channel')}
              rows={channels}
            />
          </div>
          <div className="col-lg-6">
            <CountTable
              caption={t('website.plan.summary.byAudience', { month })}
              head={t('website.plan.fields.audience')}
              rows={audiences}
            />
          </div>
        </div>
      )}
    </>
  );
}

function CountTable({ caption, head, rows }: { caption: string; head: string; rows: Row[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <DataTable caption={caption} className="table-sm">
      <thead>
        <tr>
          <th scope="col">{head}</th>
          <th scope="col" className="text-end">
            {t('website.plan.summary.plannedColumn')}
          </th>
          <th scope="col" className="text-end">
            {t('website.plan.summary.doneColumn')}
          </th>
          <th scope="col" className="text-end">
            {t('website.plan.summary.reachColumn')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            <td className="text-end">{formatNumber(row.planned, locale)}</td>
            <td className="text-end">{formatNumber(row.done, locale)}</td>
            <td className="text-end">{formatNumber(row.reach, locale)}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
