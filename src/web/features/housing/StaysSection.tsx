import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { OCCUPANCY_EXIT_REASONS } from '../../../contracts/autonomy-codes.js';
import {
  type TOccupancy,
  type TUnit,
  ZOccupancyEndSchema,
  ZOccupancyInputSchema,
} from '../../../contracts/housing.js';
import { useLocale } from '../../i18n/index.js';
import { DataTable } from '../../ui/DataTable.js';
import { EditorCard } from '../../ui/EditorCard.js';
import { FormActions, SelectField, TextField } from '../../ui/fields.js';
import { formatDay } from '../../ui/format.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { rangeOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { useStayEnd, useStayStart } from './housing-api.js';
import {
  emptyStay,
  emptyStayEnd,
  type StayEndValues,
  type StayValues,
  stayEndResolver,
  stayEndToInput,
  stayResolver,
  stayToInput,
} from './housing-forms.js';

/** Who stays or stayed in the unit, from when to when; the coordinator records arrivals and exits. */
export function StaysSection({ unit }: { unit: TUnit }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<TOccupancy | null>(null);
  const [notice, setNotice] = useState('');
  const period = (o: TOccupancy) =>
    o.endsOn
      ? t('housing.stays.range', { from: formatDay(o.startsOn, locale), to: formatDay(o.endsOn, locale) })
      : t('housing.stays.since', { from: formatDay(o.startsOn, locale) });

  return (
    <section aria-labelledby="unit-stays-title" className="mb-5">
      <h2 id="unit-stays-title" className="h4">
        {t('housing.stays.title')}
      </h2>
      {unit.occupancies.length === 0 ? (
        <p>{t('housing.stays.empty')}</p>
      ) : (
        <DataTable caption={t('housing.stays.caption', { count: unit.occupancies.length, unit: unit.label })}>
          <thead>
            <tr>
              <th scope="col">{t('housing.stays.household')}</th>
              <th scope="col">{t('housing.stays.people')}</th>
              <th scope="col">{t('housing.stays.period')}</th>
              <th scope="col">{t('housing.stays.exit')}</th>
              {unit.canManage && <th scope="col">{t('housing.stays.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {unit.occupancies.map((o) => (
              <tr key={o.id}>
                <th scope="row" className="font-monospace">
                  {o.householdCode}
                </th>
                <td>{o.people}</td>
                <td>{period(o)}</td>
                <td>{o.exitReason ? t(`housing.exitReason.${o.exitReason}`) : '—'}</td>
                {unit.canManage && (
                  <td>
                    {!o.exitReason && (
                      <button
                        type="button"
                        className="btn btn-outline-primary btn-sm"
                        aria-label={t('housing.stays.endNamed', { household: o.householdCode })}
                        onClick={() => {
                          setNotice('');
                          setEnding(o);
                        }}
                      >
                        {t('housing.stays.end')}
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      <p role="status" className={notice ? 'my-3 fw-semibold' : 'visually-hidden'}>
        {notice}
      </p>
      {ending && (
        <EditorCard id="stay-end" title={t('housing.stays.endTitle', { household: ending.householdCode })}>
          <StayEndForm
            occupancy={ending}
            onDone={(saved) => {
              setEnding(null);
              if (saved) setNotice(t('housing.stays.ended'));
            }}
          />
        </EditorCard>
      )}
      {unit.canManage && unit.active && !adding && (
        <button
          type="button"
          className="btn btn-primary btn-sm"
          onClick={() => {
            setNotice('');
            setAdding(true);
          }}
        >
          {t('housing.stays.add')}
        </button>
      )}
      {adding && (
        <EditorCard id="stay-start" title={t('housing.stays.addTitle', { unit: unit.label })}>
          <StayStartForm
            unitId={unit.id}
            onDone={(saved) => {
              setAdding(false);
              if (saved) setNotice(t('housing.stays.added'));
            }}
          />
        </EditorCard>
      )}
    </section>
  );
}

const STAY = ZOccupancyInputSchema.shape;

function StayStartForm({ unitId, onDone }: { unitId: string; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const start = useStayStart(unitId);
  const form = useForm<StayValues>({ resolver: stayResolver, defaultValues: emptyStay() });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await start.mutateAsync(ZOccupancyInputSchema.parse(stayToInput(values)));
      onDone(true);
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      {start.error && Object.keys(errors).length === 0 ? <ActionProblem error={start.error} /> : null}
      <p>{t('housing.stays.messagesNote')}</p>
      <div className="row">
        <TextField
          id="stay-household"
          className="col-md-6"
          label={t('housing.stays.household')}
          hint={t('housing.stays.householdHint')}
          autoComplete="off"
          required
          error={fieldErrorText(t, errors.householdCode)}
          {...form.register('householdCode')}
        />
        <TextField
          id="stay-people"
          className="col-md-6"
          type="number"
          label={t('housing.stays.people')}
          required
          {...rangeOf(STAY.people)}
          error={fieldErrorText(t, errors.people)}
          {...form.register('people')}
        />
      </div>
      <div className="row">
        <TextField
          id="stay-starts-on"
          className="col-md-6"
          type="date"
          label={t('housing.stays.startsOn')}
          required
          error={fieldErrorText(t, errors.startsOn)}
          {...form.register('startsOn')}
        />
        <TextField
          id="stay-ends-on"
          className="col-md-6"
          type="date"
          label={t('housing.stays.endsOn')}
          hint={t('housing.stays.endsOnHint')}
          error={fieldErrorText(t, errors.endsOn)}
          {...form.register('endsOn')}
        />
      </div>
      <FormActions>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {t('housing.stays.addSubmit')}
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}

function StayEndForm({ occupancy, onDone }: { occupancy: TOccupancy; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const end = useStayEnd();
  const form = useForm<StayEndValues>({ resolver: stayEndResolver, defaultValues: emptyStayEnd() });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await end.mutateAsync({
        occupancyId: occupancy.id,
        body: ZOccupancyEndSchema.parse(stayEndToInput(values)),
      });
      onDone(true);
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      {end.error && Object.keys(errors).length === 0 ? <ActionProblem error={end.error} /> : null}
      <div className="row">
        <TextField
          id="stay-end-on"
          className="col-md-6"
          type="date"
          label={t('housing.stays.exitOn')}
          required
          error={fieldErrorText(t, errors.endsOn)}
          {...form.register('endsOn')}
        />
        <SelectField
          id="stay-end-reason"
          className="col-md-6"
          label={t('housing.stays.exit')}
          placeholder={t('common.choose')}
          options={OCCUPANCY_EXIT_REASONS.map((r) => ({ value: r, label: t(`housing.exitReason.${r}`) }))}
          required
          error={fieldErrorText(t, errors.exitReason)}
          {...form.register('exitReason')}
        />
      </div>
      <FormActions>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {t('housing.stays.endSubmit')}
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}
