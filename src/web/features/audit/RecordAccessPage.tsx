import { Link } from '@tanstack/react-router';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZRecordAccessQuerySchema } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { roleLabel } from '../../i18n/role-label.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { formatDateTime } from '../../ui/format.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { serverFieldError } from '../../ui/forms/server-errors.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { type RecordAccessSearch, useRecordAccess, useRecordSuggestions } from './audit-api.js';
import { actorText, inLocale, recordText, recordTypeText } from './audit-words.js';
import { SuggestField } from './SuggestField.js';

/**
 * "Who accessed this record": the answer a DPO gives to a data subject (GDPR art. 15). The DPO
 * types the record's code (or a username); links from the trail may name the record instead.
 */
export function RecordAccessPage({
  search,
  onSearch,
}: {
  search: RecordAccessSearch;
  onSearch: (next: RecordAccessSearch) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const access = useRecordAccess(search);
  const [code, setCode] = useState(search.code ?? '');
  // The field follows the URL when it changes from outside the form (a link, the back button).
  useEffect(() => setCode(search.code ?? ''), [search.code]);
  const [missing, setMissing] = useState(false);
  const suggestions = useRecordSuggestions(code);
  const asked = Boolean(search.code || (search.recordType && search.recordId));
  const codeError = missing
    ? t('validation.required')
    : access.isError
      ? serverFieldError(access.error, locale, 'code')
      : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    const typed = code.trim();
    setMissing(typed === '');
    if (typed) onSearch({ code: typed });
  }

  return (
    <>
      <p className="mb-2">
        <Link to="/audit" activeOptions={{ exact: true }}>
          {t('audit.back')}
        </Link>
      </p>
      <PageHeading title={t('audit.recordAccess.title')}>
        <p className="mb-0">{t('audit.recordAccess.intro')}</p>
      </PageHeading>
      <form onSubmit={submit} noValidate className="row g-3 mb-4">
        <div className="col-md-8 col-lg-6">
          <SuggestField
            id="record-access-code"
            label={t('audit.recordAccess.codeLabel')}
            hint={t('audit.filters.codeHint')}
            required
            maxLength={maxLengthOf(ZRecordAccessQuerySchema.shape.code)}
            value={code}
            error={codeError}
            suggestions={(suggestions.data ?? []).map((r) => ({
              value: r.code,
              label: r.name ? `${recordTypeText(t, r.type)}: ${r.name}` : recordTypeText(t, r.type),
            }))}
            onChange={(e) => setCode(e.target.value)}
          />
        </div>
        <div className="col-md-4 d-flex align-items-start">
          <button type="submit" className="btn btn-primary mt-2">
            {t('audit.recordAccess.submit')}
          </button>
        </div>
      </form>
      {asked && !codeError && (
        <AsyncContent query={access}>
          {({ record, rows }) =>
            rows.length === 0 ? (
              <p role="status">{t('audit.recordAccess.empty')}</p>
            ) : (
              <DataTable
                className="table-hover"
                caption={t('audit.recordAccess.caption', { record: recordText(t, record) })}
              >
                <thead>
                  <tr>
                    <th scope="col">{t('audit.fields.actor')}</th>
                    <th scope="col">{t('audit.fields.role')}</th>
                    <th scope="col">{t('audit.recordAccess.actions')}</th>
                    <th scope="col">{t('audit.recordAccess.firstAt')}</th>
                    <th scope="col">{t('audit.recordAccess.lastAt')}</th>
                    <th scope="col">{t('audit.recordAccess.count')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={`${row.actorUserId ?? row.actorUsername ?? 'system'}-${row.actorRole ?? ''}`}>
                      <th scope="row">{actorText(t, row)}</th>
                      <td>{row.actorRole ? roleLabel(t, row.actorRole, row.actorAddressForm) : '—'}</td>
                      <td>
                        <ul className="list-unstyled mb-0">
                          {row.actions.map((a) => (
                            <li key={a.action}>{inLocale(a.label, locale)}</li>
                          ))}
                        </ul>
                      </td>
                      <td>{formatDateTime(row.firstAt, locale)}</td>
                      <td>{formatDateTime(row.lastAt, locale)}</td>
                      <td>{row.count}</td>
                    </tr>
                  ))}
                </tbody>
              </DataTable>
            )
          }
        </AsyncContent>
      )}
    </>
  );
}
