import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TTrainingDashboard } from '../../../contracts/training.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { formatNumber } from '../../ui/format.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { useCanExport, useDashboard } from './training-api.js';
import { hoursLabel } from './training-words.js';

const EXPORT_KIND = 'training.completions';
type CountRows = TTrainingDashboard['byStrand'];

/** The project's targets and who was trained: by service kind, profession, district; hours; completion. */
export function DashboardPage({ from, to }: { from?: string | undefined; to?: string | undefined }) {
  const { t } = useTranslation();
  const dashboard = useDashboard(from, to);
  const canExport = useCanExport(EXPORT_KIND);
  return (
    <>
      <PageHeading title={t('courses.dashboard.title')}>
        <p className="mb-2">{t('courses.dashboard.intro')}</p>
        <div className="d-flex flex-wrap gap-3">
          <Link to="/training">{t('courses.backToCatalogue')}</Link>
          <Link to="/training" hash="services-survey">
            {t('courses.survey.resultsLink')}
          </Link>
        </div>
      </PageHeading>
      {canExport && (
        <p>
          <Link to="/exports" search={{ kind: EXPORT_KIND }} className="btn btn-outline-primary">
            {t('courses.dashboard.export')}
          </Link>
        </p>
      )}
      <AsyncContent query={dashboard}>{(data) => <Dashboard data={data} />}</AsyncContent>
    </>
  );
}

function Dashboard({ data }: { data: TTrainingDashboard }) {
  const { t } = useTranslation();
  const locale = useLocale();
  /** The share of confirmed participants who completed their course (0 to 1). */
  const rate = data.completion.rate;
  return (
    <>
      <section aria-labelledby="targets" className="mb-4">
        <h2 id="targets" className="h4">
          {t('courses.dashboard.targets')}
        </h2>
        {data.targets.map((target) => {
          const percent =
            target.target > 0 ? Math.min(100, Math.round((target.reached / target.target) * 100)) : 0;
          const label = t('courses.dashboard.targetOf', {
            strand: t(`enums.strand.${target.strand}`),
            reached: formatNumber(target.reached, locale),
            target: formatNumber(target.target, locale),
          });
          return (
            <div key={target.strand} className="mb-3">
              <p className="mb-1">{label}</p>
              <div
                className="progress"
                role="progressbar"
                aria-label={t(`enums.strand.${target.strand}`)}
                aria-valuemin={0}
                aria-valuemax={target.target}
                aria-valuenow={Math.min(target.reached, target.target)}
                aria-valuetext={label}
              >
                <div className="progress-bar" style={{ width: `${percent}%` }} />
              </div>
            </div>
          );
        })}
      </section>
      <section aria-labelledby="totals" className="mb-4">
        <h2 id="totals" className="h4">
          {t('courses.dashboard.totals')}
        </h2>
        <ul>
          <li>{t('courses.dashboard.editions', { count: data.editions })}</li>
          <li>{t('courses.dashboard.hoursDelivered', { hours: hoursLabel(data.hoursDelivered, locale) })}</li>
          <li>
            {t('courses.dashboard.participantHours', { hours: hoursLabel(data.participantHours, locale) })}
          </li>
          <li>
            {t('courses.dashboard.completion', {
              completed: formatNumber(data.completion.completed, locale),
              confirmed: formatNumber(data.completion.confirmed, locale),
            })}
            {rate === null
              ? ''
              : ` (${new Intl.NumberFormat(locale === 'it' ? 'it-IT' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(rate)})`}
          </li>
        </ul>
      </section>
      <CountTable id="by-strand" title={t('courses.dashboard.byStrand')} rows={data.byStrand} />
      <CountTable
        id="by-service-kind"
        title={t('courses.dashboard.byServiceKind')}
        rows={data.byServiceKind}
      />
      <CountTable id="by-profession" title={t('courses.dashboard.byProfession')} rows={data.byProfession} />
      <CountTable id="by-district" title={t('courses.dashboard.byDistrict')} rows={data.byDistrict} />
    </>
  );
}

function CountTable({ id, title, rows }: { id: string; title: string; rows: CountRows }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section aria-labelledby={id} className="mb-4">
      <h2 id={id} className="h4">
        {title}
      </h2>
      {rows.length === 0 ? (
        <p>{t('courses.dashboard.noRows')}</p>
      ) : (
        <DataTable caption={title} captionClassName="visually-hidden">
          <thead>
            <tr>
              <th scope="col">{t('courses.dashboard.group')}</th>
              <th scope="col">{t('courses.dashboard.people')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label[locale]}</th>
                <td>{formatNumber(row.count, locale)}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </section>
  );
}
