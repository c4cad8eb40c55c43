import { type FieldError, type UseFormReturn, useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  ZAvailabilitySlotSchema,
  ZMediatorInputSchema,
  ZMediatorLanguageSchema,
} from '../../../contracts/mediation.js';
import { CheckboxField, SelectField, TextField } from '../../ui/fields.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { codesOf, maxItemsOf, maxLengthOf, rangeOf } from '../../ui/forms/limits.js';
import { type MediatorValues, newLanguage, newSlot } from './mediator-form.js';

const shape = ZMediatorInputSchema.shape;
const MAX_LANGUAGES = maxItemsOf(shape.languages);
const MAX_SLOTS = maxItemsOf(shape.availability);
const LEVELS = codesOf(ZMediatorLanguageSchema.shape.level);
const { min: FIRST_DAY = 1, max: LAST_DAY = 7 } = rangeOf(ZAvailabilitySlotSchema.shape.weekday);
const WEEKDAYS = Array.from({ length: LAST_DAY - FIRST_DAY + 1 }, (_, i) => String(FIRST_DAY + i));

/** The languages repeater: each language with its dialect, level and whether they translate in writing. */
export function LanguagesFields({
  form,
  id,
  options,
}: {
  form: UseFormReturn<MediatorValues>;
  id: string;
  options: { value: string; label: string }[];
}) {
  const { t } = useTranslation();
  const languages = useFieldArray({ control: form.control, name: 'languages' });
  const errors = form.formState.errors.languages;
  const whole = (errors as FieldError | undefined)?.message ? (errors as FieldError) : undefined;
  return (
    <fieldset id={id} className="mb-4">
      <legend className="h6 fw-semibold text-body mb-2 px-0">{t('mediation.mediator.languages')} *</legend>
      {whole && (
        <div className="invalid-feedback d-block mb-2" role="alert">
          {fieldErrorText(t, whole)}
        </div>
      )}
      {languages.fields.map((field, index) => {
        const e = errors?.[index];
        const n = index + 1;
        return (
          <div key={field.id} className="row border-bottom mb-3 pt-2">
            <SelectField
              id={`${id}-${index}-language`}
              className="col-md-4"
              label={t('mediation.mediatorForm.languageN', { n })}
              placeholder={t('common.choose')}
              required
              options={options}
              error={fieldErrorText(t, e?.language)}
              {...form.register(`languages.${index}.language`)}
            />
            <TextField
              id={`${id}-${index}-dialect`}
              className="col-md-3"
              label={t('mediation.mediatorForm.dialectN', { n })}
              maxLength={maxLengthOf(ZMediatorLanguageSchema.shape.dialect)}
              error={fieldErrorText(t, e?.dialect)}
              {...form.register(`languages.${index}.dialect`)}
            />
            <SelectField
              id={`${id}-${index}-level`}
              className="col-md-2"
              label={t('mediation.mediatorForm.levelN', { n })}
              required
              options={LEVELS.map((l) => ({ value: l, label: t(`mediationWords.level.${l}`) }))}
              error={fieldErrorText(t, e?.level)}
              {...form.register(`languages.${index}.level`)}
            />
            <div className="col-md-3">
              <CheckboxField
                id={`${id}-${index}-written`}
                label={t('mediation.mediatorForm.writtenN', { n })}
                {...form.register(`languages.${index}.written`)}
              />
              {languages.fields.length > 1 && (
                <button
                  type="button"
                  className="btn btn-outline-danger btn-xs mb-3"
                  onClick={() => languages.remove(index)}
                >
                  {t('mediation.mediatorForm.removeLanguage', { n })}
                </button>
              )}
            </div>
          </div>
        );
      })}
      <button
        type="button"
        className="btn btn-outline-primary btn-sm"
        disabled={languages.fields.length >= MAX_LANGUAGES}
        onClick={() => languages.append(newLanguage())}
      >
        {t('mediation.mediatorForm.addLanguage')}
      </button>
    </fieldset>
  );
}

/** The weekly hours repeater: a weekday, from, to; the matching looks for a slot covering the request. */
export function AvailabilityFields({ form, id }: { form: UseFormReturn<MediatorValues>; id: string }) {
  const { t } = useTranslation();
  const slots = useFieldArray({ control: form.control, name: 'availability' });
  const errors = form.formState.errors.availability;
  return (
    <fieldset id={id} className="mb-4">
      <legend className="h6 fw-semibold text-body mb-2 px-0">{t('mediation.mediator.availability')}</legend>
      <p className="small">{t('mediation.mediatorForm.availabilityHint')}</p>
      {slots.fields.map((field, index) => {
        const e = errors?.[index];
        const n = index + 1;
        return (
          <div key={field.id} className="row align-items-end border-bottom mb-3 pt-2">
            <SelectField
              id={`${id}-${index}-weekday`}
              className="col-md-4"
              label={t('mediation.mediatorForm.weekdayN', { n })}
              required
              options={WEEKDAYS.map((d) => ({ value: d, label: t(`mediationWords.weekday.${d}`) }))}
              error={fieldErrorText(t, e?.weekday)}
              {...form.register(`availability.${index}.weekday`)}
            />
            <TextField
              id={`${id}-${index}-from`}
              className="col-md-3"
              type="time"
              label={t('mediation.mediatorForm.fromN', { n })}
              required
              error={fieldErrorText(t, e?.from)}
              {...form.register(`availability.${index}.from`)}
            />
            <TextField
              id={`${id}-${index}-to`}
              className="col-md-3"
              type="time"
              label={t('mediation.mediatorForm.toN', { n })}
              required
              error={fieldErrorText(
                t,
                e?.to,
                e?.to?.type === 'custom' ? t('mediation.mediatorForm.endAfterStart') : undefined,
              )}
              {...form.register(`availability.${index}.to`)}
            />
            <div className="col-md-2">
              <button
                type="button"
                className="btn btn-outline-danger btn-xs mb-4"
                onClick={() => slots.remove(index)}
              >
                {t('mediation.mediatorForm.removeSlot', { n })}
              </button>
            </div>
          </div>
        );
      })}
      <button
        type="button"
        className="btn btn-outline-primary btn-sm"
        disabled={slots.fields.length >= MAX_SLOTS}
        onClick={() => slots.append(newSlot())}
      >
        {t('mediation.mediatorForm.addSlot')}
      </button>
    </fieldset>
  );
}
