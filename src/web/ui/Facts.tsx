import type { ReactNode } from 'react';

/** A definition list of label/value pairs, the read-only view of a record. */
export function Facts({ children }: { children: ReactNode }) {
  return <dl className="row mb-4">{children}</dl>;
}

export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="col-sm-4 col-lg-3">{label}</dt>
      <dd className="col-sm-8 col-lg-9">{children ?? '—'}</dd>
    </>
  );
}
