import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/problem.js';
import { useLocale } from '../../i18n/index.js';
import { EditorCard } from '../../ui/EditorCard.js';
import { FormActions, SelectField, TextAreaField, TextField } from '../../ui/fields.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { usePlanChange } from './project-plan-api.js';

/**
 * The coordinators' small forms on the plan, what-lasts and partner pages, described as a list of
 * fields so each form is a few lines: the field's `name` is the request body's field, so the
 * server's field errors land on it and in the error summary (labels, never API names).
 */
export interface FieldSpec {
  name: string;
  label: string;
  type?: 'text' | 'date' | 'email' | 'tel' | 'textarea' | 'select';
  options?: { value: string; label: string }[];
  required?: boolean;
  /** From the contract (`maxLengthOf`), never a literal. */
  maxLength?: number;
  /** A date input's latest day. */
  max?: string;
  hint?: string;
}

export type FormValues = Record<string, string>;

/** '' in a select or an optional field is "none" for the API. */
export const orNull = (v: string | undefined) => (v ? v : null);

export function ChangeForm({
  id,
  title,
  fields,
  initial,
  method,
  path,
  toBody,
  onDone,
  onCancel,
  takeFocus = true,
}: {
  id: string;
  title: string;
  fields: FieldSpec[];
  initial: FormValues;
  method: 'POST' | 'PATCH' | 'PUT';
  path: string;
  toBody: (form: FormValues) => unknown;
  onDone: () => void;
  onCancel: () => void;
  /** A second form opened together with a first leaves the focus on the first one's heading. */
  takeFocus?: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const change = usePlanChange();
  const [form, setForm] = useState<FormValues>(initial);
  const errors = isApiError(change.error) ? change.error.fieldErrors(locale) : [];
  const errorOf = (name: string) =>
    errors.find((e) => e.field.replace(/^body\.?/, '').split('.')[0] === name)?.message;
  // Not `${id}-title`: that is the heading's id, and a field named "title" would take its label.
  const fieldId = (name: string) => `${id}-field-${name}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    change.mutate({ method, path, body: toBody(form) }, { onSuccess: onDone });
  };
  const body = (
    <>
      <ProblemAlert
        error={change.error}
        fields={Object.fromEntries(fields.map((f) => [f.name, { label: f.label, id: fieldId(f.name) }]))}
      />
      <form onSubmit={submit} noValidate>
        {fields.map((f) => {
          const common = {
            id: fieldId(f.name),
            label: f.label,
            value: form[f.name] ?? '',
            onChange: (e: { target: { value: string } }) => setForm({ ...form, [f.name]: e.target.value }),
            required: f.required,
            error: errorOf(f.name),
            hint: f.hint,
          };
          if (f.type === 'select') return <SelectField key={f.name} {...common} options={f.options ?? []} />;
          if (f.type === 'textarea')
            return <TextAreaField key={f.name} {...common} maxLength={f.maxLength} rows={3} />;
          return (
            <TextField key={f.name} {...common} type={f.type ?? 'text'} maxLength={f.maxLength} max={f.max} />
          );
        })}
        <FormActions>
          <button type="submit" className="btn btn-primary" disabled={change.isPending}>
            {t('projectPlan.forms.save')}
          </button>
          <button type="button" className="btn btn-outline-secondary" onClick={onCancel}>
            {t('projectPlan.forms.cancel')}
          </button>
        </FormActions>
      </form>
    </>
  );
  if (takeFocus)
    return (
      <EditorCard id={id} title={title}>
        {body}
      </EditorCard>
    );
  return (
    <section className="card shadow-sm p-4 my-4" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="h5 mb-4">
        {title}
      </h3>
      {body}
    </section>
  );
}

/**
 * A button that opens a form ("Modifica", "Aggiungi …"); the item it is about is read to screen
 * readers after the visible words, so many "Modifica" buttons on a page stay distinct.
 */
export function OpenButton({
  label,
  about,
  open,
  onClick,
  controls,
}: {
  label: string;
  about?: string;
  open: boolean;
  onClick: () => void;
  controls: string;
}) {
  return (
    <button
      type="button"
      className="btn btn-outline-primary btn-sm"
      aria-expanded={open}
      aria-controls={controls}
      // The visible words first, then what they are about (a hidden span would read "Modifica : …").
      aria-label={about ? `${label}: ${about}` : undefined}
      onClick={onClick}
    >
      {label}
    </button>
  );
}

/** An OpenButton and, when open, the form it opens (given a way to close it) right below. */
export function Opener({
  id,
  label,
  about,
  children,
}: {
  id: string;
  label: string;
  about?: string;
  children: (close: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <OpenButton label={label} about={about} open={open} controls={id} onClick={() => setOpen(!open)} />
      <div id={id}>{open ? children(() => setOpen(false)) : null}</div>
    </>
  );
}
