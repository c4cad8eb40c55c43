import { type FormEvent, type RefObject, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TReportVerification } from '../../../contracts/impact-periods.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { Fact, Facts } from '../../ui/Facts.js';
import { FormActions } from '../../ui/fields.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { useSigningKey, useVerifyReportFile } from './report-verify-api.js';
import { failureWords, reportFile, reportPeriod, sealedAt, sealProblem } from './report-verify-format.js';

/**
 * Anyone who received an impact report's file (a funder, an auditor, a partner) checks here, with
 * no account, that Trama sealed it and that nobody changed it since: the file goes to the server,
 * which reads its seal and keeps nothing. The same check runs offline with `npm run report:verify`.
 */
export function ReportVerificationPage() {
  const { t } = useTranslation();
  const verify = useVerifyReportFile();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [checkedName, setCheckedName] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const inputId = useId();

  // Each answer (or failure) moves focus to its heading, so it is read first and the details follow.
  useEffect(() => {
    if (verify.isSuccess || verify.isError) resultRef.current?.focus();
  }, [verify.isSuccess, verify.isError]);

  function submit(event: FormEvent) {
    event.preventDefault();
    verify.reset();
    if (!file || file.size === 0) {
      setFileError(t(file ? 'impact.verify.form.emptyFile' : 'impact.verify.form.chooseFile'));
      inputRef.current?.focus();
      return;
    }
    setFileError(null);
    setCheckedName(file.name);
    verify.mutate(file);
  }

  const describedBy = `${inputId}-hint${fileError ? ` ${inputId}-error` : ''}`;
  return (
    <>
      <PageHeading title={t('impact.verify.title')}>
        <p>{t('impact.verify.intro')}</p>
        <p>{t('impact.verify.how')}</p>
        <p className="mb-0">{t('impact.verify.integrity')}</p>
      </PageHeading>
      <form onSubmit={submit} noValidate className="mb-4">
        <div className="mb-3">
          <label htmlFor={inputId} className="form-label fw-semibold d-block">
            {t('impact.verify.form.file')}
          </label>
          <input
            ref={inputRef}
            id={inputId}
            type="file"
            className={`form-control${fileError ? ' is-invalid' : ''}`}
            accept=".pdf,.xlsx,application/pdf,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={describedBy}
            aria-invalid={fileError ? true : undefined}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setFileError(null);
              // A result stays with the file it was about: choosing another clears it.
              verify.reset();
            }}
          />
          <small id={`${inputId}-hint`} className="form-text">
            {t('impact.verify.form.fileHint')}
          </small>
          {fileError && (
            <div id={`${inputId}-error`} className="invalid-feedback d-block">
              {fileError}
            </div>
          )}
        </div>
        <FormActions>
          <button type="submit" className="btn btn-primary" disabled={verify.isPending}>
            {t('impact.verify.form.submit')}
          </button>
        </FormActions>
      </form>

      {/* Always present, so the answer that appears in it is announced. */}
      <div role="status" aria-live="polite" className="mb-4">
        {verify.isPending && <p>{t('impact.verify.form.checking')}</p>}
        {verify.isSuccess && <Outcome result={verify.data} fileName={checkedName} headingRef={resultRef} />}
        {verify.isError && <Failure error={verify.error} headingRef={resultRef} />}
      </div>

      <SigningKey />
    </>
  );
}

type HeadingRef = RefObject<HTMLHeadingElement>;

/** What the seal says: authentic and intact, with the report's details; or not, and why. */
function Outcome({
  result,
  fileName,
  headingRef,
}: {
  result: TReportVerification;
  fileName: string;
  headingRef: HeadingRef;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const report = result.valid ? result.report : null;
  const checked = fileName ? (
    <p className="mb-1 text-break">{t('impact.verify.result.fileName', { name: fileName })}</p>
  ) : null;
  if (!report) {
    return (
      <div className="alert alert-danger">
        <h2 ref={headingRef} tabIndex={-1} className="h4 mb-2">
          <span aria-hidden="true" className="me-2">
            ✗
          </span>
          {t('impact.verify.result.invalid')}
        </h2>
        {checked}
        <p className="mb-1">
          {t('impact.verify.result.reason', {
            reason: t(`impact.verify.problems.${sealProblem(result.problem)}`),
          })}
        </p>
        <p className="mb-0">{t('impact.verify.result.invalidAdvice')}</p>
      </div>
    );
  }
  return (
    <>
      <div className="alert alert-success">
        <h2 ref={headingRef} tabIndex={-1} className="h4 mb-2">
          <span aria-hidden="true" className="me-2">
            ✓
          </span>
          {t('impact.verify.result.valid')}
        </h2>
        {checked}
        <p className="mb-0">{t('impact.verify.result.validDetail')}</p>
      </div>
      <Facts>
        <Fact label={t('impact.verify.details.period')}>{reportPeriod(report.period, t, locale)}</Fact>
        <Fact label={t('impact.verify.details.status')}>
          {t(report.final ? 'impact.verify.details.final' : 'impact.verify.details.draft')}
        </Fact>
        <Fact label={t('impact.verify.details.file')}>{reportFile(report, t)}</Fact>
        <Fact label={t('impact.verify.details.sealedAt')}>{sealedAt(report.signedAt, t, locale)}</Fact>
        <Fact label={t('impact.verify.details.contentHash')}>
          <code className="text-break">{report.contentHash}</code>
        </Fact>
        <Fact label={t('impact.verify.details.keyId')}>
          <code className="text-break">{report.keyId}</code>
        </Fact>
      </Facts>
    </>
  );
}

/** The file could not be checked at all (too large, too many tries, no connection): nothing was read. */
function Failure({ error, headingRef }: { error: unknown; headingRef: HeadingRef }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="alert alert-warning">
      <h2 ref={headingRef} tabIndex={-1} className="h4 mb-2">
        <span aria-hidden="true" className="me-2">
          !
        </span>
        {t('impact.verify.result.failed')}
      </h2>
      <p className="mb-0">{failureWords(error, t, locale)}</p>
    </div>
  );
}

/** The public key the seals are checked with, and the command that checks a file offline. */
function SigningKey() {
  const { t } = useTranslation();
  const signingKey = useSigningKey();
  return (
    <details>
      <summary>{t('impact.verify.key.title')}</summary>
      <div className="mt-2">
        <AsyncContent query={signingKey}>
          {(key) => (
            <>
              <p>
                {t('impact.verify.key.keyId')} <code className="text-break">{key.keyId}</code>
              </p>
              {/* Wrapped, not scrolled: on a phone the key's long lines would push the page sideways. */}
              <pre
                className="p-2 border rounded small text-break"
                style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
              >
                {key.publicKeyPem}
              </pre>
            </>
          )}
        </AsyncContent>
        <p className="mb-0">
          {t('impact.verify.key.offline')}{' '}
          <code className="text-break">npm run report:verify &lt;file&gt;</code>.
        </p>
      </div>
    </details>
  );
}
