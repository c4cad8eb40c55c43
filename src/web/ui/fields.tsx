import { forwardRef, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';

/**
 * Form controls with Bootstrap Italia markup. We render the markup ourselves (instead of
 * design-react-kit's Input) because react-hook-form registers uncontrolled inputs and the kit's
 * floating label tracks focus in its own state; here the label is always "active" so it never
 * overlaps the value. Each control links its hint and error through aria-describedby.
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
        <small id={`${id}-hint`} className="form-text">
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
    /** Text of an empty first option; omit when a value is always required. */
    placeholder?: string;
  };

export const SelectField = forwardRef<HTMLSelectElement, SelectFieldProps>(function SelectField(
  { id, label, error, hint, options, placeholder, className, ...select },
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
