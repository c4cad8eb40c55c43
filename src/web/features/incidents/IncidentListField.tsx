import { type Control, Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CheckboxGroup } from '../../ui/fields.js';
import { type IncidentFormValues, withExclusive } from './incident-form-values.js';

/** The form's multi-answer fields: lists of codes. */
export type ListFieldName = {
  [K in keyof IncidentFormValues]: IncidentFormValues[K] extends string[] ? K : never;
}[keyof IncidentFormValues];

/**
 * A code list answered with checkboxes. With `alone` ("nobody", "none"), that answer excludes the
 * others: choosing it clears them and choosing another clears it, and the hint says so.
 */
export function IncidentListField({
  control,
  name,
  id,
  legend,
  codes,
  labels,
  alone,
  required,
  error,
  hint,
}: {
  control: Control<IncidentFormValues>;
  name: ListFieldName;
  id: string;
  legend: string;
  codes: readonly string[];
  /** The i18n prefix of the codes' words (`enums.helpSource`). */
  labels: string;
  alone?: string;
  required?: boolean;
  error?: string | undefined;
  hint?: string | undefined;
}) {
  const { t } = useTranslation();
  const exclusiveHint = alone
    ? t('incidents.form.exclusiveHint', { answer: t(`${labels}.${alone}`) })
    : undefined;
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <CheckboxGroup
          id={id}
          legend={legend}
          hint={[hint, exclusiveHint].filter(Boolean).join(' ') || undefined}
          required={required ?? false}
          options={codes.map((code) => ({ value: code, label: t(`${labels}.${code}`) }))}
          value={field.value}
          onChange={(next) => field.onChange(alone ? withExclusive(next, field.value, alone) : next)}
          error={error}
        />
      )}
    />
  );
}
