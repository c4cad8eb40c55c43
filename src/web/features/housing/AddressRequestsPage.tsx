import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TAddressRequest, ZAddressDecisionSchema } from '../../../contracts/housing.js';
import { useLocale } from '../../i18n/index.js';
import { useSession } from '../../session/session.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { EditorCard } from '../../ui/EditorCard.js';
import { formatDateTime } from '../../ui/format.js';
import { ReasonForm } from '../../ui/forms/ReasonForm.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { housingKeys, useAddressDecision, useAddressRequests } from './housing-api.js';
import { UnitAddress } from './UnitAddress.js';

type Decision = { request: TAddressRequest; approve: boolean };

/**
 * Requests to see an apartment's address: one's own (and, once approved, the address seen once
 * here), and for a housing coordinator those about their apartments, to approve or refuse.
 */
export function AddressRequestsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const requests = useAddressRequests();
  const queryClient = useQueryClient();
  const [deciding, setDeciding] = useState<Decision | null>(null);
  const [revealing, setRevealing] = useState<TAddressRequest | null>(null);
  const [notice, setNotice] = useState('');

  return (
    <>
      <PageHeading title={t('housing.requests.title')}>
        <p className="mb-0">{t('housing.requests.intro')}</p>
      </PageHeading>
      <p role="status" className={notice ? 'my-3 fw-semibold' : 'visually-hidden'}>
        {notice}
      </p>
      <AsyncContent query={requests}>
        {(items) => {
          const toDecide = items.filter((r) => r.canDecide);
          const mine = items.filter((r) => r.requestedBy.id === session.user.id);
          const decided = items.filter((r) => !r.canDecide && r.requestedBy.id !== session.user.id);
          return (
            <>
              {toDecide.length > 0 && (
                <RequestsTable
                  id="requests-to-decide"
                  title={t('housing.requests.toDecide')}
                  items={toDecide}
                  action={(r) => (
                    <div className="d-flex flex-wrap gap-2">
                      <button
                        type="button"
                        className="btn btn-primary btn-sm"
                        aria-label={t('housing.requests.approveNamed', {
                          name: r.requestedBy.name,
                          unit: r.unitLabel,
                        })}
                        onClick={() => {
                          setNotice('');
                          setDeciding({ request: r, approve: true });
                        }}
                      >
                        {t('housing.requests.approve')}
                      </button>
                      <button
                        type="button"
                        className="btn btn-outline-danger btn-sm"
                        aria-label={t('housing.requests.refuseNamed', {
                          name: r.requestedBy.name,
                          unit: r.unitLabel,
                        })}
                        onClick={() => {
                          setNotice('');
                          setDeciding({ request: r, approve: false });
                        }}
                      >
                        {t('housing.requests.refuse')}
                      </button>
                    </div>
                  )}
                />
              )}
              {deciding && (
                <DecisionPanel
                  decision={deciding}
                  onDone={(saved) => {
                    setDeciding(null);
                    if (saved)
                      setNotice(
                        t(deciding.approve ? 'housing.requests.approved' : 'housing.requests.refused'),
                      );
                  }}
                />
              )}
              <RequestsTable
                id="requests-mine"
                title={t('housing.requests.mine')}
                empty={t('housing.requests.mineEmpty')}
                items={mine}
                action={(r) =>
                  r.usableUntil ? (
                    <button
                      type="button"
                      className="btn btn-outline-primary btn-sm"
                      aria-label={t('housing.address.revealNamed', { unit: r.unitLabel })}
                      onClick={() => {
                        setNotice('');
                        setRevealing(r);
                      }}
                    >
                      {t('housing.address.reveal')}
                    </button>
                  ) : null
                }
              />
              {revealing && (
                <EditorCard
                  id="request-reveal"
                  title={t('housing.requests.revealTitle', { unit: revealing.unitLabel })}
                >
                  <p>{t('housing.requests.revealOnce')}</p>
                  <UnitAddress
                    unitId={revealing.unitId}
                    unitLabel={revealing.unitLabel}
                    startOpen
                    onClosed={() => {
                      setRevealing(null);
                      void queryClient.invalidateQueries({ queryKey: housingKeys.requests });
                    }}
                  />
                </EditorCard>
              )}
              {decided.length > 0 && (
                <RequestsTable id="requests-decided" title={t('housing.requests.decided')} items={decided} />
              )}
            </>
          );
        }}
      </AsyncContent>
    </>
  );
}

function RequestsTable({
  id,
  title,
  items,
  empty,
  action,
}: {
  id: string;
  title: string;
  items: TAddressRequest[];
  empty?: string;
  action?: (request: TAddressRequest) => React.ReactNode;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section aria-labelledby={`${id}-title`} className="mb-5">
      <h2 id={`${id}-title`} className="h4">
        {title}
      </h2>
      {items.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <DataTable
          caption={t('housing.requests.caption', { count: items.length })}
          captionClassName="visually-hidden"
        >
          <thead>
            <tr>
              <th scope="col">{t('housing.requests.unit')}</th>
              <th scope="col">{t('housing.requests.requestedBy')}</th>
              <th scope="col">{t('housing.requests.reason')}</th>
              <th scope="col">{t('housing.requests.status')}</th>
              {action && <th scope="col">{t('housing.requests.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.unitLabel}</th>
                <td>
                  {r.requestedBy.name}
                  <span className="d-block small">{formatDateTime(r.requestedAt, locale)}</span>
                </td>
                <td className="text-break">{r.reason}</td>
                <td>
                  <StatusText request={r} />
                </td>
                {action && <td>{action(r)}</td>}
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </section>
  );
}

function StatusText({ request }: { request: TAddressRequest }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const status =
    request.status === 'approved' && request.used
      ? t('housing.requests.statusUsed')
      : request.status === 'approved' && !request.usableUntil
        ? t('housing.requests.statusExpired')
        : t(`housing.requestStatus.${request.status}`);
  return (
    <>
      {status}
      {request.usableUntil && (
        <span className="d-block small">
          {t('housing.requests.until', { when: formatDateTime(request.usableUntil, locale) })}
        </span>
      )}
      {request.decidedBy && (
        <span className="d-block small">
          {t('housing.requests.decidedBy', { name: request.decidedBy })}
          {request.decisionNote ? `: ${request.decisionNote}` : ''}
        </span>
      )}
    </>
  );
}

function DecisionPanel({ decision, onDone }: { decision: Decision; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const decide = useAddressDecision();
  const { request, approve } = decision;
  return (
    <EditorCard
      id="request-decision"
      title={t(approve ? 'housing.requests.approveTitle' : 'housing.requests.refuseTitle', {
        name: request.requestedBy.name,
        unit: request.unitLabel,
      })}
    >
      <ReasonForm
        id="request-decision-note"
        label={t('housing.requests.note')}
        hint={t('housing.requests.noteHint')}
        schema={ZAddressDecisionSchema.shape.note}
        name="note"
        optional
        submitLabel={t(approve ? 'housing.requests.approve' : 'housing.requests.refuse')}
        tone={approve ? 'primary' : 'danger'}
        pending={decide.isPending}
        error={decide.error}
        onSubmit={(note) =>
          decide.mutate(
            { requestId: request.id, body: { approve, note: note.trim() === '' ? null : note } },
            { onSuccess: () => onDone(true) },
          )
        }
        onCancel={() => onDone(false)}
      />
    </EditorCard>
  );
}
