import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZIdSchema } from '../../../contracts/common.js';
import { type THoursReport, type TStatement, ZMonthQuerySchema } from '../../../contracts/mediation.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { Fact, Facts } from '../../ui/Facts.js';
import { TextField } from '../../ui/fields.js';
import { formatDay } from '../../ui/format.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { statementDownloads, useHours, useStatements } from './mediation-api.js';
import { currentMonth, formatDecimal, formatEuro, formatHours, monthLabel } from './mediation-words.js';
import { useMediationReference } from './reference-names.js';

type Row = THoursReport['byMediator'][number];
const GROUPS = [
  'byMediator',
  'byLanguage',
  'byService',
  'byDistrict',
  'byWorkPackage',
  'byOrganisation',
] as const;

/**
 * The hours and cost of a month's mediations, by mediator, language, service, district, work package
 * and cooperative, and each cooperative's statement with its downloads. The API decides what each
 * viewer sees (the mediation coordinator all; a cooperative its own; a service its own requests).
 */
export function HoursPage({
  month,
  onMonth,
}: {
  month?: string | undefined;
  onMonth: (month: string) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const shown = month ?? currentMonth();
  const hours = useHours(shown);
  const [picked, setPicked] = useState(shown);
  const valid = ZMonthQuerySchema.shape.month.safeParse(picked).success;

  function apply(event: FormEvent) {
    event.preventDefault();
    if (valid) onMonth(picked);
  }

  return (
    <>
      <PageHeading
        title={t('mediation.hours.title')}
        documentTitle={`${monthLabel(shown, locale)} · ${t('mediation.hours.title')}`}
      >
        <p className="mb-0">{t('mediation.hours.intro')}</p>
      </PageHeading>
      <form
        onSubmit={apply}
        className="d-flex flex-wrap align-items-end gap-3 mb-3"
        aria-label={t('mediation.hours.pick')}
      >
        <TextField
          id="hours-month"
          type="month"
          label={t('mediation.hours.month')}
          value={picked}
          error={valid ? undefined : t('mediation.hours.monthInvalid')}
          onChange={(e) => setPicked(e.target.value)}
        />
        <button type="submit" className="btn btn-outline-primary mb-4">
          {t('mediation.hours.show')}
        </button>
      </form>
      <AsyncContent query={hours}>{(report) => <Report report={report} />}</AsyncContent>
    </>
  );
}

function Report({ report }: { report: THoursReport }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const month = monthLabel(report.month, locale);
  return (
    <>
      <section aria-labelledby="hours-totals" className="mb-4">
        <h2 id="hours-totals" className="h4">
          {t('mediation.hours.totals', { month })}
        </h2>
        <Facts>
          <Fact label={t('mediation.hours.totalHours')}>{formatHours(report.totalMinutes, locale)}</Fact>
          <Fact label={t('mediation.hours.totalCost')}>{formatEuro(report.totalCostCents, locale)}</Fact>
        </Facts>
      </section>
      {report.byMediator.length === 0 ? (
        <p role="status">{t('mediation.hours.empty', { month })}</p>
      ) : (
        <>
          {GROUPS.map((group) => (
            <HoursTable key={group} group={group} rows={report[group]} month={month} />
          ))}
          <Statements report={report} />
        </>
      )}
    </>
  );
}

function HoursTable({ group, rows, month }: { group: (typeof GROUPS)[number]; rows: Row[]; month: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  // The report's labels are Italian; a language is named in the reader's language from its code.
  const { languageName } = useMediationReference();
  return (
    <section aria-labelledby={`hours-${group}`} className="mb-4">
      <h2 id={`hours-${group}`} className="h5">
        {t(`mediation.hours.groups.${group}`)}
      </h2>
      <DataTable
        caption={t('mediation.hours.caption', { group: t(`mediation.hours.groups.${group}`), month })}
      >
        <thead>
          <tr>
            <th scope="col">{t(`mediation.hours.columns.${group}`)}</th>
            <th scope="col">{t('mediation.hours.assignments')}</th>
            <th scope="col">{t('mediation.hours.hours')}</th>
            <th scope="col">{t('mediation.hours.cost')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{group === 'byLanguage' ? languageName(row.key) : row.label}</th>
              <td>{row.assignments}</td>
              <td>{formatHours(row.minutes, locale)}</td>
              <td className="text-nowrap">{formatEuro(row.costCents, locale)}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </section>
  );
}

/** Each cooperative's monthly statement: its lines, its totals, and the files for the cooperative. */
function Statements({ report }: { report: THoursReport }) {
  const { t } = useTranslation();
  const organisations = report.byOrganisation.filter((row) => ZIdSchema.safeParse(row.key).success);
  const statements = useStatements(
    organisations.map((row) => row.key),
    report.month,
  );
  return (
    <section aria-labelledby="hours-statements" className="mb-4">
      <h2 id="hours-statements" className="h4">
        {t('mediation.statement.title')}
      </h2>
      {organisations.map((row, index) => {
        const query = statements[index];
        if (!query) return null;
        return (
          <div key={row.key} className="card shadow-sm p-3 mb-4">
            <h3 className="h5">{row.label}</h3>
            <AsyncContent query={query}>{(statement) => <Statement statement={statement} />}</AsyncContent>
          </div>
        );
      })}
    </section>
  );
}

function Statement({ statement }: { statement: TStatement }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { languageName } = useMediationReference();
  const month = monthLabel(statement.month, locale);
  const name = statement.organisationName;
  return (
    <>
      <p className="fw-semibold">
        {t('mediation.statement.total', {
          cost: formatEuro(statement.totalCostCents, locale),
          hours: formatHours(statement.totalMinutes, locale),
          km: formatDecimal(statement.totalTravelKm, locale, 1),
        })}
      </p>
      <div className="d-flex flex-wrap gap-3 mb-3">
        <a href={statementDownloads.xlsx(statement.organisationId, statement.month, locale)} download>
          {t('mediation.statement.xlsx', { name, month })}
        </a>
        <a href={statementDownloads.pdf(statement.organisationId, statement.month, locale)} download>
          {t('mediation.statement.pdf', { name, month })}
        </a>
      </div>
      <DataTable caption={t('mediation.statement.caption', { name, month })}>
        <thead>
          <tr>
            <th scope="col">{t('mediation.statement.code')}</th>
            <th scope="col">{t('mediation.statement.date')}</th>
            <th scope="col">{t('mediation.statement.mediator')}</th>
            <th scope="col">{t('mediation.statement.language')}</th>
            <th scope="col">{t('mediation.statement.service')}</th>
            <th scope="col">{t('mediation.statement.mode')}</th>
            <th scope="col">{t('mediation.statement.hours')}</th>
            <th scope="col">{t('mediation.statement.travel')}</th>
            <th scope="col">{t('mediation.statement.cost')}</th>
          </tr>
        </thead>
        <tbody>
          {statement.lines.map((line) => (
            <tr key={line.assignmentId}>
              <th scope="row" className="font-monospace">
                {line.requestCode}
              </th>
              <td className="text-nowrap">{formatDay(line.date, locale)}</td>
              <td>{line.mediatorName}</td>
              <td>{languageName(line.language)}</td>
              <td>{line.serviceName}</td>
              <td>
                {t(`mediationWords.mode.${line.mode}`)}
                {line.noShow ? ` · ${t('mediation.statement.noShow')}` : ''}
              </td>
              <td>{formatHours(line.minutes, locale)}</td>
              <td>
                {t('mediation.statement.travelOf', {
                  hours: formatHours(line.travelMinutes, locale),
                  km: formatDecimal(line.travelKm, locale, 1),
                })}
              </td>
              <td className="text-nowrap">{formatEuro(line.costCents, locale)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={6}>
              {t('mediation.statement.totalRow')}
            </th>
            <td>{formatHours(statement.totalMinutes, locale)}</td>
            <td>{t('mediation.statement.km', { km: formatDecimal(statement.totalTravelKm, locale, 1) })}</td>
            <td className="text-nowrap">{formatEuro(statement.totalCostCents, locale)}</td>
          </tr>
        </tfoot>
      </DataTable>
    </>
  );
}
