import { type ReactNode, useEffect, useRef } from 'react';

/**
 * The box in which a create/edit form opens. Focus moves to its heading when it opens, so keyboard
 * and screen-reader users land on the form they asked for.
 */
export function EditorCard({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <section className="card shadow-sm p-4 my-4" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} ref={ref} tabIndex={-1} className="h5 mb-4">
        {title}
      </h3>
      {children}
    </section>
  );
}
