import { TextField } from '../../ui/fields.js';

/**
 * An amount in euros as people type it ("1.250,50" or "1250.50"), kept as text while editing and
 * sent in cents. One field and one conversion for every fundraising form.
 */

/** Euros as typed → cents; null when empty. A wrong number is sent as it is, so the server names the field. */
export function euroToCents(value: string): number | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  // "1.250,50" and "1.250": the dot groups thousands, the comma marks the decimals.
  const italian = trimmed.includes(',') || /^-?\d{1,3}(\.\d{3})+$/.test(trimmed);
  const normal = italian ? trimmed.replace(/\./g, '').replace(',', '.') : trimmed;
  return Math.round(Number(normal) * 100);
}

/** Cents → euros for an edit form's starting text; empty for none. */
export function centsToEuro(cents: number | null | undefined, locale: string): string {
  if (cents === null || cents === undefined) return '';
  const euros = (cents / 100).toFixed(2);
  return locale === 'it' ? euros.replace('.', ',') : euros;
}

export function MoneyField({
  id,
  label,
  value,
  onChange,
  required = false,
  error,
  className = 'col-12 col-md-4',
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  /** The server's words for this field, shown under it. */
  error?: string;
  className?: string;
}) {
  return (
    <TextField
      id={id}
      label={label}
      className={className}
      inputMode="decimal"
      autoComplete="off"
      required={required}
      error={error}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
