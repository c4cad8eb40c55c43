import type { ReactNode } from 'react';
import { PageHeading } from '../../ui/PageHeading.js';

/** The common frame of the sign-in steps: heading, optional intro, content. */
export function AuthCard({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  return (
    <section className="card-wrapper">
      <div className="card shadow-sm p-4">
        <PageHeading title={title}>{intro && <p className="mt-2 mb-0">{intro}</p>}</PageHeading>
        {children}
      </div>
    </section>
  );
}
