import { useMemo } from 'react';
import {
  type Control,
  Controller,
  type FieldError,
  type FieldErrors,
  type UseFormRegister,
  useFieldArray,
  useForm,
  useWatch,
} from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  type TPurpose,
  type TQuestionnaireInput,
  ZQuestionnaireInputSchema,
} from '../../../contracts/questionnaires.js';
import { useLocale } from '../../i18n/index.js';
import { FormActions, RadioGroup, SelectField, TextField } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { codesOf, maxItemsOf, maxLengthOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import {
  type ItemValues,
  newItemValues,
  newOptionValues,
  newQuestionnaireValues,
  type QuestionnaireValues,
  questionnaireToInput,
} from './questionnaire-form.js';

const shape = ZQuestionnaireInputSchema.shape;
const ITEM = shape.items.element;
const item = ITEM.shape;
const DOMAINS = codesOf(item.domain);
const KINDS = codesOf(item.kind);
const MAX_ITEMS = maxItemsOf(shape.items);
const MAX_OPTIONS = maxItemsOf(item.options);
/** The fewest choices a knowledge item may have (the contract's rule). */
const MIN_OPTIONS = 2;
/** The error of a list itself (its rule), not of one of its elements. */
function listRule(e: unknown): FieldError | undefined {
  if (!e || typeof e !== 'object') return undefined;
  const root = (e as { root?: FieldError }).root;
  if (root) return root;
  return 'type' in e ? (e as FieldError) : undefined;
}

/**
 * Makes a questionnaire: a title and its questions, each of a domain, either an agreement item
 * (answered 1–5) or a knowledge item with two to six choices, one of them right. Italian first,
 * English optional. Used for a course's competence questionnaire and for the services survey.
 */
export function QuestionnaireEditor({
  purpose,
  courseId,
  error,
  onSubmit,
  onCancel,
}: {
  purpose: TPurpose;
  courseId: string | null;
  error: unknown;
  onSubmit: (body: TQuestionnaireInput) => Promise<unknown>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const resolver = useMemo(
    () =>
      contractResolver<QuestionnaireValues>(ZQuestionnaireInputSchema, (v) =>
        questionnaireToInput(v, purpose, courseId),
      ),
    [purpose, courseId],
  );
  const form = useForm<QuestionnaireValues>({ resolver, defaultValues: newQuestionnaireValues() });
  const { errors, isSubmitting } = form.formState;
  const items = useFieldArray({ control: form.control, name: 'items' });

  const submit = form.handleSubmit(async (values) => {
    try {
      await onSubmit(ZQuestionnaireInputSchema.parse(questionnaireToInput(values, purpose, courseId)));
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      {error && Object.keys(errors).length === 0 ? <ActionProblem error={error} /> : null}
      <TextField
        id={`${purpose}-title`}
        label={t('courses.questionnaire.titleField')}
        required
        maxLength={maxLengthOf(shape.title)}
        error={fieldErrorText(t, errors.title)}
        {...form.register('title')}
      />
      {items.fields.map((field, i) => (
        <ItemEditor
          key={field.id}
          prefix={`${purpose}-item-${i}`}
          index={i}
          control={form.control}
          register={form.register}
          errors={errors.items?.[i]}
          onRemove={items.fields.length > 1 ? () => items.remove(i) : undefined}
        />
      ))}
      <FormActions>
        {items.fields.length < MAX_ITEMS && (
          <button
            type="button"
            className="btn btn-outline-primary btn-sm"
            onClick={() => items.append(newItemValues())}
          >
            {t('courses.questionnaire.addItem')}
          </button>
        )}
      </FormActions>
      <FormActions>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {t('courses.questionnaire.submit')}
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}

function ItemEditor({
  prefix,
  index,
  control,
  register,
  errors,
  onRemove,
}: {
  prefix: string;
  index: number;
  control: Control<QuestionnaireValues>;
  register: UseFormRegister<QuestionnaireValues>;
  errors: FieldErrors<ItemValues> | undefined;
  onRemove: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const n = index + 1;
  const kind = useWatch({ control, name: `items.${index}.kind` });
  const options = useFieldArray({ control, name: `items.${index}.options` });
  const knowledge = kind === 'knowledge';
  const base = `items.${index}` as const;

  return (
    <fieldset className="card p-3 my-3" aria-labelledby={`${prefix}-legend`}>
      <legend id={`${prefix}-legend`} className="h6 fw-semibold px-0">
        {t('courses.questionnaire.itemN', { n })}
      </legend>
      <div className="row">
        <SelectField
          id={`${prefix}-domain`}
          className="col-md-6"
          label={t('courses.questionnaire.domain')}
          required
          options={DOMAINS.map((d) => ({ value: d, label: t(`courses.domains.${d}`) }))}
          error={fieldErrorText(t, errors?.domain)}
          {...register(`${base}.domain`)}
        />
        <SelectField
          id={`${prefix}-kind`}
          className="col-md-6"
          label={t('courses.questionnaire.kind')}
          required
          options={KINDS.map((k) => ({ value: k, label: t(`courses.questionnaire.kinds.${k}`) }))}
          error={fieldErrorText(t, errors?.kind)}
          {...register(`${base}.kind`, {
            onChange: (e: { target: { value: string } }) => {
              // A knowledge item starts with the fewest choices it may have.
              if (e.target.value === 'knowledge' && options.fields.length < MIN_OPTIONS)
                options.append(Array.from({ length: MIN_OPTIONS - options.fields.length }, newOptionValues));
            },
          })}
        />
      </div>
      <TextField
        id={`${prefix}-text-it`}
        label={t('courses.questionnaire.textIt')}
        hint={knowledge ? undefined : t('courses.questionnaire.likertHint')}
        required
        maxLength={maxLengthOf(item.text.shape.it)}
        error={fieldErrorText(t, errors?.text?.it)}
        {...register(`${base}.text.it`)}
      />
      <TextField
        id={`${prefix}-text-en`}
        label={t('courses.questionnaire.textEn')}
        maxLength={maxLengthOf(item.text.shape.en)}
        error={fieldErrorText(t, errors?.text?.en)}
        {...register(`${base}.text.en`)}
      />
      {knowledge && (
        <>
          {options.fields.map((option, j) => (
            <div key={option.id} className="row align-items-end">
              <TextField
                id={`${prefix}-option-${j}-it`}
                className="col-md-5"
                label={t('courses.questionnaire.optionIt', { n: j + 1 })}
                required
                maxLength={maxLengthOf(item.text.shape.it)}
                error={fieldErrorText(t, errors?.options?.[j]?.it)}
                {...register(`${base}.options.${j}.it`)}
              />
              <TextField
                id={`${prefix}-option-${j}-en`}
                className="col-md-5"
                label={t('courses.questionnaire.optionEn', { n: j + 1 })}
                maxLength={maxLengthOf(item.text.shape.en)}
                error={fieldErrorText(t, errors?.options?.[j]?.en)}
                {...register(`${base}.options.${j}.en`)}
              />
              <div className="col-md-2 mb-4">
                {options.fields.length > MIN_OPTIONS && (
                  <button
                    type="button"
                    className="btn btn-outline-danger btn-xs"
                    onClick={() => options.remove(j)}
                  >
                    {t('courses.questionnaire.removeOption', { n: j + 1 })}
                  </button>
                )}
              </div>
            </div>
          ))}
          {options.fields.length < MAX_OPTIONS && (
            <p>
              <button
                type="button"
                className="btn btn-outline-primary btn-xs"
                onClick={() => options.append(newOptionValues())}
              >
                {t('courses.questionnaire.addOption')}
              </button>
            </p>
          )}
          <Controller
            control={control}
            name={`${base}.correct`}
            render={({ field }) => (
              <RadioGroup
                id={`${prefix}-correct`}
                name={`${prefix}-correct`}
                legend={t('courses.questionnaire.correct')}
                required
                options={options.fields.map((_, j) => ({
                  value: String(j),
                  label: t('courses.questionnaire.choiceN', { n: j + 1 }),
                }))}
                value={field.value}
                onChange={field.onChange}
                error={fieldErrorText(
                  t,
                  listRule(errors?.options) ?? errors?.correct,
                  t('courses.questionnaire.knowledgeRule'),
                )}
              />
            )}
          />
        </>
      )}
      {onRemove && (
        <FormActions>
          <button type="button" className="btn btn-outline-danger btn-sm" onClick={onRemove}>
            {t('courses.questionnaire.removeItem', { n })}
          </button>
        </FormActions>
      )}
    </fieldset>
  );
}
