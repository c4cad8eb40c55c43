import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  ZMaterialVersionEditSchema,
  ZMaterialVersionInputSchema,
} from '../../../contracts/mediation-library.js';
import { useLocale } from '../../i18n/index.js';
import { FormActions, SelectField, TextAreaField, TextField } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { type VersionValues, versionToInput } from './library-forms.js';
import { directionOf, useLanguageNames } from './library-words.js';

const shape = ZMaterialVersionInputSchema.shape;
const newResolver = contractResolver<VersionValues>(ZMaterialVersionInputSchema, versionToInput);
const editResolver = contractResolver<VersionValues>(ZMaterialVersionEditSchema, (v) => {
  const { language: _language, ...edit } = versionToInput(v);
  return edit;
});

/**
 * A version's title and text in its language: a new one (the language chosen here) or a draft's
 * (its language fixed). The fields take the language's direction, so Arabic and Urdu are typed
 * right to left.
 */
export function VersionForm({
  defaultValues,
  languageFixed,
  submitLabel,
  error,
  onSubmit,
  onCancel,
}: {
  defaultValues: VersionValues;
  languageFixed: boolean;
  submitLabel: string;
  error: unknown;
  onSubmit: (values: VersionValues) => Promise<unknown>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const languages = useLanguageNames();
  const form = useForm<VersionValues>({
    resolver: languageFixed ? editResolver : newResolver,
    defaultValues,
  });
  const { errors, isSubmitting } = form.formState;
  const language = form.watch('language');
  const textProps = language ? { lang: language, dir: directionOf(languages.isRtl(language)) } : {};
  const submit = form.handleSubmit(async (values) => {
    try {
      await onSubmit(values);
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });
  // `-field-` keeps the inputs' ids apart from the card's own (`version-new-title` is its heading).
  const idOf = (field: string) => `version-${defaultValues.language || 'new'}-field-${field}`;
  return (
    <form onSubmit={submit} noValidate>
      {error && Object.keys(errors).length === 0 ? <ActionProblem error={error} /> : null}
      {languageFixed ? (
        <p>
          {t('mediationLibrary.version.languageIs', { language: languages.nameOf(defaultValues.language) })}
        </p>
      ) : (
        <SelectField
          id={idOf('language')}
          label={t('mediationLibrary.version.language')}
          required
          placeholder={t('common.choose')}
          options={languages.options}
          error={fieldErrorText(t, errors.language)}
          {...form.register('language')}
        />
      )}
      <TextField
        id={idOf('title')}
        label={t('mediationLibrary.version.title')}
        hint={t('mediationLibrary.version.titleHint')}
        required
        maxLength={maxLengthOf(shape.title)}
        error={fieldErrorText(t, errors.title)}
        {...textProps}
        {...form.register('title')}
      />
      <TextAreaField
        id={idOf('body')}
        label={t('mediationLibrary.version.body')}
        required
        rows={12}
        maxLength={maxLengthOf(shape.body)}
        error={fieldErrorText(t, errors.body)}
        {...textProps}
        {...form.register('body')}
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
