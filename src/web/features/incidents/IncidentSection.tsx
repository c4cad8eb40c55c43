import type { ReactNode } from 'react';

/** One titled part of the incident form. */
export function IncidentSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`section-${id}`} className="mb-4 pb-2 border-bottom">
      <h2 id={`section-${id}`} className="h4 mb-4">
        {title}
      </h2>
      {children}
    </section>
  );
}
