import { html, type SafeHtml } from '../../../platform/public-pages/html.js';
import { type IconName, icon } from '../../../platform/public-pages/icons.js';

/**
 * Form pieces of the public pages, one accessible pattern: a label for every field (its pictogram
 * inside), hints and errors tied to the field with aria-describedby, radio groups in a fieldset
 * with its legend, big targets, and an error summary whose links lead to the fields.
 */

export type FieldErrors = Partial<Record<string, string>>;

const describedBy = (id: string, hint: string | undefined, error: string | undefined) => {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return ids ? html` aria-describedby="${ids}"` : '';
};

const errorLine = (id: string, error: string | undefined) =>
  error ? html`<p class="error" id="${id}-error">${icon('warning')} ${error}</p>` : '';

export function textField({
  name,
  label,
  hint,
  value,
  error,
  iconName,
  type = 'text',
  autocomplete,
  inputmode,
  maxlength,
  extra,
}: {
  name: string;
  label: string;
  hint?: string;
  value?: string;
  error?: string;
  iconName: IconName;
  type?: 'text' | 'tel';
  autocomplete?: string;
  inputmode?: string;
  maxlength: number;
  /** Further attributes, written by this module (never from input). */
  extra?: SafeHtml;
}) {
  const id = `field-${name}`;
  return html`<div class="field${error ? ' has-error' : ''}">
  <label for="${id}">${icon(iconName)} ${label}</label>
  ${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : ''}
  ${errorLine(id, error)}
  <input id="${id}" name="${name}" type="${type}" value="${value ?? ''}" maxlength="${maxlength}"${
    autocomplete ? html` autocomplete="${autocomplete}"` : ''
  }${inputmode ? html` inputmode="${inputmode}"` : ''}${error ? html` aria-invalid="true"` : ''}${describedBy(
    id,
    hint,
    error,
  )}${extra ?? ''}>
</div>`;
}

export function checkbox({
  name,
  label,
  hint,
  checked,
  iconName,
}: {
  name: string;
  label: string;
  hint?: string;
  checked: boolean;
  iconName: IconName;
}) {
  const id = `field-${name}`;
  return html`<div class="field check">
  <input id="${id}" name="${name}" type="checkbox" value="yes"${checked ? html` checked` : ''}${describedBy(
    id,
    hint,
    undefined,
  )}>
  <label for="${id}">${icon(iconName)} ${label}</label>
  ${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : ''}
</div>`;
}

/** A radio group; `options` are [value, words, optional pictogram markup]. */
export function radioGroup({
  name,
  legend,
  options,
  checked,
  error,
  iconName,
  layout = 'list',
}: {
  name: string;
  legend: string;
  options: readonly (readonly [string, string, SafeHtml?])[];
  checked: string | undefined;
  error?: string;
  iconName: IconName;
  layout?: 'list' | 'scale';
}) {
  const id = `field-${name}`;
  return html`<fieldset class="choices ${layout}${error ? ' has-error' : ''}" id="${id}"${
    error ? html` aria-describedby="${id}-error"` : ''
  }>
  <legend>${icon(iconName)} ${legend}</legend>
  ${errorLine(id, error)}
  <div class="options">${options.map(
    ([value, words, picture], i) =>
      html`<label class="option" for="${id}-${i}"><input type="radio" id="${id}-${i}" name="${name}" value="${value}"${
        value === checked ? html` checked` : ''
      }>${picture ?? ''}<span>${words}</span></label>`,
  )}</div>
</fieldset>`;
}

export const hidden = (name: string, value: string) =>
  html`<input type="hidden" name="${name}" value="${value}">`;

export const submit = (label: string, iconName: IconName = 'check') =>
  html`<button type="submit" class="primary">${icon(iconName)} ${label}</button>`;

/** The errors at the top of the form, each a link to its field. */
export function errorSummary(title: string, errors: FieldErrors) {
  const entries = Object.entries(errors).filter((e): e is [string, string] => Boolean(e[1]));
  if (entries.length === 0) return '';
  return html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title">
  <h2 id="error-summary-title">${icon('warning')} ${title}</h2>
  <ul>${entries.map(([field, message]) => html`<li><a href="#field-${field}">${message}</a></li>`)}</ul>
</div>`;
}

/** A message not tied to one field (a refused or stale form), shown above it. */
export const notice = (text: string, kind: 'info' | 'problem' = 'info') =>
  html`<p class="notice ${kind}"${kind === 'problem' ? html` role="alert"` : ''}>${icon(
    kind === 'problem' ? 'warning' : 'check',
  )} ${text}</p>`;
