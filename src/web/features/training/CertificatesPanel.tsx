import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TCertificate, ZRevokeSchema } from '../../../contracts/training.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { formatDay } from '../../ui/format.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { ReasonForm } from '../../ui/forms/ReasonForm.js';
import { downloads, useCertificateMutations, useCertificates } from './training-api.js';
import { hoursLabel } from './training-words.js';

/**
 * The edition's certificates, for its trainers: issue every one the attendance earns, download them
 * (one PDF each, or all in a ZIP, in Italian or English), revoke one with a stated reason.
 */
export function CertificatesPanel({ editionId }: { editionId: string }) {
  const { t } = useTranslation();
  const certificates = useCertificates(editionId, true);
  const { issueAll, revoke } = useCertificateMutations(editionId);
  const [revoking, setRevoking] = useState<TCertificate | null>(null);
  const result = issueAll.data;

  return (
    <section aria-labelledby="certificates" className="mb-4">
      <h2 id="certificates" className="h4">
        {t('courses.certificates.title')}
      </h2>
      <p>{t('courses.certificates.intro')}</p>
      <div className="d-flex flex-wrap gap-3 align-items-center mb-3">
        <button
          type="button"
          className="btn btn-primary btn-sm"
          disabled={issueAll.isPending}
          onClick={() => issueAll.mutate()}
        >
          {t('courses.certificates.issueAll')}
        </button>
        <a href={downloads.certificatesZip(editionId, 'it')} download>
          {t('courses.certificates.zip', { language: t('locales.it') })}
        </a>
        <a href={downloads.certificatesZip(editionId, 'en')} download>
          {t('courses.certificates.zip', { language: t('locales.en') })}
        </a>
      </div>
      {issueAll.error ? <ActionProblem error={issueAll.error} /> : null}
      {result && (
        <p role="status" className="alert alert-success">
          {t('courses.certificates.issued', { count: result.issued })}{' '}
          {t('courses.certificates.alreadyIssued', { count: result.alreadyIssued })}{' '}
          {t('courses.certificates.belowThreshold', { count: result.belowThreshold })}
        </p>
      )}
      {revoking && (
        <ReasonForm
          id="revoke-reason"
          label={t('courses.certificates.revokeReason', { name: revoking.holderName })}
          schema={ZRevokeSchema.shape.reason}
          submitLabel={t('courses.certificates.revokeSubmit')}
          pending={revoke.isPending}
          error={revoke.error}
          onSubmit={(reason) =>
            revoke.mutate({ id: revoking.id, reason }, { onSuccess: () => setRevoking(null) })
          }
          onCancel={() => setRevoking(null)}
        />
      )}
      <AsyncContent query={certificates}>
        {(data) =>
          data.length === 0 ? (
            <p>{t('courses.certificates.empty')}</p>
          ) : (
            <CertificateTable certificates={data} onRevoke={setRevoking} />
          )
        }
      </AsyncContent>
    </section>
  );
}

function CertificateTable({
  certificates,
  onRevoke,
}: {
  certificates: TCertificate[];
  onRevoke: (certificate: TCertificate) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <DataTable caption={t('courses.certificates.caption', { count: certificates.length })}>
      <thead>
        <tr>
          <th scope="col">{t('courses.certificates.holder')}</th>
          <th scope="col">{t('courses.fields.hours')}</th>
          <th scope="col">{t('courses.certificates.issuedOn')}</th>
          <th scope="col">{t('courses.certificates.state')}</th>
          <th scope="col">{t('courses.certificates.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {certificates.map((c) => (
          <tr key={c.id}>
            <th scope="row">{c.holderName}</th>
            <td>{hoursLabel(c.hours, locale)}</td>
            <td>{formatDay(c.issuedOn, locale)}</td>
            <td>
              {c.revokedAt
                ? t('courses.certificates.revoked', { reason: c.revocationReason ?? '' })
                : c.validUntil
                  ? t('courses.certificates.validUntil', { date: formatDay(c.validUntil, locale) })
                  : t('courses.certificates.valid')}
            </td>
            <td>
              <div className="d-flex flex-wrap gap-2">
                <a href={downloads.certificatePdf(c.id, 'it')} download>
                  {t('courses.certificates.pdf', { name: c.holderName, language: t('locales.it') })}
                </a>
                <a href={downloads.certificatePdf(c.id, 'en')} download>
                  {t('courses.certificates.pdf', { name: c.holderName, language: t('locales.en') })}
                </a>
                {!c.revokedAt && (
                  <button type="button" className="btn btn-outline-danger btn-xs" onClick={() => onRevoke(c)}>
                    {t('courses.certificates.revoke', { name: c.holderName })}
                  </button>
                )}
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
