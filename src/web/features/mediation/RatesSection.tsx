import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ZIdSchema } from '../../../contracts/common.js';
import { ZRateInputSchema } from '../../../contracts/mediation.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { EditorCard } from '../../ui/EditorCard.js';
import { FormActions, SelectField, TextField } from '../../ui/fields.js';
import { formatDay } from '../../ui/format.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { rangeOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { todayLocal } from '../../ui/forms/values.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useRateSave, useRates } from './mediation-api.js';
import { formatEuro } from './mediation-words.js';
import { type RateValues, rateToInput } from './mediator-form.js';
import { useMediationReference, WhenReferenceLoaded } from './reference-names.js';

const shape = ZRateInputSchema.shape;
const ZRateFormSchema = ZRateInputSchema.extend({ organisationId: ZIdSchema });
const resolver = contractResolver<RateValues>(ZRateFormSchema, rateToInput);

/** The cooperatives' hourly rates, each from a date: a new rate never rewrites what was charged before. */
export function RatesSection() {
  const { t } = useTranslation();
  const locale = useLocale();
  const rates = useRates();
  const [adding, setAdding] = useState(false);
  return (
    <section aria-labelledby="mediation-rates" className="mt-5">
      <div className="d-flex flex-wrap justify-content-between align-items-center mb-3 gap-2">
        <h2 id="mediation-rates" className="h4 mb-0">
          {t('mediation.rates.title')}
        </h2>
        {!adding && (
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setAdding(true)}>
            {t('mediation.rates.new')}
          </button>
        )}
      </div>
      <p>{t('mediation.rates.intro')}</p>
      {adding && (
        <EditorCard id="rate-editor" title={t('mediation.rates.new')}>
          <WhenReferenceLoaded organisations>
            {() => <RateForm onDone={() => setAdding(false)} />}
          </WhenReferenceLoaded>
        </EditorCard>
      )}
      <AsyncContent query={rates}>
        {(items) =>
          items.length === 0 ? (
            <p role="status">{t('mediation.rates.empty')}</p>
          ) : (
            <DataTable caption={t('mediation.rates.caption', { count: items.length })}>
              <thead>
                <tr>
                  <th scope="col">{t('mediation.rates.organisation')}</th>
                  <th scope="col">{t('mediation.rates.inPerson')}</th>
                  <th scope="col">{t('mediation.rates.remote')}</th>
                  <th scope="col">{t('mediation.rates.perKm')}</th>
                  <th scope="col">{t('mediation.rates.validFrom')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((rate) => (
                  <tr key={`${rate.organisationId}-${rate.validFrom}`}>
                    <th scope="row">{rate.organisationName}</th>
                    <td>{formatEuro(rate.inPersonCents, locale)}</td>
                    <td>{formatEuro(rate.remoteCents, locale)}</td>
                    <td>{formatEuro(rate.travelCentsPerKm, locale)}</td>
                    <td>{formatDay(rate.validFrom, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          )
        }
      </AsyncContent>
    </section>
  );
}

function RateForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const save = useRateSave();
  const { organisationOptions } = useMediationReference({ organisations: true });
  const form = useForm<RateValues>({
    resolver,
    defaultValues: {
      organisationId: '',
      inPersonCents: '',
      remoteCents: '',
      travelCentsPerKm: '',
      validFrom: todayLocal(),
    },
  });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    try {
      const { organisationId, ...body } = ZRateFormSchema.parse(rateToInput(values));
      await save.mutateAsync({ organisationId, body });
      onDone();
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });
  const euroField = (
    name: 'inPersonCents' | 'remoteCents' | 'travelCentsPerKm',
    id: string,
    label: string,
  ) => {
    const most = rangeOf(shape[name]).max ?? 0;
    const error = errors[name];
    return (
      <TextField
        id={id}
        className="col-md-4"
        inputMode="decimal"
        label={label}
        hint={t('mediation.rates.euroHint', { most: formatEuro(most, locale) })}
        required
        error={fieldErrorText(
          t,
          error,
          error && error.type !== 'invalid_value' ? t('mediation.rates.euroInvalid') : undefined,
        )}
        {...form.register(name)}
      />
    );
  };
  const summaryFields = {
    organisationId: { id: 'rate-organisation', label: t('mediation.rates.organisation') },
    inPersonCents: { id: 'rate-in-person', label: t('mediation.rates.inPersonEuro') },
    remoteCents: { id: 'rate-remote', label: t('mediation.rates.remoteEuro') },
    travelCentsPerKm: { id: 'rate-per-km', label: t('mediation.rates.perKmEuro') },
    validFrom: { id: 'rate-valid-from', label: t('mediation.rates.validFrom') },
  };
  return (
    <form onSubmit={submit} noValidate>
      {save.error ? <ProblemAlert error={save.error} fields={summaryFields} /> : null}
      <div className="row">
        <SelectField
          id="rate-organisation"
          className="col-md-8"
          label={t('mediation.rates.organisation')}
          placeholder={t('common.choose')}
          required
          options={organisationOptions}
          error={fieldErrorText(t, errors.organisationId)}
          {...form.register('organisationId')}
        />
        <TextField
          id="rate-valid-from"
          className="col-md-4"
          type="date"
          label={t('mediation.rates.validFrom')}
          hint={t('mediation.rates.validFromHint')}
          required
          error={fieldErrorText(t, errors.validFrom)}
          {...form.register('validFrom')}
        />
      </div>
      <div className="row">
        {euroField('inPersonCents', 'rate-in-person', t('mediation.rates.inPersonEuro'))}
        {euroField('remoteCents', 'rate-remote', t('mediation.rates.remoteEuro'))}
        {euroField('travelCentsPerKm', 'rate-per-km', t('mediation.rates.perKmEuro'))}
      </div>
      <FormActions>
        <button type="submit" className="btn btn-primary btn-sm" disabled={isSubmitting}>
          {t('mediation.rates.save')}
        </button>
        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}
