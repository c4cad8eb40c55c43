import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AsyncContent } from './AsyncContent.js';
import { DataTable } from './DataTable.js';

/**
 * A list screen's shell: heading with an optional "new" button, whatever sits between (filters,
 * the open editor), and the query's items as an accessible table with caption (`DataTable`: cards on
 * a phone), or an empty note.
 */
export function ListSection<T extends { id: string }>({
  id,
  title,
  newLabel,
  onNew,
  children,
  query,
  empty,
  caption,
  columns,
  row,
}: {
  id: string;
  title: string;
  /** Shown only when given: the caller decides whether the user may create. */
  newLabel?: string | false;
  onNew?: () => void;
  children?: ReactNode;
  query: UseQueryResult<T[]>;
  empty: string;
  caption: string;
  columns: (string | false)[];
  /** The cells of one row; the first cell is usually a `<th scope="row">`. */
  row: (item: T) => ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-heading`}>
      <div className="d-flex flex-wrap justify-content-between align-items-center mb-3">
        <h2 id={`${id}-heading`} className="h4 mb-0">
          {title}
        </h2>
        {newLabel && (
          <button type="button" className="btn btn-primary btn-sm" onClick={onNew}>
            {newLabel}
          </button>
        )}
      </div>
      {children}
      <AsyncContent query={query}>
        {(items) =>
          items.length === 0 ? (
            <p>{empty}</p>
          ) : (
            <DataTable className="table-hover" caption={caption}>
              <thead>
                <tr>
                  {columns.filter(Boolean).map((c) => (
                    <th scope="col" key={c as string}>
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <tr key={item.id}>{row(item)}</tr>
                ))}
              </tbody>
            </DataTable>
          )
        }
      </AsyncContent>
    </section>
  );
}

/** The per-row edit button, named after the row for screen readers ("Modifica Treviglio"). */
export function EditButton({ name, onClick }: { name: string; onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="btn btn-outline-primary btn-xs"
      aria-label={t('common.editNamed', { name })}
      onClick={onClick}
    >
      {t('common.edit')}
    </button>
  );
}
