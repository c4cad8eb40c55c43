import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunder } from '../../../contracts/fundraising.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { EditorCard } from '../../ui/EditorCard.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { formatEuroCents } from '../community/community-words.js';
import { FunderForm } from './FunderForm.js';
import { useFunders } from './fundraising-api.js';

/** Funders and donors, a page at a time (their names and contacts: the list is audited); each one editable. */
export function FundersPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<TFunder | null>(null);
  const funders = useFunders(page);
  return (
    <>
      <PageHeading title={t('fundraising.funders.title')} />
      <section aria-labelledby="funder-form-heading" className="mb-4">
        <h2 id="funder-form-heading" className="h4">
          {t('fundraising.funders.add')}
        </h2>
        <FunderForm />
      </section>
      {editing && (
        <EditorCard id="funder-edit" title={t('fundraising.funders.edit', { name: editing.name })}>
          <FunderForm key={editing.id} funder={editing} onDone={() => setEditing(null)} />
        </EditorCard>
      )}
      <AsyncContent query={funders}>
        {(p) => (
          <>
            <DataTable caption={t('fundraising.funders.title')} captionClassName="visually-hidden">
              <thead>
                <tr>
                  <th scope="col">{t('fundraising.field.name')}</th>
                  <th scope="col">{t('fundraising.field.kind')}</th>
                  <th scope="col">{t('fundraising.field.contact')}</th>
                  <th scope="col">{t('fundraising.field.received')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('fundraising.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {p.items.map((f) => (
                  <tr key={f.id}>
                    <td>
                      {f.name}
                      {!f.active && <> ({t('fundraising.funders.inactive')})</>}
                    </td>
                    <td>{t(`fundraising.funderKind.${f.kind}`)}</td>
                    <td>{[f.contactName, f.contactEmail].filter(Boolean).join(' · ') || '—'}</td>
                    <td>{formatEuroCents(f.receivedCents, locale)}</td>
                    <td>
                      <button
                        type="button"
                        className="btn btn-outline-primary btn-sm"
                        aria-label={t('fundraising.funders.edit', { name: f.name })}
                        onClick={() => setEditing(f)}
                      >
                        {t('fundraising.edit')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
            <nav aria-label={t('fundraising.funders.pages')} className="d-flex gap-2">
              <button
                type="button"
                className="btn btn-outline-primary btn-sm"
                disabled={page === 1}
                onClick={() => setPage(page - 1)}
              >
                {t('fundraising.funders.previous')}
              </button>
              <button
                type="button"
                className="btn btn-outline-primary btn-sm"
                disabled={page * p.pageSize >= p.total}
                onClick={() => setPage(page + 1)}
              >
                {t('fundraising.funders.next')}
              </button>
            </nav>
          </>
        )}
      </AsyncContent>
    </>
  );
}
