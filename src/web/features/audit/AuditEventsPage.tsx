import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZAuditOutcomeSchema, ZAuditQuerySchema } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { SelectField, TextField } from '../../ui/fields.js';
import { formatDateTime } from '../../ui/format.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { Pager } from '../../ui/Pager.js';
import { AUDIT_PAGE_SIZE, type AuditFilters, useAuditEvents } from './audit-api.js';
import { parseAuditSearch } from './audit-search.js';
import { ChainStatus } from './ChainStatus.js';

const TEXT_FILTERS = ['actorUserId', 'action', 'recordType', 'recordId'] as const;
/** The text filters' limit (an actor's id, a UUID, is shorter anyway). */
const FILTER_MAX_LENGTH = maxLengthOf(ZAuditQuerySchema.shape.recordId);

export function AuditEventsPage({
  filters,
  onChange,
}: {
  filters: AuditFilters;
  onChange: (next: AuditFilters) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const events = useAuditEvents(filters);
  const [draft, setDraft] = useState<AuditFilters>(filters);

  function apply(event: FormEvent) {
    event.preventDefault();
    const next = parseAuditSearch({ ...draft, page: undefined });
    onChange(next);
  }

  return (
    <>
      <PageHeading title={t('audit.title')}>
        <p className="mb-0">
          {t('audit.intro')} <Link to="/audit/record-access">{t('audit.recordAccessLink')}</Link>
        </p>
      </PageHeading>
      <ChainStatus />
      <section aria-labelledby="audit-filters-heading" className="mb-4">
        <h2 id="audit-filters-heading" className="h4">
          {t('audit.filters.title')}
        </h2>
        <form onSubmit={apply} className="row g-3">
          {TEXT_FILTERS.map((name) => (
            <div key={name} className="col-md-6 col-lg-3">
              <TextField
                id={`audit-${name}`}
                label={t(`audit.fields.${name}`)}
                value={draft[name] ?? ''}
                maxLength={FILTER_MAX_LENGTH}
                onChange={(e) => setDraft({ ...draft, [name]: e.target.value || undefined })}
              />
            </div>
          ))}
          <div className="col-md-4">
            <SelectField
              id="audit-outcome"
              label={t('audit.fields.outcome')}
              placeholder={t('audit.filters.anyOutcome')}
              options={ZAuditOutcomeSchema.options.map((o) => ({
                value: o,
                label: t(`audit.outcomes.${o}`),
              }))}
              value={draft.outcome ?? ''}
              onChange={(e) =>
                setDraft({ ...draft, outcome: (e.target.value || undefined) as AuditFilters['outcome'] })
              }
            />
          </div>
          <div className="col-md-4">
            <TextField
              id="audit-from"
              type="date"
              label={t('audit.fields.from')}
              value={draft.from ?? ''}
              onChange={(e) => setDraft({ ...draft, from: e.target.value || undefined })}
            />
          </div>
          <div className="col-md-4">
            <TextField
              id="audit-to"
              type="date"
              label={t('audit.fields.to')}
              value={draft.to ?? ''}
              onChange={(e) => setDraft({ ...draft, to: e.target.value || undefined })}
            />
          </div>
          <div className="col-12 d-flex gap-2">
            <button type="submit" className="btn btn-primary">
              {t('audit.filters.apply')}
            </button>
            <button
              type="button"
              className="btn btn-outline-secondary"
              onClick={() => {
                setDraft({});
                onChange({});
              }}
            >
              {t('audit.filters.reset')}
            </button>
          </div>
        </form>
      </section>
      <section aria-labelledby="audit-results-heading">
        <h2 id="audit-results-heading" className="h4">
          {t('audit.results')}
        </h2>
        <AsyncContent query={events}>
          {(result) =>
            result.items.length === 0 ? (
              <p role="status">{t('audit.empty')}</p>
            ) : (
              <>
                <DataTable
                  className="table-sm table-hover"
                  caption={t('audit.caption', { count: result.total })}
                >
                  <thead>
                    <tr>
                      <th scope="col">{t('audit.fields.occurredAt')}</th>
                      <th scope="col">{t('audit.fields.actor')}</th>
                      <th scope="col">{t('audit.fields.action')}</th>
                      <th scope="col">{t('audit.fields.outcome')}</th>
                      <th scope="col">{t('audit.fields.record')}</th>
                      <th scope="col">{t('audit.fields.purpose')}</th>
                      <th scope="col">{t('audit.fields.clientIp')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.items.map((e) => (
                      <tr key={e.id}>
                        <th scope="row" className="text-nowrap">
                          {formatDateTime(e.occurredAt, locale)}
                        </th>
                        <td>
                          {e.actorUsername ?? t('audit.system')}
                          {e.actorRole
                            ? ` (${t(`roles.${e.actorRole}`, { defaultValue: e.actorRole })})`
                            : ''}
                        </td>
                        <td>
                          <code>{e.action}</code>
                        </td>
                        <td>{t(`audit.outcomes.${e.outcome}`)}</td>
                        <td>
                          {e.recordType && e.recordId ? (
                            <Link
                              to="/audit/record-access"
                              search={{ recordType: e.recordType, recordId: e.recordId }}
                              aria-label={t('audit.whoAccessedNamed', {
                                type: e.recordType,
                                id: e.recordId,
                              })}
                            >
                              {e.recordType}: {e.recordId}
                            </Link>
                          ) : (
                            '—'
                          )}
                        </td>
                        <td>{e.purpose ?? '—'}</td>
                        <td>{e.clientIp ?? '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </DataTable>
                <Pager
                  label={t('audit.pagerLabel')}
                  page={result.page}
                  pageSize={result.pageSize || AUDIT_PAGE_SIZE}
                  total={result.total}
                  onPage={(page) => onChange({ ...filters, page })}
                />
              </>
            )
          }
        </AsyncContent>
      </section>
    </>
  );
}
