import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCase } from '../../../contracts/index.js';
import type { TTransfer } from '../../../contracts/tutela.js';
import { useLocale } from '../../i18n/index.js';
import { EditorCard } from '../../ui/EditorCard.js';
import { Fact, Facts } from '../../ui/Facts.js';
import { formatDateTime } from '../../ui/format.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { TransferForm } from './TransferForm.js';
import { useTransferActions } from './transfers-api.js';

/**
 * A transfer to another Ambito, in the closure tab: like a closure, it is how a case leaves its
 * team, and the server refuses a closure request while a transfer waits, so both are decided in
 * one place. The open request (to which service, on which basis, why) with "Ritira" for the lead;
 * with none open, the lead's form to ask for one.
 */
export function TransferSection({ data, say }: { data: TCase; say: (text: string) => void }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const open = data.transfer ?? null;
  // Only an open case moves; a closing one waits for its closure to be decided first.
  const canAsk = data.can.lead && data.status === 'open' && !data.closure.requestedAt && !open;
  if (data.status === 'closed' && !open) return null;

  return (
    <section aria-labelledby="transfer-heading" className="mt-5">
      <div className="d-flex flex-wrap justify-content-between align-items-center gap-2 mb-3">
        <h3 id="transfer-heading" className="h5 mb-0">
          {t('transfers.section.title')}
        </h3>
        <Link to="/transfers">{t('transfers.section.all')}</Link>
      </div>
      {open ? (
        <OpenTransfer data={data} transfer={open} say={say} />
      ) : (
        <>
          <p>{data.can.lead ? t('transfers.section.intro') : t('transfers.section.none')}</p>
          {canAsk && !asking && (
            <button
              type="button"
              className="btn btn-outline-primary btn-sm"
              onClick={() => {
                say('');
                setAsking(true);
              }}
            >
              {t('transfers.section.ask')}
            </button>
          )}
          {canAsk && asking && (
            <EditorCard id="transfer-form" title={t('transfers.section.formTitle')}>
              <TransferForm
                data={data}
                onDone={(sent) => {
                  setAsking(false);
                  if (sent) say(t('transfers.section.requested'));
                }}
              />
            </EditorCard>
          )}
        </>
      )}
    </section>
  );
}

function OpenTransfer({
  data,
  transfer,
  say,
}: {
  data: TCase;
  transfer: TTransfer;
  say: (text: string) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { withdraw } = useTransferActions();
  return (
    <>
      <p>{t('transfers.section.pending')}</p>
      <Facts>
        <Fact label={t('transfers.section.toService')}>{transfer.toServiceName}</Fact>
        <Fact label={t('transfers.section.basis')}>{t(`enums.transferBasis.${transfer.basis}`)}</Fact>
        <Fact label={t('transfers.section.reason')}>{transfer.reason ?? '—'}</Fact>
        <Fact label={t('transfers.section.requestedAt')}>{formatDateTime(transfer.requestedAt, locale)}</Fact>
        <Fact label={t('transfers.section.status')}>
          <span className="badge bg-warning">{t(`enums.transferStatus.${transfer.status}`)}</span>
        </Fact>
      </Facts>
      {withdraw.error ? <ActionProblem error={withdraw.error} /> : null}
      {data.can.lead && transfer.status === 'requested' && (
        <button
          type="button"
          className="btn btn-outline-danger btn-sm"
          aria-label={t('transfers.section.withdrawNamed')}
          disabled={withdraw.isPending}
          onClick={() =>
            withdraw.mutate(transfer.id, { onSuccess: () => say(t('transfers.section.withdrawn')) })
          }
        >
          {t('transfers.section.withdraw')}
        </button>
      )}
    </>
  );
}
