import { useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type TGlossaryTermInput, ZGlossaryTermInputSchema } from '../../../contracts/mediation-library.js';
import { useLocale } from '../../i18n/index.js';
import { FormActions, SelectField, TextAreaField, TextField } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { codesOf, maxItemsOf, maxLengthOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { emptyTranslation, languagesForRow, type TermValues, termToInput } from './library-forms.js';
import { directionOf, useLanguageNames } from './library-words.js';

const shape = ZGlossaryTermInputSchema.shape;
const row = shape.translations.unwrap().element.shape;
const DOMAINS = codesOf(shape.domain);
const MAX_TRANSLATIONS = maxItemsOf(shape.translations);
const resolver = contractResolver<TermValues>(ZGlossaryTermInputSchema, termToInput);

/** A term in Italian with its field and definition, and its translations, one per language, with notes. */
export function GlossaryTermForm({
  idPrefix,
  defaultValues,
  submitLabel,
  error,
  onSubmit,
  onCancel,
}: {
  idPrefix: string;
  defaultValues: TermValues;
  submitLabel: string;
  error: unknown;
  onSubmit: (body: TGlossaryTermInput) => Promise<unknown>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const languages = useLanguageNames();
  const form = useForm<TermValues>({ resolver, defaultValues });
  const { errors, isSubmitting } = form.formState;
  const translations = useFieldArray({ control: form.control, name: 'translations' });
  const rows = form.watch('translations');
  const submit = form.handleSubmit(async (values) => {
    try {
      await onSubmit(termToInput(values));
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });
  const id = (field: string) => `${idPrefix}-${field}`;
  return (
    <form onSubmit={submit} noValidate>
      {error && Object.keys(errors).length === 0 ? <ActionProblem error={error} /> : null}
      <div className="row">
        <TextField
          id={id('term')}
          className="col-md-8"
          label={t('mediationLibrary.glossary.term')}
          hint={t('mediationLibrary.glossary.termHint')}
          lang="it"
          required
          maxLength={maxLengthOf(shape.term)}
          error={fieldErrorText(t, errors.term)}
          {...form.register('term')}
        />
        <SelectField
          id={id('domain')}
          className="col-md-4"
          label={t('mediationLibrary.glossary.domain')}
          required
          options={DOMAINS.map((d) => ({ value: d, label: t(`mediationLibrary.domains.${d}`) }))}
          error={fieldErrorText(t, errors.domain)}
          {...form.register('domain')}
        />
      </div>
      <TextAreaField
        id={id('definition')}
        label={t('mediationLibrary.glossary.definition')}
        rows={2}
        maxLength={maxLengthOf(shape.definition)}
        error={fieldErrorText(t, errors.definition)}
        {...form.register('definition')}
      />
      {translations.fields.map((field, index) => {
        const language = rows[index]?.language ?? '';
        const errorsOf = errors.translations?.[index];
        return (
          <fieldset key={field.id} className="border rounded p-3 mb-3">
            <legend className="h6 float-none w-auto px-1">
              {t('mediationLibrary.glossary.translationNumber', { number: index + 1 })}
            </legend>
            <div className="row">
              <SelectField
                id={id(`translations-${index}-language`)}
                className="col-md-4"
                label={t('mediationLibrary.glossary.language')}
                required
                placeholder={t('common.choose')}
                options={languagesForRow(languages.options, rows, index)}
                error={fieldErrorText(t, errorsOf?.language)}
                {...form.register(`translations.${index}.language`)}
              />
              <TextField
                id={id(`translations-${index}-translation`)}
                className="col-md-8"
                label={t('mediationLibrary.glossary.translation')}
                required
                maxLength={maxLengthOf(row.translation)}
                {...(language ? { lang: language, dir: directionOf(languages.isRtl(language)) } : {})}
                error={fieldErrorText(t, errorsOf?.translation)}
                {...form.register(`translations.${index}.translation`)}
              />
            </div>
            <TextField
              id={id(`translations-${index}-note`)}
              label={t('mediationLibrary.glossary.note')}
              hint={t('mediationLibrary.glossary.noteHint')}
              maxLength={maxLengthOf(row.note)}
              error={fieldErrorText(t, errorsOf?.note)}
              {...form.register(`translations.${index}.note`)}
            />
            <button
              type="button"
              className="btn btn-outline-danger btn-sm"
              onClick={() => translations.remove(index)}
            >
              {t('mediationLibrary.glossary.removeTranslation', { number: index + 1 })}
            </button>
          </fieldset>
        );
      })}
      {translations.fields.length < MAX_TRANSLATIONS && (
        <p>
          <button
            type="button"
            className="btn btn-outline-primary btn-sm"
            onClick={() => translations.append(emptyTranslation())}
          >
            {t('mediationLibrary.glossary.addTranslation')}
          </button>
        </p>
      )}
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
