import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  MAX_REPORT_INTERVAL_MONTHS,
  type TCourtOrder,
  type TDeadline,
  ZDeadlineMetSchema,
} from '../../../contracts/tutela.js';
import { useLocale } from '../../i18n/index.js';
import { DataTable } from '../../ui/DataTable.js';
import { EditorCard } from '../../ui/EditorCard.js';
import { Fact, Facts } from '../../ui/Facts.js';
import { FormActions, TextField } from '../../ui/fields.js';
import { formatDateTime, formatDay } from '../../ui/format.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { toInstant, toLocalInput } from '../../ui/forms/values.js';
import { CourtOrderChangeForm, useOrderTitle } from './CourtOrderForm.js';
import { useCourtOrderMutations } from './court-api.js';
import { DeadlineStateBadge } from './DeadlineStateBadge.js';
import { deadlineWhen } from './deadline-when.js';
import { Prose } from './SavedNote.js';

/**
 * One court order: its terms (on a perpetrator's case only its type and dates), the deadlines it
 * sets with what was done about them, and the history of its changes with their reasons.
 */
export function CourtOrderCard({
  caseId,
  order,
  canEdit,
}: {
  caseId: string;
  order: TCourtOrder;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const titleOf = useOrderTitle();
  const headingId = useId();
  const [changing, setChanging] = useState(false);
  const [notice, setNotice] = useState('');
  const { details } = order;

  return (
    <article className="card shadow-sm p-3 p-md-4 mb-4" aria-labelledby={headingId}>
      <h4 id={headingId} className="h5">
        {titleOf(order)}
      </h4>
      <OrderFacts order={order} />
      <div role="status">{notice && <div className="alert alert-success">{notice}</div>}</div>
      {canEdit && details && !changing && (
        <button
          type="button"
          className="btn btn-outline-primary btn-sm mb-3"
          onClick={() => {
            setNotice('');
            setChanging(true);
          }}
        >
          {t('court.orders.change')}
        </button>
      )}
      {changing && details && (
        <EditorCard
          id={`order-change-${order.id}`}
          title={t('court.orders.changeTitle', {
            kind: t(`enums.courtOrderKind.${order.kind}`),
            date: formatDay(order.decidedOn, locale),
          })}
        >
          <CourtOrderChangeForm
            caseId={caseId}
            order={{ ...order, details }}
            onDone={(saved) => {
              setChanging(false);
              if (saved) setNotice(t('court.orders.changed'));
            }}
          />
        </EditorCard>
      )}
      <Deadlines caseId={caseId} order={order} canEdit={canEdit} />
      {order.changes.length > 0 && <Changes order={order} />}
    </article>
  );
}

function OrderFacts({ order }: { order: TCourtOrder }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { details } = order;
  const months = (n: number) => t('court.values.months', { count: n });
  return (
    <>
      {!details && (
        <p className="callout note p-3" role="note">
          {t('court.orders.perpetratorNote')}
        </p>
      )}
      <Facts>
        <Fact label={t('court.fields.kind')}>{t(`enums.courtOrderKind.${order.kind}`)}</Fact>
        {details && <Fact label={t('court.fields.court')}>{details.court}</Fact>}
        {details && <Fact label={t('court.fields.docketNumber')}>{details.docketNumber}</Fact>}
        <Fact label={t('court.fields.decidedOn')}>{formatDay(order.decidedOn, locale)}</Fact>
        {order.removalAt && (
          <Fact label={t('court.fields.removalAt')}>{formatDateTime(order.removalAt, locale)}</Fact>
        )}
        <Fact label={t('court.fields.endsOn')}>
          {details?.durationMonths && order.endsOn
            ? t('court.values.durationUntil', {
                duration: months(details.durationMonths),
                date: formatDay(order.endsOn, locale),
              })
            : formatDay(order.endsOn, locale)}
        </Fact>
        {details && (
          <>
            <Fact label={t('court.fields.livingArrangement')}>
              {details.livingArrangement ? t(`enums.livingArrangement.${details.livingArrangement}`) : '—'}
            </Fact>
            <Fact label={t('court.fields.reportEveryMonths')}>
              {/* What the order says, or the law's six months for a 5-bis placement (what the deadlines follow). */}
              {details.reportEveryMonths || order.kind === 'placement_5bis'
                ? t('court.values.everyMonths', {
                    count: details.reportEveryMonths ?? MAX_REPORT_INTERVAL_MONTHS,
                  })
                : '—'}
            </Fact>
            <Fact label={t('court.fields.tutore')}>{details.tutore ?? '—'}</Fact>
            <Fact label={t('court.fields.curatoreSpeciale')}>{details.curatoreSpeciale ?? '—'}</Fact>
            <Fact label={t('court.fields.addressProtected')}>
              {details.addressProtected ? t('court.values.protectedYes') : t('court.values.protectedNo')}
            </Fact>
          </>
        )}
      </Facts>
      {details?.provisions && (
        <>
          <h5 className="h6">{t('court.fields.provisions')}</h5>
          <Prose text={details.provisions} />
        </>
      )}
    </>
  );
}

/** The order's deadlines in force; a step the team took is marked done with its time. */
function Deadlines({ caseId, order, canEdit }: { caseId: string; order: TCourtOrder; canEdit: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [marking, setMarking] = useState<TDeadline | null>(null);
  const [done, setDone] = useState(false);
  const what = (d: TDeadline) => t(`enums.deadlineKind.${d.kind}`);

  if (order.deadlines.length === 0) return <p>{t('court.deadlines.empty')}</p>;
  return (
    <>
      <DataTable
        className="table-sm"
        caption={t('court.deadlines.caption', { count: order.deadlines.length })}
      >
        <thead>
          <tr>
            <th scope="col">{t('court.deadlines.what')}</th>
            <th scope="col">{t('court.deadlines.due')}</th>
            <th scope="col">{t('court.deadlines.state')}</th>
            {canEdit && <th scope="col">{t('court.deadlines.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {order.deadlines.map((d) => (
            <tr key={d.id}>
              <th scope="row">{what(d)}</th>
              <td>{deadlineWhen(d.kind, d.dueAt, locale)}</td>
              <td>
                <DeadlineStateBadge deadline={d} />
              </td>
              {canEdit && (
                <td>
                  {d.metAt ? (
                    '—'
                  ) : d.kind === 'report' ? (
                    <span className="small">{t('court.deadlines.byReport')}</span>
                  ) : (
                    <button
                      type="button"
                      className="btn btn-outline-primary btn-xs"
                      aria-label={t('court.deadlines.markMetNamed', { what: what(d) })}
                      onClick={() => {
                        setDone(false);
                        setMarking(d);
                      }}
                    >
                      {t('court.deadlines.markMet')}
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </DataTable>
      <div role="status">
        {done && <div className="alert alert-success">{t('court.deadlines.metDone')}</div>}
      </div>
      {marking && (
        <EditorCard
          id={`deadline-met-${marking.id}`}
          title={t('court.deadlines.metTitle', { what: what(marking) })}
        >
          <DeadlineMetForm
            key={marking.id}
            caseId={caseId}
            deadline={marking}
            onDone={(saved) => {
              setMarking(null);
              setDone(saved);
            }}
          />
        </EditorCard>
      )}
    </>
  );
}

interface MetValues {
  metAt: string;
}
const metResolver = contractResolver<MetValues>(ZDeadlineMetSchema, (v) => ({ metAt: toInstant(v.metAt) }));

function DeadlineMetForm({
  caseId,
  deadline,
  onDone,
}: {
  caseId: string;
  deadline: TDeadline;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { met } = useCourtOrderMutations(caseId);
  const form = useForm<MetValues>({
    resolver: metResolver,
    defaultValues: { metAt: toLocalInput(null, true) },
  });
  const { errors, isSubmitting } = form.formState;
  const hint = t('court.deadlines.metAtHint');

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await met.mutateAsync({ deadlineId: deadline.id, metAt: toInstant(values.metAt) });
      onDone(true);
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      {met.error && Object.keys(errors).length === 0 ? <ActionProblem error={met.error} /> : null}
      <TextField
        id={`deadline-${deadline.id}-met-at`}
        type="datetime-local"
        label={t('court.deadlines.metAt')}
        hint={hint}
        required
        error={fieldErrorText(t, errors.metAt, hint)}
        {...form.register('metAt')}
      />
      <FormActions>
        <button type="submit" className="btn btn-primary btn-sm" disabled={isSubmitting}>
          {t('court.deadlines.metSubmit')}
        </button>
        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}

function Changes({ order }: { order: TCourtOrder }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <DataTable className="table-sm" caption={t('court.changes.caption', { count: order.changes.length })}>
      <thead>
        <tr>
          <th scope="col">{t('court.changes.at')}</th>
          <th scope="col">{t('court.changes.by')}</th>
          <th scope="col">{t('court.changes.reason')}</th>
          <th scope="col">{t('court.changes.fields')}</th>
        </tr>
      </thead>
      <tbody>
        {order.changes.map((change) => (
          <tr key={`${change.at}-${change.reason}`}>
            <th scope="row" className="text-nowrap">
              {formatDateTime(change.at, locale)}
            </th>
            <td>{change.by || '—'}</td>
            <td>{change.reason}</td>
            <td>{change.fields.map((f) => t(`court.fields.${f}`, { defaultValue: '—' })).join(', ')}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
