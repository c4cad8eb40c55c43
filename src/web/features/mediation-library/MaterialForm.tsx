import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type TMaterialInput, ZMaterialInputSchema } from '../../../contracts/mediation-library.js';
import { useLocale } from '../../i18n/index.js';
import { FormActions, SelectField, TextAreaField, TextField } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { codesOf, maxLengthOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { type MaterialValues, materialToInput } from './library-forms.js';

const shape = ZMaterialInputSchema.shape;
const KINDS = codesOf(shape.kind);
const resolver = contractResolver<MaterialValues>(ZMaterialInputSchema, materialToInput);

/** A material's title, kind and summary (in Italian: the versions carry the other languages). */
export function MaterialForm({
  defaultValues,
  submitLabel,
  error,
  onSubmit,
  onCancel,
}: {
  defaultValues: MaterialValues;
  submitLabel: string;
  error: unknown;
  onSubmit: (body: TMaterialInput) => Promise<unknown>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const form = useForm<MaterialValues>({ resolver, defaultValues });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    try {
      await onSubmit(materialToInput(values));
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      {error && Object.keys(errors).length === 0 ? <ActionProblem error={error} /> : null}
      <TextField
        id="material-title"
        label={t('mediationLibrary.material.title')}
        hint={t('mediationLibrary.material.titleHint')}
        required
        maxLength={maxLengthOf(shape.title)}
        error={fieldErrorText(t, errors.title)}
        {...form.register('title')}
      />
      <SelectField
        id="material-kind"
        label={t('mediationLibrary.material.kind')}
        required
        options={KINDS.map((k) => ({ value: k, label: t(`mediationLibrary.kinds.${k}`) }))}
        error={fieldErrorText(t, errors.kind)}
        {...form.register('kind')}
      />
      <TextAreaField
        id="material-summary"
        label={t('mediationLibrary.material.summary')}
        rows={3}
        maxLength={maxLengthOf(shape.summary)}
        error={fieldErrorText(t, errors.summary)}
        {...form.register('summary')}
      />
      <FormActions>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {submitLabel}
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}
