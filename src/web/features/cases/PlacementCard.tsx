import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TPlacement, ZPlacementEndSchema } from '../../../contracts/tutela.js';
import { useLocale } from '../../i18n/index.js';
import { DataTable } from '../../ui/DataTable.js';
import { Fact, Facts } from '../../ui/Facts.js';
import { formatDay } from '../../ui/format.js';
import { ReasonForm } from '../../ui/forms/ReasonForm.js';
import { StepUpCodeForm } from '../../ui/forms/StepUpCodeForm.js';
import { problemType } from '../../ui/forms/server-errors.js';
import { EndDateForm } from '../households/EndDateForm.js';
import type { OrderOption } from '../households/FamilyNetworkSection.js';
import { useNotice } from '../households/notice.js';
import { VisitForm } from './PlacementForms.js';
import { revealPlacementAddress, usePlacementMutations } from './placements-api.js';

/** One placement: what, where (or "protected"), since when, on which order; its visits; its end. */
export function PlacementCard({
  caseId,
  placement,
  orders,
  canEdit,
  canReveal,
}: {
  caseId: string;
  placement: TPlacement;
  orders: OrderOption[];
  canEdit: boolean;
  /** The clinical team may ask for a protected address (after a step-up); others see that it is protected. */
  canReveal: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { end } = usePlacementMutations(caseId);
  const [ending, setEnding] = useState(false);
  const [notice, say] = useNotice();
  const id = `placement-${placement.id}`;
  const name = placement.personName;
  const period = placement.endsOn
    ? t('family.placements.range', {
        from: formatDay(placement.startsOn, locale),
        to: formatDay(placement.endsOn, locale),
      })
    : t('family.placements.since', { from: formatDay(placement.startsOn, locale) });
  const order = placement.orderId
    ? (orders.find((o) => o.id === placement.orderId)?.label ?? t('family.placements.orderUnknown'))
    : t('family.placements.orderNone');

  return (
    <article className="card shadow-sm p-3 p-md-4 mb-4" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="h5 mb-3">
        {t('family.placements.itemTitle', { name, kind: t(`enums.placementKind.${placement.kind}`) })}
        {placement.endsOn && <span className="badge bg-secondary ms-2">{t('family.placements.ended')}</span>}
      </h3>
      <Facts>
        <Fact label={t('family.placements.provider')}>{placement.providerName}</Fact>
        <Fact label={t('family.placements.period')}>{period}</Fact>
        <Fact label={t('family.placements.order')}>{order}</Fact>
        <Fact label={t('family.placements.address')}>
          <PlacementAddress caseId={caseId} placement={placement} canReveal={canReveal} />
        </Fact>
      </Facts>
      <Visits caseId={caseId} placement={placement} canEdit={canEdit} />
      {notice}
      {canEdit && !placement.endsOn && !ending && (
        <div>
          <button
            type="button"
            className="btn btn-outline-primary btn-sm"
            aria-label={t('family.placements.endNamed', { name })}
            onClick={() => {
              say('');
              setEnding(true);
            }}
          >
            {t('family.placements.end')}
          </button>
        </div>
      )}
      {ending && (
        <EndDateForm
          id={`${id}-end`}
          title={t('family.placements.endTitle', { name })}
          label={t('family.placements.endsOn')}
          submitLabel={t('family.placements.endSubmit')}
          schema={ZPlacementEndSchema}
          onSubmit={async (endsOn) => {
            await end.mutateAsync({ placementId: placement.id, endsOn });
            setEnding(false);
            say(t('family.placements.endDone'));
          }}
          onCancel={() => setEnding(false)}
        />
      )}
    </article>
  );
}

type Mode = 'closed' | 'reason' | 'step-up' | 'shown';
const isStepUpRequired = (error: unknown) => problemType(error).endsWith('step-up-required');

/**
 * The address as the list gives it; a protected one is revealed here only, with a reason and a
 * recent second factor, kept in this component's state and forgotten when hidden.
 */
function PlacementAddress({
  caseId,
  placement,
  canReveal,
}: {
  caseId: string;
  placement: TPlacement;
  canReveal: boolean;
}) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>('closed');
  const [reason, setReason] = useState('');
  const [address, setAddress] = useState<string | null>(null);
  const id = `placement-${placement.id}-address`;
  const reveal = useMutation({
    mutationFn: (why: string) => revealPlacementAddress({ caseId, placementId: placement.id, reason: why }),
    onSuccess: (revealed) => {
      setAddress(revealed.address);
      setMode('shown');
    },
    onError: (error) => {
      if (isStepUpRequired(error)) setMode('step-up');
    },
  });
  const otherError = reveal.error && !isStepUpRequired(reveal.error) ? reveal.error : null;
  const close = () => {
    setAddress(null);
    setReason('');
    reveal.reset();
    setMode('closed');
  };

  if (placement.address) return <>{placement.address}</>;
  if (!placement.hasAddress) return <>{t('family.placements.addressNone')}</>;
  if (!placement.addressProtected) return <>{t('family.placements.addressTeamOnly')}</>;
  return (
    <>
      {mode === 'shown' ? (
        <span className="d-block">{address ?? t('family.placements.addressNone')}</span>
      ) : (
        <span className="d-block fw-semibold">{t('family.placements.addressProtected')}</span>
      )}
      {canReveal && mode === 'closed' && (
        <button
          type="button"
          className="btn btn-outline-primary btn-xs mt-1"
          aria-label={t('family.placements.revealNamed', { name: placement.personName })}
          onClick={() => setMode('reason')}
        >
          {t('family.placements.reveal')}
        </button>
      )}
      {mode === 'shown' && (
        <button type="button" className="btn btn-outline-secondary btn-xs mt-1" onClick={close}>
          {t('family.placements.hide')}
        </button>
      )}
      {mode === 'reason' && (
        <ReasonForm
          id={`${id}-reason`}
          label={t('family.placements.revealReason')}
          hint={t('family.placements.revealReasonHint')}
          submitLabel={t('family.placements.revealSubmit')}
          tone="primary"
          pending={reveal.isPending}
          error={otherError}
          onSubmit={(why) => {
            setReason(why);
            reveal.mutate(why);
          }}
          onCancel={close}
        />
      )}
      {mode === 'step-up' && (
        <StepUpCodeForm
          id={`${id}-step-up`}
          texts={{
            title: t('family.placements.stepUp.title'),
            intro: t('family.placements.stepUp.intro'),
            code: t('family.placements.stepUp.code'),
            codeHint: t('family.placements.stepUp.codeHint'),
            submit: t('family.placements.stepUp.submit'),
          }}
          reason={reason}
          pending={reveal.isPending}
          error={otherError}
          onVerified={() => reveal.mutate(reason)}
          onCancel={close}
        />
      )}
    </>
  );
}

function Visits({ caseId, placement, canEdit }: { caseId: string; placement: TPlacement; canEdit: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [adding, setAdding] = useState(false);
  const [notice, say] = useNotice();
  const name = placement.personName;
  const id = `placement-${placement.id}-visits`;
  return (
    <section aria-labelledby={`${id}-title`} className="mb-3">
      <h4 id={`${id}-title`} className="h6">
        {t('family.placements.visits.title')}
      </h4>
      {placement.visits.length === 0 ? (
        <p>{t('family.placements.visits.empty')}</p>
      ) : (
        <DataTable
          caption={t('family.placements.visits.caption', { count: placement.visits.length, name })}
          className="table-sm"
          captionClassName="visually-hidden"
        >
          <thead>
            <tr>
              <th scope="col">{t('family.placements.visits.date')}</th>
              <th scope="col">{t('family.placements.visits.note')}</th>
              <th scope="col">{t('family.placements.visits.by')}</th>
            </tr>
          </thead>
          <tbody>
            {placement.visits.map((v) => (
              <tr key={v.id}>
                <th scope="row">{formatDay(v.visitedOn, locale)}</th>
                <td className="text-break">{v.note ?? '—'}</td>
                <td>{v.by || '—'}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      {notice}
      {canEdit && !adding && (
        <button
          type="button"
          className="btn btn-outline-primary btn-sm"
          aria-label={t('family.placements.visits.addNamed', { name })}
          onClick={() => {
            say('');
            setAdding(true);
          }}
        >
          {t('family.placements.visits.add')}
        </button>
      )}
      {adding && (
        <VisitForm
          caseId={caseId}
          placementId={placement.id}
          title={t('family.placements.visits.formTitle', { name })}
          onDone={(saved) => {
            setAdding(false);
            if (saved) say(t('family.placements.visits.added'));
          }}
        />
      )}
    </section>
  );
}
