import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  type TLegalHold,
  ZLegalHoldInputSchema,
  ZLegalHoldLiftSchema,
  ZLegalHoldSchema,
} from '../../../contracts/index.js';
import { api } from '../../api/client.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { FormActions, TextAreaField, TextField } from '../../ui/fields.js';
import { formatDateTime, formatDay } from '../../ui/format.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { ReasonForm } from '../../ui/forms/ReasonForm.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';

const holdsKey = ['privacy', 'holds'] as const;

/** Legal holds: a proceeding or an authority's request keeps a household from anonymisation. */
export function LegalHolds() {
  const { t } = useTranslation();
  const holds = useQuery({
    queryKey: holdsKey,
    queryFn: () => api('/api/privacy/legal-holds', { schema: z.array(ZLegalHoldSchema) }),
  });
  return (
    <section aria-labelledby="holds-heading" className="mb-5">
      <h2 id="holds-heading" className="h4">
        {t('privacy.holds.title')}
      </h2>
      <p>{t('privacy.holds.intro')}</p>
      <HoldForm />
      <AsyncContent query={holds}>
        {(items) => (items.length === 0 ? <p>{t('privacy.holds.empty')}</p> : <HoldsTable items={items} />)}
      </AsyncContent>
    </section>
  );
}

function HoldForm() {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const place = useMutation({
    mutationFn: (body: z.output<typeof ZLegalHoldInputSchema>) =>
      api('/api/privacy/legal-holds', { method: 'POST', body, schema: ZLegalHoldSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['privacy'] }),
  });
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm({
    resolver: zodResolver(ZLegalHoldInputSchema),
    defaultValues: { recordCode: '', reason: '', reference: '', startsOn: '', endsOn: null },
  });
  const onSubmit = handleSubmit(async (body) => {
    try {
      await place.mutateAsync(body);
      reset();
    } catch (e) {
      applyServerFieldErrors(e, setError, locale, [
        'recordCode',
        'reason',
        'reference',
        'startsOn',
        'endsOn',
      ]);
    }
  });
  return (
    <details className="card shadow-sm p-3 mb-4">
      <summary className="fw-semibold">{t('privacy.holds.add')}</summary>
      {place.data && (
        <div className="alert alert-success mt-3" role="status">
          {t('privacy.holds.placed', { code: place.data.householdCode })}
        </div>
      )}
      <form onSubmit={onSubmit} noValidate className="mt-3">
        {place.error && !Object.keys(errors).length ? <ProblemAlert error={place.error} /> : null}
        <TextField
          id="hold-record-code"
          label={t('privacy.holds.recordCode')}
          hint={t('privacy.holds.recordCodeHint')}
          required
          autoComplete="off"
          spellCheck={false}
          maxLength={maxLengthOf(ZLegalHoldInputSchema.shape.recordCode)}
          error={fieldErrorText(t, errors.recordCode, t('privacy.holds.recordCodeHint'))}
          {...register('recordCode')}
        />
        <TextAreaField
          id="hold-reason"
          label={t('privacy.holds.reason')}
          required
          maxLength={maxLengthOf(ZLegalHoldInputSchema.shape.reason)}
          error={fieldErrorText(t, errors.reason)}
          {...register('reason')}
        />
        <TextField
          id="hold-reference"
          label={t('privacy.holds.reference')}
          hint={t('privacy.holds.referenceHint')}
          required
          maxLength={maxLengthOf(ZLegalHoldInputSchema.shape.reference)}
          error={fieldErrorText(t, errors.reference, t('privacy.holds.referenceHint'))}
          {...register('reference')}
        />
        <TextField
          id="hold-starts-on"
          type="date"
          label={t('privacy.holds.startsOn')}
          required
          error={fieldErrorText(t, errors.startsOn)}
          {...register('startsOn')}
        />
        <TextField
          id="hold-ends-on"
          type="date"
          label={t('privacy.holds.endsOn')}
          hint={t('privacy.holds.endsOnHint')}
          error={fieldErrorText(t, errors.endsOn, t('privacy.holds.endsOnHint'))}
          {...register('endsOn', { setValueAs: (v: string) => (v ? v : null) })}
        />
        <FormActions>
          <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
            {t('privacy.holds.submit')}
          </button>
        </FormActions>
      </form>
    </details>
  );
}

function HoldsTable({ items }: { items: TLegalHold[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <DataTable caption={t('privacy.holds.caption', { count: items.length })}>
      <thead>
        <tr>
          <th scope="col">{t('privacy.holds.household')}</th>
          <th scope="col">{t('privacy.holds.reason')}</th>
          <th scope="col">{t('privacy.holds.reference')}</th>
          <th scope="col">{t('privacy.holds.period')}</th>
          <th scope="col">{t('privacy.holds.state')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((h) => (
          <tr key={h.id}>
            <th scope="row">{h.householdCode}</th>
            <td>{h.reason}</td>
            <td>{h.reference}</td>
            <td className="text-nowrap">
              {h.endsOn
                ? t('privacy.holds.fromTo', {
                    from: formatDay(h.startsOn, locale),
                    to: formatDay(h.endsOn, locale),
                  })
                : t('privacy.holds.from', { from: formatDay(h.startsOn, locale) })}
            </td>
            <td>
              {h.liftedAt ? (
                <>
                  {t('privacy.holds.lifted', { by: h.liftedBy, at: formatDateTime(h.liftedAt, locale) })}
                  <span className="d-block small">{h.liftReason}</span>
                </>
              ) : (
                <>
                  <span className="d-block">
                    {h.active ? t('privacy.holds.active') : t('privacy.holds.notInForce')}
                  </span>
                  <LiftHold hold={h} />
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

function LiftHold({ hold }: { hold: TLegalHold }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const lift = useMutation({
    mutationFn: (reason: string) =>
      api(`/api/privacy/legal-holds/${hold.id}/lift`, {
        method: 'POST',
        body: { reason },
        schema: ZLegalHoldSchema,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['privacy'] }),
  });
  if (!open)
    return (
      <button
        type="button"
        className="btn btn-outline-danger btn-sm mt-1"
        onClick={() => setOpen(true)}
        aria-label={t('privacy.holds.liftNamed', { code: hold.householdCode })}
      >
        {t('privacy.holds.lift')}
      </button>
    );
  return (
    <ReasonForm
      id={`lift-${hold.id}`}
      label={t('privacy.holds.liftReason')}
      schema={ZLegalHoldLiftSchema.shape.reason}
      submitLabel={t('privacy.holds.lift')}
      pending={lift.isPending}
      error={lift.error}
      onSubmit={(reason) => lift.mutate(reason)}
      onCancel={() => {
        lift.reset();
        setOpen(false);
      }}
    />
  );
}
