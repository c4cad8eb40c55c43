import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TSitePageKind, TSitePageSummary } from '../../../contracts/website.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { EditorCard } from '../../ui/EditorCard.js';
import { formatDateTime } from '../../ui/format.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { PageCreateForm } from './PageCreateForm.js';
import { usePageCreate, useSitePages } from './website-api.js';
import { StateBadge, TranslationBadges } from './website-words.js';

const TABS = [undefined, 'page', 'news', 'video', 'conference'] as const;

/** The public website's pages and news: state, category, last change and translations; a new one. */
export function SitePagesPage({ kind }: { kind?: TSitePageKind }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const pages = useSitePages(kind);
  const create = usePageCreate();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeading title={t('website.list.title')}>
        <p className="mb-2">{t('website.list.intro')}</p>
        <ul className="list-inline mb-0">
          <li className="list-inline-item me-4">
            <Link to="/website/help-services">{t('website.list.helpLink')}</Link>
          </li>
          <li className="list-inline-item me-4">
            <Link to="/website/plan">{t('website.list.planLink')}</Link>
          </li>
          <li className="list-inline-item">
            <Link to="/website/media">{t('website.list.mediaLink')}</Link>
          </li>
        </ul>
      </PageHeading>
      <nav aria-label={t('website.list.tabsLabel')} className="mb-4">
        <ul className="nav nav-tabs">
          {TABS.map((tab) => (
            <li key={tab ?? 'all'} className="nav-item">
              <Link
                to="/website"
                search={tab ? { kind: tab } : {}}
                className="nav-link"
                activeOptions={{ exact: true, includeSearch: true }}
              >
                {t(`website.list.tabs.${tab ?? 'all'}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {creating ? (
        <EditorCard id="site-page-new" title={t('website.create.title')}>
          <PageCreateForm
            kind={kind ?? 'page'}
            error={create.error}
            onSubmit={async (body) => {
              const page = await create.mutateAsync(body);
              await navigate({ to: '/website/pages/$id', params: { id: page.id } });
            }}
            onCancel={() => {
              create.reset();
              setCreating(false);
            }}
          />
        </EditorCard>
      ) : (
        <p>
          <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
            {t('website.list.new')}
          </button>
        </p>
      )}
      <AsyncContent query={pages}>
        {(items) => (items.length === 0 ? <p>{t('website.list.empty')}</p> : <PagesTable items={items} />)}
      </AsyncContent>
    </>
  );
}

function PagesTable({ items }: { items: TSitePageSummary[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <DataTable className="table-hover" caption={t('website.list.caption', { count: items.length })}>
      <thead>
        <tr>
          <th scope="col">{t('website.list.titleColumn')}</th>
          <th scope="col">{t('website.list.state')}</th>
          <th scope="col">{t('website.list.category')}</th>
          <th scope="col">{t('website.list.updatedAt')}</th>
          <th scope="col">{t('website.list.translations')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((page) => (
          <tr key={page.id}>
            <th scope="row">
              <Link to="/website/pages/$id" params={{ id: page.id }}>
                {page.title}
              </Link>
              <span className="d-block small fw-normal">
                {t(`website.kinds.${page.kind}`)} · <span className="text-break">{page.publicPath}</span>
              </span>
            </th>
            <td>
              <StateBadge state={page.state} />
              {page.state === 'scheduled' && page.publishAt && (
                <span className="d-block small">
                  {t('website.list.scheduledFor', { at: formatDateTime(page.publishAt, locale) })}
                </span>
              )}
            </td>
            <td>{t(`website.categories.${page.category}`)}</td>
            <td className="text-nowrap">{formatDateTime(page.updatedAt, locale)}</td>
            <td>
              <TranslationBadges translations={page.translations} />
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
