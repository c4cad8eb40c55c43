import { type FormEvent, type ReactNode, useState } from 'react';
import { TextField } from './fields.js';

/**
 * The period a dashboard counts over: two dates and Apply. The page reads them through its
 * contract's query schema and puts them in the address (what it was given comes back from there).
 */
export function DashboardPeriodForm({
  idPrefix,
  from,
  to,
  texts,
  onApply,
}: {
  idPrefix: string;
  from?: string | undefined;
  to?: string | undefined;
  texts: { period: string; from: string; to: string; apply: string };
  onApply: (period: { from: string | undefined; to: string | undefined }) => void;
}) {
  const [values, setValues] = useState({ from: from ?? '', to: to ?? '' });
  const apply = (event: FormEvent) => {
    event.preventDefault();
    onApply({ from: values.from || undefined, to: values.to || undefined });
  };
  return (
    <form onSubmit={apply} className="d-flex flex-wrap align-items-end gap-3" aria-label={texts.period}>
      <TextField
        id={`${idPrefix}-from`}
        type="date"
        label={texts.from}
        value={values.from}
        onChange={(e) => setValues({ ...values, from: e.target.value })}
      />
      <TextField
        id={`${idPrefix}-to`}
        type="date"
        label={texts.to}
        value={values.to}
        onChange={(e) => setValues({ ...values, to: e.target.value })}
      />
      <button type="submit" className="btn btn-outline-primary mb-4">
        {texts.apply}
      </button>
    </form>
  );
}

/**
 * A number against its target, as a bar with the numbers in words above it (what screen readers
 * read too); whatever the page adds about the count goes below.
 */
export function TargetBar({
  id,
  label,
  text,
  value,
  max,
  children,
}: {
  id: string;
  label: string;
  text: string;
  value: number;
  max: number;
  children?: ReactNode;
}) {
  const percent = max > 0 ? Math.min(100, Math.round((value / max) * 100)) : 0;
  return (
    <div className="mb-3" id={id}>
      <p className="mb-1 fw-semibold">{text}</p>
      <div
        className="progress mb-1"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={Math.min(value, max)}
        aria-valuetext={text}
      >
        <div className="progress-bar" style={{ width: `${percent}%` }} />
      </div>
      {children}
    </div>
  );
}
