import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TConsent, TPerson } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { useCan } from '../../session/session.js';
import { DataTable } from '../../ui/DataTable.js';
import { EditorCard } from '../../ui/EditorCard.js';
import { formatDay } from '../../ui/format.js';
import { ReasonForm } from '../../ui/forms/ReasonForm.js';
import { StatusBadge } from '../cases/StatusBadge.js';
import { ConsentForm } from './ConsentForm.js';
import { useHouseholdMutations } from './households-api.js';

/** A member's consents: what for, to whom, which data, from when to when, how; and their state. */
export function ConsentsSection({
  householdId,
  person,
  consents,
}: {
  householdId: string;
  person: TPerson;
  consents: TConsent[];
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const canWrite = useCan()('households.write');
  const { revokeConsent } = useHouseholdMutations(householdId);
  const [recording, setRecording] = useState(false);
  const [revoking, setRevoking] = useState<TConsent | null>(null);
  const name = `${person.givenName} ${person.familyName}`;

  return (
    <section aria-labelledby="consents-heading" className="mb-4">
      <div className="d-flex flex-wrap justify-content-between align-items-center mb-3">
        <h3 id="consents-heading" className="h5 mb-0">
          {t('households.consents.title')}
        </h3>
        {canWrite && !recording && (
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setRecording(true)}>
            {t('households.consents.record')}
          </button>
        )}
      </div>
      {consents.length === 0 ? (
        <p>{t('households.consents.empty')}</p>
      ) : (
        <DataTable className="table-sm" caption={t('households.consents.caption', { name })}>
          <thead>
            <tr>
              <th scope="col">{t('households.consents.purpose')}</th>
              <th scope="col">{t('households.consents.recipient')}</th>
              <th scope="col">{t('households.consents.sections')}</th>
              <th scope="col">{t('households.consents.period')}</th>
              <th scope="col">{t('households.consents.how')}</th>
              <th scope="col">{t('households.consents.state')}</th>
              {canWrite && <th scope="col">{t('common.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {consents.map((consent) => (
              <tr key={consent.id}>
                <th scope="row">{t(`enums.consentPurpose.${consent.purpose}`)}</th>
                <td>{consent.recipientServiceName ?? '—'}</td>
                <td>
                  {consent.sections.length === 0
                    ? t('households.consents.noSections')
                    : consent.sections.map((s) => t(`enums.dataSection.${s}`)).join(', ')}
                </td>
                <td className="text-nowrap">
                  {t('households.consents.from', { date: formatDay(consent.givenOn, locale) })}
                  <br />
                  {consent.expiresOn
                    ? t('households.consents.until', { date: formatDay(consent.expiresOn, locale) })
                    : t('households.consents.noExpiry')}
                </td>
                <td>
                  {t(`enums.consentMethod.${consent.method}`)}
                  {consent.givenBy === 'legal_representative' && (
                    <span className="d-block small">
                      {t('households.consents.byRepresentative', {
                        name: consent.representativeName ?? '—',
                      })}
                    </span>
                  )}
                  {consent.witnessName && (
                    <span className="d-block small">
                      {t('households.consents.witness', { name: consent.witnessName })}
                    </span>
                  )}
                  {consent.courtOrderReference && (
                    <span className="d-block small">
                      {t('households.consents.courtOrder', { reference: consent.courtOrderReference })}
                    </span>
                  )}
                </td>
                <td>
                  <StatusBadge kind="consentState" value={consent.state} />
                </td>
                {canWrite && (
                  <td>
                    {consent.state === 'active' && (
                      <button
                        type="button"
                        className="btn btn-outline-danger btn-xs"
                        aria-label={t('households.consents.revokeNamed', {
                          purpose: t(`enums.consentPurpose.${consent.purpose}`),
                          recipient: consent.recipientServiceName ?? '',
                        })}
                        onClick={() => setRevoking(consent)}
                      >
                        {t('households.consents.revoke')}
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      {revoking && (
        <ReasonForm
          key={revoking.id}
          id="consent-revoke-reason"
          label={t('households.consents.revokeReason', {
            purpose: t(`enums.consentPurpose.${revoking.purpose}`),
          })}
          submitLabel={t('households.consents.confirmRevoke')}
          pending={revokeConsent.isPending}
          error={revokeConsent.error}
          onSubmit={(reason) =>
            revokeConsent.mutate(
              { consentId: revoking.id, reason },
              {
                onSuccess: () => {
                  revokeConsent.reset();
                  setRevoking(null);
                },
              },
            )
          }
          onCancel={() => {
            revokeConsent.reset();
            setRevoking(null);
          }}
        />
      )}
      {recording && (
        <EditorCard id="consent-form" title={t('households.consents.recordTitle', { name })}>
          <ConsentForm householdId={householdId} personId={person.id} onDone={() => setRecording(false)} />
        </EditorCard>
      )}
    </section>
  );
}
