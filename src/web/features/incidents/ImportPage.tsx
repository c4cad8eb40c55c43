import { Link } from '@tanstack/react-router';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/problem.js';
import { useLocale } from '../../i18n/index.js';
import { FormActions } from '../../ui/fields.js';
import { formatNumber } from '../../ui/format.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import {
  IMPORT_MAX_BYTES,
  type IMPORT_TYPES,
  registerTemplateUrl,
  useRegisterImport,
} from './incidents-api.js';

/** The format a register file is sent as, from its extension (browsers disagree on CSV's MIME type). */
function formatOf(file: File): keyof typeof IMPORT_TYPES | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv')) return 'csv';
  if (name.endsWith('.xlsx')) return 'xlsx';
  return null;
}

export function ImportPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const upload = useRegisterImport();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const inputId = useId();

  function submit(event: FormEvent) {
    event.preventDefault();
    upload.reset();
    if (!file) return setFileError(t('incidents.import.chooseFile'));
    const format = formatOf(file);
    if (!format) return setFileError(t('incidents.import.wrongType'));
    if (file.size > IMPORT_MAX_BYTES) return setFileError(t('incidents.import.tooLarge'));
    setFileError(null);
    upload.mutate({ file, format });
  }

  // The server words each problem for people: the row, the column's header, what is allowed.
  const rowErrors = isApiError(upload.error) ? upload.error.fieldErrors(locale) : [];
  const errorDetail = isApiError(upload.error) ? upload.error.localized(locale)?.detail : undefined;

  return (
    <>
      <PageHeading title={t('incidents.import.title')}>
        <p className="mb-2">{t('incidents.import.intro')}</p>
        <Link to="/incidents">{t('incidents.form.back')}</Link>
      </PageHeading>
      <section aria-labelledby="import-columns" className="mb-4 col-xl-10">
        <h2 id="import-columns" className="h5">
          {t('incidents.import.columnsTitle')}
        </h2>
        <p>{t('incidents.import.columns')}</p>
        <p id="import-template-hint">{t('incidents.import.templateHint')}</p>
        <a
          className="btn btn-outline-primary"
          href={registerTemplateUrl(locale)}
          download
          aria-describedby="import-template-hint"
        >
          {t('incidents.import.template')}
        </a>
      </section>
      <form onSubmit={submit} noValidate className="col-xl-8 mb-4">
        <div className="mb-3">
          <label htmlFor={inputId} className="form-label fw-semibold d-block">
            {t('incidents.import.file')} *
          </label>
          <input
            id={inputId}
            type="file"
            className={`form-control${fileError ? ' is-invalid' : ''}`}
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={`${inputId}-hint${fileError ? ` ${inputId}-error` : ''}`}
            aria-invalid={fileError ? true : undefined}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setFileError(null);
            }}
          />
          <small id={`${inputId}-hint`} className="form-text">
            {t('incidents.import.fileHint')}
          </small>
          {fileError && (
            <div id={`${inputId}-error`} className="invalid-feedback d-block" role="alert">
              {fileError}
            </div>
          )}
        </div>
        <FormActions>
          <button type="submit" className="btn btn-primary" disabled={upload.isPending}>
            {t('incidents.import.submit')}
          </button>
        </FormActions>
      </form>

      {upload.data && (
        <section className="alert alert-success col-xl-8" role="status" aria-labelledby="import-done">
          <h2 id="import-done" className="h5">
            {t('incidents.import.done')}
          </h2>
          <dl className="row mb-0">
            <dt className="col-sm-8">{t('incidents.import.rows')}</dt>
            <dd className="col-sm-4 mb-1">{formatNumber(upload.data.rows, locale)}</dd>
            <dt className="col-sm-8">{t('incidents.import.created')}</dt>
            <dd className="col-sm-4 mb-1">{formatNumber(upload.data.created, locale)}</dd>
            <dt className="col-sm-8">{t('incidents.import.alreadyPresent')}</dt>
            <dd className="col-sm-4 mb-0">{formatNumber(upload.data.alreadyPresent, locale)}</dd>
          </dl>
        </section>
      )}

      {upload.error ? (
        rowErrors.length > 0 ? (
          <section aria-labelledby="import-errors" className="col-xl-10">
            <div className="alert alert-danger" role="alert">
              <h2 id="import-errors" className="h5">
                {t('incidents.import.errorsTitle')}
              </h2>
              {errorDetail && <p className="mb-0">{errorDetail}</p>}
            </div>
            <ul className="list-group mb-4" aria-label={t('incidents.import.errorsCaption')}>
              {rowErrors.map((error, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: two problems may read the same
                <li key={index} className="list-group-item text-break">
                  {error.message}
                </li>
              ))}
            </ul>
          </section>
        ) : (
          <ProblemAlert error={upload.error} />
        )
      ) : null}
    </>
  );
}
