import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INCIDENT_TYPES, type TIncidentType, ZIncidentStatusSchema } from '../../../contracts/index.js';
import { isApiError } from '../../api/problem.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { SelectField } from '../../ui/fields.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { Pager } from '../../ui/Pager.js';
import { ExportEntryLink } from '../exports/ExportEntryLink.js';
import { monthLabel } from '../observatory/codes.js';
import { type IncidentFilters, PAGE_SIZE, useIncidents } from './incidents-api.js';

export type SavedNotice = 'draft' | 'recorded' | 'deleted';

/** The acting service's incident records: filters, one row per record, and the way to add more. */
export function IncidentsListPage({
  filters,
  saved,
  onChange,
}: {
  filters: IncidentFilters;
  saved?: SavedNotice | undefined;
  onChange: (next: IncidentFilters) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const incidents = useIncidents(filters);
  const [status, setStatus] = useState(filters.status ?? '');
  const [coreType, setCoreType] = useState(filters.coreType ?? '');
  // A practitioner of a service that does not record gets 403: no point offering to record.
  const refused = isApiError(incidents.error) && incidents.error.status === 403;

  function apply(event: FormEvent) {
    event.preventDefault();
    onChange({
      status: status === 'draft' || status === 'recorded' ? status : undefined,
      coreType: (INCIDENT_TYPES as readonly string[]).includes(coreType)
        ? (coreType as TIncidentType)
        : undefined,
      page: 1,
    });
  }

  return (
    <>
      <PageHeading title={t('incidents.list.title')}>
        <p className="mb-2">{t('incidents.list.intro')}</p>
        {!refused && (
          <div className="d-flex flex-wrap gap-2">
            <Link to="/incidents/new" className="btn btn-primary btn-sm">
              {t('incidents.list.new')}
            </Link>
            <Link to="/incidents/import" className="btn btn-outline-primary btn-sm">
              {t('incidents.list.import')}
            </Link>
            {/* The two surveys are of a closed year: the form starts from last year. */}
            <ExportEntryLink
              kind="observatory.incident-recorder"
              year={new Date().getFullYear() - 1}
              wording="incidentRecorder"
              className="btn btn-outline-primary btn-sm"
            />
            <ExportEntryLink
              kind="observatory.istat-survey"
              year={new Date().getFullYear() - 1}
              wording="istatSurvey"
              className="btn btn-outline-primary btn-sm"
            />
          </div>
        )}
      </PageHeading>
      {saved && (
        <div className="alert alert-success" role="status">
          {t(`incidents.list.saved.${saved}`)}
        </div>
      )}
      <form
        onSubmit={apply}
        className="d-flex flex-wrap align-items-end gap-3 mb-3"
        aria-label={t('incidents.list.filters')}
      >
        <SelectField
          id="incidents-status"
          label={t('incidents.list.status')}
          placeholder={t('incidents.list.allStatuses')}
          options={ZIncidentStatusSchema.options.map((s) => ({
            value: s,
            label: t(`enums.incidentStatus.${s}`),
          }))}
          value={status}
          onChange={(e) => setStatus(e.target.value)}
        />
        <SelectField
          id="incidents-type"
          label={t('incidents.list.coreType')}
          placeholder={t('incidents.list.allTypes')}
          options={INCIDENT_TYPES.map((c) => ({ value: c, label: t(`enums.coreType.${c}`) }))}
          value={coreType}
          onChange={(e) => setCoreType(e.target.value)}
        />
        <button type="submit" className="btn btn-outline-primary mb-4">
          {t('incidents.list.apply')}
        </button>
      </form>
      <AsyncContent query={incidents}>
        {(result) =>
          result.items.length === 0 ? (
            <p role="status">{t('incidents.list.empty')}</p>
          ) : (
            <>
              <DataTable
                className="table-hover"
                caption={t('incidents.list.caption', { count: result.total })}
              >
                <thead>
                  <tr>
                    <th scope="col">{t('incidents.columns.survivorCode')}</th>
                    <th scope="col">{t('incidents.columns.month')}</th>
                    <th scope="col">{t('incidents.columns.coreType')}</th>
                    <th scope="col">{t('incidents.columns.ageBand')}</th>
                    <th scope="col">{t('incidents.columns.status')}</th>
                    <th scope="col">{t('incidents.columns.consent')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.items.map((incident) => (
                    <tr key={incident.id}>
                      <th scope="row">
                        <Link
                          to="/incidents/$incidentId"
                          params={{ incidentId: incident.id }}
                          className="font-monospace"
                        >
                          {incident.survivorCode ?? t('incidents.list.noCode')}
                        </Link>
                      </th>
                      <td>{incident.incidentMonth ? monthLabel(incident.incidentMonth, locale) : '—'}</td>
                      <td>{incident.coreType ? t(`enums.coreType.${incident.coreType}`) : '—'}</td>
                      <td>{incident.ageBand ? t(`enums.ageBand.${incident.ageBand}`) : '—'}</td>
                      <td>
                        <span
                          className={`badge ${incident.status === 'draft' ? 'bg-secondary' : 'bg-success'}`}
                        >
                          {t(`enums.incidentStatus.${incident.status}`)}
                        </span>
                      </td>
                      <td>{incident.consentReporting ? t('incidents.form.yes') : t('incidents.form.no')}</td>
                    </tr>
                  ))}
                </tbody>
              </DataTable>
              <Pager
                label={t('incidents.list.pagerLabel')}
                page={result.page}
                pageSize={result.pageSize || PAGE_SIZE}
                total={result.total}
                onPage={(page) => onChange({ ...filters, page })}
              />
            </>
          )
        }
      </AsyncContent>
    </>
  );
}
