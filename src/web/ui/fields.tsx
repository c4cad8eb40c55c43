import { forwardRef, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';

/**
 * Form controls with Bootstrap Italia markup. We render the markup ourselves (instead of
 * design-react-kit's Input) because react-hook-form registers uncontrolled inputs and the kit's
 * floating label tracks focus in its own state; here the label is always "active" so it never
 * overlaps the value, and it sits in the flow above the control (app.css), not floated over
 * whatever precedes the field (a heading, a wrapped label). Each control links its hint and error
 * through aria-describedby.
 */
interface FieldProps {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
}

function describedBy(id: string, error?: string, hint?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function FieldMessages({
  id,
  error,
  hint,
}: {
  id: string;
  error?: string | undefined;
  hint?: string | undefined;
}) {
  return (
    <>
      {hint && (
        <small id={`${id}-hint`} className="form-text d-block">
          {hint}
        </small>
      )}
      {error && (
        <div id={`${id}-error`} className="invalid-feedback d-block" role="alert">
          {error}
        </div>
      )}
    </>
  );
}

export type TextFieldProps = FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>;

export const TextField = forwardRef<HTMLInputElement, TextFieldProps>(function TextField(
  { id, label, error, hint, className, type = 'text', ...input },
  ref,
) {
  return (
    <div className={`form-group ${className ?? ''}`}>
      <label htmlFor={id} className="active">
        {label}
        {input.required ? ' *' : ''}
      </label>
      <input
        ref={ref}
        id={id}
        type={type}
        className={`form-control${error ? ' is-invalid' : ''}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        {...input}
      />
      <FieldMessages id={id} error={error} hint={hint} />
    </div>
  );
});

export type SelectFieldProps = FieldProps &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & {
    options: { value: string; label: string }[];
    /** Options shown in labelled groups (`<optgroup>`), after the ungrouped ones. */
    groups?: { label: string; options: { value: string; label: string }[] }[];
    /** Text of an empty first option; omit when a value is always required. */
    placeholder?: string;
  };

export const SelectField = forwardRef<HTMLSelectElement, SelectFieldProps>(function SelectField(
  { id, label, error, hint, options, groups, placeholder, className, ...select },
  ref,
) {
  return (
    <div className={`select-wrapper mb-4 ${className ?? ''}`}>
      <label htmlFor={id}>
        {label}
        {select.required ? ' *' : ''}
      </label>
      <select
        ref={ref}
        id={id}
        className={error ? 'is-invalid' : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        {...select}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
        {groups?.map((group) => (
          <optgroup key={group.label} label={group.label}>
            {group.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <FieldMessages id={id} error={error} hint={hint} />
    </div>
  );
});

export type TextAreaFieldProps = FieldProps & Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>;

export const TextAreaField = forwardRef<HTMLTextAreaElement, TextAreaFieldProps>(function TextAreaField(
  { id, label, error, hint, className, ...textarea },
  ref,
) {
  return (
    <div className={`form-group ${className ?? ''}`}>
      <label htmlFor={id} className="active">
        {label}
        {textarea.required ? ' *' : ''}
      </label>
      <textarea
        ref={ref}
        id={id}
        rows={4}
        className={`form-control${error ? ' is-invalid' : ''}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        {...textarea}
      />
      <FieldMessages id={id} error={error} hint={hint} />
    </div>
  );
});

export type CheckboxFieldProps = FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'>;

export const CheckboxField = forwardRef<HTMLInputElement, CheckboxFieldProps>(function CheckboxField(
  { id, label, error, hint, className, ...input },
  ref,
) {
  return (
    <div className={`form-check mb-4 ${className ?? ''}`}>
      <input
        ref={ref}
        id={id}
        type="checkbox"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        {...input}
      />
      <label htmlFor={id}>{label}</label>
      <FieldMessages id={id} error={error} hint={hint} />
    </div>
  );
});

/** A row of form actions, kept apart so every form lays out its buttons the same way. */
export function FormActions({ children }: { children: ReactNode }) {
  return <div className="d-flex flex-wrap gap-2 mt-2">{children}</div>;
}

interface ChoiceGroupProps {
  id: string;
  legend: string;
  options: { value: string; label: string; disabled?: boolean; note?: string }[];
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  inline?: boolean;
  className?: string;
}

/** The fieldset, legend, hint and error shared by radio and checkbox groups. */
function ChoiceFieldset({
  id,
  legend,
  error,
  hint,
  required,
  className,
  children,
}: Omit<ChoiceGroupProps, 'options' | 'inline'> & { children: ReactNode }) {
  return (
    <fieldset id={id} className={`mb-4 ${className ?? ''}`} aria-describedby={describedBy(id, error, hint)}>
      <legend className="h6 fw-semibold text-body mb-2 px-0">
        {legend}
        {required ? ' *' : ''}
      </legend>
      {children}
      <FieldMessages id={id} error={error} hint={hint} />
    </fieldset>
  );
}

/** One choice among a few, as radios in a fieldset (yes/no questions, short code lists). */
export function RadioGroup({
  value,
  onChange,
  name,
  inline = true,
  options,
  ...group
}: ChoiceGroupProps & { name: string; value: string; onChange: (value: string) => void }) {
  return (
    <ChoiceFieldset {...group}>
      {options.map((option) => (
        <div key={option.value} className={`form-check${inline ? ' form-check-inline' : ''}`}>
          <input
            type="radio"
            id={`${group.id}-${option.value}`}
            name={name}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
          />
          <label htmlFor={`${group.id}-${option.value}`}>{option.label}</label>
        </div>
      ))}
    </ChoiceFieldset>
  );
}

/** Several choices of a code list, as checkboxes in a fieldset; the value is the list of codes. */
export function CheckboxGroup({
  value,
  onChange,
  inline = false,
  options,
  ...group
}: ChoiceGroupProps & { value: readonly string[]; onChange: (value: string[]) => void }) {
  const toggle = (code: string, checked: boolean) => {
    const next = new Set(value);
    if (checked) next.add(code);
    else next.delete(code);
    // Keep the code list's order, whatever the order of the clicks.
    onChange(options.map((o) => o.value).filter((v) => next.has(v)));
  };
  return (
    <ChoiceFieldset {...group}>
      <div className={inline ? 'd-flex flex-wrap gap-4' : 'checkbox-columns'}>
        {options.map((option) => (
          <div key={option.value} className="form-check my-1">
            <input
              type="checkbox"
              id={`${group.id}-${option.value}`}
              checked={value.includes(option.value)}
              disabled={option.disabled}
              onChange={(event) => toggle(option.value, event.target.checked)}
            />
            <label htmlFor={`${group.id}-${option.value}`}>
              {option.label}
              {option.note ? <span className="small"> ({option.note})</span> : null}
            </label>
          </div>
        ))}
      </div>
    </ChoiceFieldset>
  );
}
