import { nearestField } from './field-paths.js';

/** A form field as the error summary names it: its label, and the id of the element to focus. */
export interface SummaryField {
  label: string;
  id: string;
}
/** The form's fields by name (the request body's field names), as the summary should show them. */
export type SummaryFields = Readonly<Record<string, SummaryField>>;

export interface SummaryItem {
  /** The field's label and target, or none when the error is about no field the form has. */
  field: SummaryField | null;
  message: string;
}

/**
 * The server's field errors as the summary lists them: each with the label of the form field it
 * is about (the field itself, else its nearest parent the form has, so `body.forms.1` is
 * "Forme di violenza"), one item per field, in the order of the form. Never the API's names.
 */
export function summaryItems({
  errors,
  fields,
}: {
  errors: readonly { field: string; message: string }[];
  fields: SummaryFields;
}): SummaryItem[] {
  const known = new Set(Object.keys(fields));
  const byField = new Map<string, string[]>();
  const loose: string[] = [];
  for (const error of errors) {
    const name = nearestField(error.field.replace(/^body\.?/, ''), known);
    if (!name) {
      if (!loose.includes(error.message)) loose.push(error.message);
      continue;
    }
    const messages = byField.get(name) ?? [];
    if (!messages.includes(error.message)) messages.push(error.message);
    byField.set(name, messages);
  }
  return [
    ...Object.keys(fields)
      .filter((name) => byField.has(name))
      .map((name) => ({ field: fields[name]!, message: byField.get(name)!.join('; ') })),
    ...loose.map((message) => ({ field: null, message })),
  ];
}

/**
 * Moves focus to a field named by the summary: the control itself, or the first control of a
 * group (a fieldset of radios or checkboxes), scrolled into view.
 */
export function focusField(id: string) {
  const target = document.getElementById(id);
  if (!target) return;
  const control = target.matches('input, select, textarea')
    ? target
    : target.querySelector<HTMLElement>('input:not([disabled]), select, textarea');
  (control ?? target).focus();
  (control ?? target).scrollIntoView({ block: 'center' });
}
