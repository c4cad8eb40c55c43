import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TLandlord, type TRentRequest, ZRevealSchema } from '../../../contracts/housing.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { Fact, Facts } from '../../ui/Facts.js';
import { formatDay, formatRomeDay } from '../../ui/format.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { DocumentsSection } from './DocumentsSection.js';
import { revealLandlord, useRequest } from './payments-api.js';
import { formatEuro } from './payments-forms.js';
import { RequestActions } from './RequestActions.js';
import { StepUpReason } from './StepUpReason.js';

/**
 * One rent support request: what was asked, for whom and whom to pay, where it stands; what the
 * viewer may do with it now (`can`, the server's word); its supporting documents; a private
 * landlord's details, revealed after a step-up with a reason and forgotten when hidden.
 */
export function RequestDetailPage({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const request = useRequest(requestId);
  return (
    <AsyncContent query={request}>
      {(data) => (
        <>
          <PageHeading title={t('payments.request.title', { code: data.code })}>
            <p className="mb-2 h5 fw-normal">
              {t(`payments.status.${data.status}`)}
              {data.reversed ? ` · ${t('payments.request.reversedShort')}` : ''}
            </p>
            <Link to="/payments">{t('payments.backToRequests')}</Link>
          </PageHeading>
          <RequestFacts request={data} />
          <RequestActions request={data} />
          <DocumentsSection request={data} />
        </>
      )}
    </AsyncContent>
  );
}

function RequestFacts({ request }: { request: TRentRequest }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section aria-labelledby="rent-request-facts" className="mb-4">
      <h2 id="rent-request-facts" className="h4">
        {t('payments.request.facts')}
      </h2>
      <Facts>
        <Fact label={t('payments.request.budget')}>
          {t('payments.request.budgetLine', { year: request.budget.year, line: request.budget.fundingLine })}
        </Fact>
        <Fact label={t('payments.request.household')}>
          <span className="font-monospace">{request.householdCode}</span>
        </Fact>
        <Fact label={t('payments.request.unit')}>{request.unitLabel ?? '—'}</Fact>
        <Fact label={t('payments.request.amount')}>{formatEuro(request.amountCents, locale)}</Fact>
        <Fact label={t('payments.request.period')}>
          {t('payments.request.periodRange', {
            from: formatDay(request.periodFrom, locale),
            to: formatDay(request.periodTo, locale),
          })}
        </Fact>
        <Fact label={t('payments.request.payee')}>
          {request.payeeKind === 'partner' ? request.payeeName : <LandlordFact request={request} />}
        </Fact>
        <Fact label={t('payments.request.note')}>{request.note ?? '—'}</Fact>
        <Fact label={t('payments.request.requested')}>
          {t('payments.request.requestedBy', {
            name: request.requestedBy.name,
            date: formatRomeDay(request.requestedAt, locale),
          })}
        </Fact>
        {request.approvedBy && (
          <Fact label={t('payments.request.approved')}>
            {t('payments.request.approvedBy', {
              name: request.approvedBy,
              date: formatRomeDay(request.approvedAt, locale),
            })}
          </Fact>
        )}
        {request.refusalReason && (
          <Fact label={t('payments.request.refusalReason')}>{request.refusalReason}</Fact>
        )}
        {request.paidOn && (
          <Fact label={t('payments.request.paid')}>
            {t('payments.request.paidOn', {
              date: formatDay(request.paidOn, locale),
              reference: request.paymentReference ?? '—',
            })}
          </Fact>
        )}
        {request.reversed && (
          <Fact label={t('payments.request.reversal')}>{t('payments.request.reversedText')}</Fact>
        )}
      </Facts>
    </section>
  );
}

/** "Private landlord"; to finance and the housing coordinator, the details once revealed. */
function LandlordFact({ request }: { request: TRentRequest }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'closed' | 'asking' | 'shown'>('closed');
  const [landlord, setLandlord] = useState<TLandlord | null>(null);
  const close = () => {
    setLandlord(null);
    setMode('closed');
  };
  return (
    <>
      <span className="d-block">{t('payments.payeeKind.landlord')}</span>
      {mode === 'shown' && landlord && (
        <dl className="mb-1 small">
          <dt>{t('payments.landlord.name')}</dt>
          <dd>{landlord.name}</dd>
          <dt>{t('payments.landlord.taxCode')}</dt>
          <dd className="font-monospace">{landlord.taxCode ?? '—'}</dd>
          <dt>{t('payments.landlord.iban')}</dt>
          <dd className="font-monospace text-break">{landlord.iban}</dd>
          <dt>{t('payments.landlord.leaseNote')}</dt>
          <dd>{landlord.leaseNote ?? '—'}</dd>
        </dl>
      )}
      {request.can.revealLandlord && mode === 'closed' && (
        <button
          type="button"
          className="btn btn-outline-primary btn-xs mt-1"
          aria-label={t('payments.landlord.revealNamed', { code: request.code })}
          onClick={() => setMode('asking')}
        >
          {t('payments.landlord.reveal')}
        </button>
      )}
      {mode === 'shown' && (
        <button type="button" className="btn btn-outline-secondary btn-xs mt-1" onClick={close}>
          {t('payments.landlord.hide')}
        </button>
      )}
      {mode === 'asking' && (
        <StepUpReason
          id={`rent-${request.id}-landlord`}
          label={t('payments.landlord.reason')}
          hint={t('payments.landlord.reasonHint')}
          submitLabel={t('payments.landlord.revealSubmit')}
          schema={ZRevealSchema.shape.reason}
          run={(reason) => revealLandlord({ id: request.id, reason })}
          onDone={(shown) => {
            setLandlord(shown);
            setMode('shown');
          }}
          onCancel={close}
        />
      )}
    </>
  );
}
