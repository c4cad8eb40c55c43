import { useState } from 'react';
import { Controller, type Resolver, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type TExport, type TExportKind, ZExportFormatSchema } from '../../../contracts/exports.js';
import { CASE_STATUSES } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { FormActions, RadioGroup, SelectField, TextField } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { codesOf, rangeOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import {
  type CaseStatus,
  type ExportFormValues,
  exportRequestOf,
  isRequiredParam,
  PARAM_SCHEMAS,
  paramsOfKind,
  requestSchemaOf,
} from './export-kinds.js';
import { useExportMutations } from './exports-api.js';

/** What an entry point (the observatory, the case list) asks the form to start from. */
export interface ExportPreset {
  kind?: string | undefined;
  year?: number | undefined;
  status?: CaseStatus | undefined;
}

/** The request's contract, with the parameters of the kind chosen at the time of checking. */
const resolver: Resolver<ExportFormValues> = (values, context, options) =>
  contractResolver<ExportFormValues>(requestSchemaOf(values.kind), exportRequestOf)(values, context, options);

const YEAR_RANGE = rangeOf(PARAM_SCHEMAS.year);

/** Asks for a new export: what, in which format, and the kind's own parameters. */
export function ExportRequestForm({ kinds, preset }: { kinds: TExportKind[]; preset: ExportPreset }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { request } = useExportMutations();
  const [requested, setRequested] = useState<TExport | null>(null);
  const presetKind = kinds.some((k) => k.kind === preset.kind) ? preset.kind : undefined;
  const form = useForm<ExportFormValues>({
    resolver,
    defaultValues: {
      kind: presetKind ?? (kinds.length === 1 ? kinds[0]?.kind : '') ?? '',
      format: 'csv',
      params: { year: preset.year === undefined ? '' : String(preset.year), status: preset.status ?? '' },
    },
  });
  const { register, control, watch } = form;
  const { errors, isSubmitting } = form.formState;
  const kind = kinds.find((k) => k.kind === watch('kind'));
  const params = kind ? paramsOfKind(kind.kind) : [];

  const submit = form.handleSubmit(async (values) => {
    setRequested(null);
    try {
      setRequested(await request.mutateAsync(exportRequestOf(values)));
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });

  const yearRequired = kind ? isRequiredParam(kind.kind, 'year') : false;
  const yearHint = t(yearRequired ? 'exports.form.yearRequiredHint' : 'exports.form.yearHint', YEAR_RANGE);

  return (
    <section aria-labelledby="exports-form-heading" className="card shadow-sm p-4 mb-5">
      <h2 id="exports-form-heading" className="h4 mb-3">
        {t('exports.form.title')}
      </h2>
      <div role="status">
        {requested ? (
          <div className="alert alert-success">
            {t(requested.state === 'awaiting_approval' ? 'exports.form.awaiting' : 'exports.form.queued', {
              label: requested.label[locale],
            })}
          </div>
        ) : null}
      </div>
      <form onSubmit={submit} noValidate>
        {request.error && Object.keys(errors).length === 0 ? <ActionProblem error={request.error} /> : null}
        <SelectField
          id="export-kind"
          label={t('exports.form.kind')}
          required
          placeholder={t('common.choose')}
          options={kinds.map((k) => ({
            value: k.kind,
            label: k.needsApproval
              ? t('exports.form.needsApprovalOption', { label: k.label[locale] })
              : k.label[locale],
          }))}
          error={fieldErrorText(t, errors.kind)}
          {...register('kind')}
        />
        {kind?.needsApproval ? (
          <div className="alert alert-warning" role="note">
            {t('exports.form.needsApprovalNote')}
          </div>
        ) : null}
        <Controller
          control={control}
          name="format"
          render={({ field }) => (
            <RadioGroup
              id="export-format"
              name="format"
              legend={t('exports.form.format')}
              required
              options={codesOf(ZExportFormatSchema).map((f) => ({
                value: f,
                label: t(`exports.formats.${f}`),
              }))}
              value={field.value}
              onChange={field.onChange}
              error={fieldErrorText(t, errors.format)}
            />
          )}
        />
        {params.includes('year') ? (
          <TextField
            id="export-year"
            type="number"
            inputMode="numeric"
            step={1}
            {...YEAR_RANGE}
            label={t('exports.form.year')}
            required={yearRequired}
            hint={yearHint}
            error={fieldErrorText(t, errors.params?.year, yearHint)}
            {...register('params.year')}
          />
        ) : null}
        {params.includes('status') ? (
          <SelectField
            id="export-status"
            label={t('exports.form.status')}
            placeholder={t('exports.form.allStatuses')}
            options={CASE_STATUSES.map((s) => ({ value: s, label: t(`enums.caseStatus.${s}`) }))}
            error={fieldErrorText(t, errors.params?.status)}
            {...register('params.status')}
          />
        ) : null}
        <FormActions>
          <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
            {t('exports.form.submit')}
          </button>
        </FormActions>
      </form>
    </section>
  );
}
