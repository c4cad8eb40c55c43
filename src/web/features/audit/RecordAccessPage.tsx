import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZRecordAccessQuerySchema } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { TextField } from '../../ui/fields.js';
import { formatDateTime } from '../../ui/format.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { useRecordAccess } from './audit-api.js';

/** "Who accessed this record": the answer a DPO gives to a data subject (GDPR art. 15). */
export function RecordAccessPage({
  recordType,
  recordId,
  onSearch,
}: {
  recordType?: string | undefined;
  recordId?: string | undefined;
  onSearch: (next: { recordType?: string; recordId?: string }) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const access = useRecordAccess(recordType, recordId);
  const [type, setType] = useState(recordType ?? '');
  const [id, setId] = useState(recordId ?? '');
  const [missing, setMissing] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    const ok = type.trim() !== '' && id.trim() !== '';
    setMissing(!ok);
    if (ok) onSearch({ recordType: type.trim(), recordId: id.trim() });
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
        <div className="col-md-4">
          <TextField
            id="record-access-type"
            label={t('audit.fields.recordType')}
            hint={t('audit.recordAccess.typeHint')}
            required
            maxLength={maxLengthOf(ZRecordAccessQuerySchema.shape.recordType)}
            value={type}
            error={missing && !type.trim() ? t('validation.required') : undefined}
            onChange={(e) => setType(e.target.value)}
          />
        </div>
        <div className="col-md-5">
          <TextField
            id="record-access-id"
            label={t('audit.fields.recordId')}
            required
            maxLength={maxLengthOf(ZRecordAccessQuerySchema.shape.recordId)}
            value={id}
            error={missing && !id.trim() ? t('validation.required') : undefined}
            onChange={(e) => setId(e.target.value)}
          />
        </div>
        <div className="col-md-3 d-flex align-items-start">
          <button type="submit" className="btn btn-primary mt-2">
            {t('audit.recordAccess.submit')}
          </button>
        </div>
      </form>
      {recordType && recordId && (
        <AsyncContent query={access}>
          {(rows) =>
            rows.length === 0 ? (
              <p role="status">{t('audit.recordAccess.empty')}</p>
            ) : (
              <DataTable
                className="table-hover"
                caption={t('audit.recordAccess.caption', { type: recordType, id: recordId })}
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
                      <th scope="row">{row.actorUsername ?? t('audit.system')}</th>
                      <td>
                        {row.actorRole ? t(`roles.${row.actorRole}`, { defaultValue: row.actorRole }) : '—'}
                      </td>
                      <td>
                        {row.actions.map((a) => (
                          <code key={a} className="me-2">
                            {a}
                          </code>
                        ))}
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
