import { Link } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TTransfer, ZTransferRefuseSchema } from '../../../contracts/tutela.js';
import { useLocale } from '../../i18n/index.js';
import { useCan } from '../../session/session.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { Fact, Facts } from '../../ui/Facts.js';
import { formatDateTime } from '../../ui/format.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { ReasonForm } from '../../ui/forms/ReasonForm.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { useNotice } from '../households/notice.js';
import { useTransferActions, useTransfers } from './transfers-api.js';

const TONE = {
  requested: 'warning',
  accepted: 'success',
  refused: 'danger',
  withdrawn: 'secondary',
} as const;

/**
 * Transfers between Ambiti: first the requests waiting for the caller's service (the case code, the
 * sending service, the basis and the reason — never the case itself, until accepted), each with
 * Accept and Refuse; then those sent from the caller's cases and those already answered.
 */
export function TransfersPage() {
  const { t } = useTranslation();
  const transfers = useTransfers();
  const [notice, say] = useNotice();
  const [accepted, setAccepted] = useState<{ caseId: string; code: string } | null>(null);

  return (
    <>
      <PageHeading title={t('transfers.page.title')}>
        <p className="mb-0">{t('transfers.page.intro')}</p>
      </PageHeading>
      {notice}
      {accepted && (
        <p>
          <Link to="/cases/$caseId" params={{ caseId: accepted.caseId }} className="btn btn-primary btn-sm">
            {t('transfers.page.openCase', { code: accepted.code })}
          </Link>
        </p>
      )}
      <AsyncContent query={transfers}>
        {(list) => {
          const waiting = list.filter((x) => x.incoming && x.status === 'requested');
          const others = list.filter((x) => !(x.incoming && x.status === 'requested'));
          return (
            <>
              <section aria-labelledby="transfers-incoming-heading" className="mb-5">
                <h2 id="transfers-incoming-heading" className="h4">
                  {t('transfers.page.incoming')}
                </h2>
                {waiting.length === 0 ? (
                  <p>{t('transfers.page.incomingEmpty')}</p>
                ) : (
                  <>
                    <p>{t('transfers.page.incomingNote')}</p>
                    <ul className="list-unstyled">
                      {waiting.map((transfer) => (
                        <li key={transfer.id}>
                          <IncomingTransfer
                            transfer={transfer}
                            onAccepted={(caseId) => {
                              setAccepted({ caseId, code: transfer.caseCode });
                              say(t('transfers.page.accepted', { code: transfer.caseCode }));
                            }}
                            onRefused={() => {
                              setAccepted(null);
                              say(t('transfers.page.refused'));
                            }}
                            onStart={() => say('')}
                          />
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </section>
              <section aria-labelledby="transfers-others-heading">
                <h2 id="transfers-others-heading" className="h4">
                  {t('transfers.page.others')}
                </h2>
                {others.length === 0 ? (
                  <p>{t('transfers.page.othersEmpty')}</p>
                ) : (
                  <OtherTransfers transfers={others} />
                )}
              </section>
            </>
          );
        }}
      </AsyncContent>
    </>
  );
}

function IncomingTransfer({
  transfer,
  onAccepted,
  onRefused,
  onStart,
}: {
  transfer: TTransfer;
  onAccepted: (caseId: string) => void;
  onRefused: () => void;
  onStart: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const headingId = useId();
  // Only someone who works on cases, in the receiving service, answers (a coordinator reads).
  const canAnswer = useCan()('cases.write');
  const { accept, refuse } = useTransferActions();
  const [refusing, setRefusing] = useState(false);
  const problem = accept.error;

  return (
    <article className="card shadow-sm p-3 p-md-4 mb-4" aria-labelledby={headingId}>
      <h3 id={headingId} className="h5">
        {t('transfers.page.incomingHeading', { code: transfer.caseCode, service: transfer.fromServiceName })}
      </h3>
      <Facts>
        <Fact label={t('transfers.page.from')}>{transfer.fromServiceName}</Fact>
        <Fact label={t('transfers.page.basis')}>{t(`enums.transferBasis.${transfer.basis}`)}</Fact>
        <Fact label={t('transfers.page.reason')}>{transfer.reason ?? '—'}</Fact>
        <Fact label={t('transfers.page.requestedAt')}>{formatDateTime(transfer.requestedAt, locale)}</Fact>
      </Facts>
      {problem ? <ActionProblem error={problem} /> : null}
      {canAnswer && (
        <div className="d-flex flex-wrap gap-2">
          <button
            type="button"
            className="btn btn-primary btn-sm"
            disabled={accept.isPending}
            onClick={() => {
              onStart();
              accept.mutate(transfer.id, { onSuccess: (c) => onAccepted(c.id) });
            }}
          >
            {t('transfers.page.accept')}
          </button>
          {!refusing && (
            <button
              type="button"
              className="btn btn-outline-danger btn-sm"
              onClick={() => {
                onStart();
                refuse.reset();
                setRefusing(true);
              }}
            >
              {t('transfers.page.refuse')}
            </button>
          )}
        </div>
      )}
      {canAnswer && refusing && (
        <ReasonForm
          id={`transfer-${transfer.id}-refuse`}
          label={t('transfers.page.refuseLabel')}
          schema={ZTransferRefuseSchema.shape.reason}
          submitLabel={t('transfers.page.refuseSubmit')}
          pending={refuse.isPending}
          error={refuse.error}
          onSubmit={(reason) =>
            refuse.mutate({ transferId: transfer.id, reason }, { onSuccess: () => onRefused() })
          }
          onCancel={() => setRefusing(false)}
        />
      )}
    </article>
  );
}

/**
 * Requests sent from the caller's cases, and answered ones. The case is linked where the caller
 * still reaches it: the sender until it is accepted, the receiver once it is.
 */
function OtherTransfers({ transfers }: { transfers: TTransfer[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <DataTable className="table-sm" caption={t('transfers.page.caption', { count: transfers.length })}>
      <thead>
        <tr>
          <th scope="col">{t('transfers.page.case')}</th>
          <th scope="col">{t('transfers.page.route')}</th>
          <th scope="col">{t('transfers.page.basis')}</th>
          <th scope="col">{t('transfers.page.reason')}</th>
          <th scope="col">{t('transfers.page.requestedAt')}</th>
          <th scope="col">{t('transfers.page.status')}</th>
          <th scope="col">{t('transfers.page.answer')}</th>
        </tr>
      </thead>
      <tbody>
        {transfers.map((x) => {
          const reachable = x.incoming ? x.status === 'accepted' : x.status !== 'accepted';
          return (
            <tr key={x.id}>
              <th scope="row" className="font-monospace">
                {reachable ? (
                  <Link to="/cases/$caseId" params={{ caseId: x.caseId }}>
                    {x.caseCode}
                  </Link>
                ) : (
                  x.caseCode
                )}
              </th>
              <td>{t('transfers.page.routeValue', { from: x.fromServiceName, to: x.toServiceName })}</td>
              <td>{t(`enums.transferBasis.${x.basis}`)}</td>
              <td className="text-break">{x.reason ?? '—'}</td>
              <td className="text-nowrap">{formatDateTime(x.requestedAt, locale)}</td>
              <td>
                <span className={`badge bg-${TONE[x.status]}`}>{t(`enums.transferStatus.${x.status}`)}</span>
              </td>
              <td>
                {x.answeredAt
                  ? t('transfers.page.answeredOn', { date: formatDateTime(x.answeredAt, locale) })
                  : '—'}
                {x.refusalReason && <span className="d-block small text-break">{x.refusalReason}</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </DataTable>
  );
}
