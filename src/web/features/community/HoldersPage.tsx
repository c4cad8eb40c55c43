import { Link, useRouter } from '@tanstack/react-router';
import { lazy, Suspense, useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/index.js';
import { useCan } from '../../session/session.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { formatDateTime, formatNumber } from '../../ui/format.js';
import { Loading } from '../../ui/Loading.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { Pager } from '../../ui/Pager.js';
import {
  type HolderFilters as Filters,
  HOLDERS_PAGE_SIZE,
  useCommunityMap,
  useHolders,
} from './community-api.js';
import { useCommunityWords } from './community-words.js';
import { HolderFilters } from './HolderFilters.js';
import { HoldersTable } from './HoldersTable.js';
import type { MapPopupTexts } from './map-popup.js';
import { ReferenceLoaded } from './ReferenceLoaded.js';

// Leaflet, its stylesheet and the comuni's boundaries load only when the map is shown.
const CommunityMap = lazy(() => import('./CommunityMap.js'));

export type HoldersView = 'list' | 'map';
const RESULTS_HEADING = 'community-holders-results';

/** "Realtà del territorio": the registry of community holders, as a list (the default) or a map. */
export function HoldersPage({
  filters,
  view,
  onChange,
}: {
  filters: Filters;
  view: HoldersView;
  onChange: (next: Filters, view: HoldersView) => void;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const holders = useHolders(filters);
  // Anyone who may change a holder may add one; with no holder to ask, the permission says it.
  const items = holders.data?.items ?? [];
  const editor = can('community.manage') && (items.length === 0 || items.some((h) => h.canEdit));

  return (
    <>
      <PageHeading title={t('community.holders.title')}>
        <p className="mb-2">{t('community.holders.intro')}</p>
        <div className="d-flex flex-wrap gap-3 align-items-center">
          {editor && (
            <Link to="/community/holders/new" className="btn btn-primary btn-sm">
              {t('community.holders.new')}
            </Link>
          )}
          <Link to="/community/needs">{t('community.holders.needsLink')}</Link>
          {can('community.manage') && (
            <Link to="/community/resources">{t('community.holders.resourcesLink')}</Link>
          )}
        </div>
      </PageHeading>
      <ReferenceLoaded>
        {() => (
          <>
            <HolderFilters
              key={JSON.stringify(filters)}
              filters={filters}
              onApply={(next) => onChange(next, view)}
            />
            <fieldset className="mb-3">
              <legend className="visually-hidden">{t('community.holders.viewLabel')}</legend>
              <div className="btn-group">
                {(['list', 'map'] as const).map((option) => (
                  <button
                    key={option}
                    type="button"
                    className={`btn btn-sm ${view === option ? 'btn-primary' : 'btn-outline-primary'}`}
                    aria-pressed={view === option}
                    onClick={() => onChange(filters, option)}
                  >
                    {t(`community.holders.view.${option}`)}
                  </button>
                ))}
              </div>
            </fieldset>
            <h2 id={RESULTS_HEADING} tabIndex={-1} className="h4">
              {view === 'map' ? t('community.map.title') : t('community.holders.results')}
            </h2>
            {view === 'map' ? (
              <MapSection filters={filters} />
            ) : (
              <AsyncContent query={holders}>
                {(page) =>
                  page.items.length === 0 ? (
                    <p role="status">{t('community.holders.empty')}</p>
                  ) : (
                    <>
                      <HoldersTable holders={page.items} total={page.total} />
                      <Pager
                        page={filters.page ?? 1}
                        pageSize={HOLDERS_PAGE_SIZE}
                        total={page.total}
                        onPage={(next) => onChange({ ...filters, page: next }, view)}
                        label={t('community.holders.pages')}
                        resultsHeadingId={RESULTS_HEADING}
                      />
                    </>
                  )
                }
              </AsyncContent>
            )}
          </>
        )}
      </ReferenceLoaded>
    </>
  );
}

/** The map of the same filters: kind, community and need go to the API; the comune is drawn out. */
function MapSection({ filters }: { filters: Filters }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const router = useRouter();
  const words = useCommunityWords();
  const map = useCommunityMap({ kind: filters.kind, community: filters.community, need: filters.need });
  const texts = useMemo<MapPopupTexts>(
    () => ({
      holders: t('community.map.holders'),
      events: t('community.map.events'),
      noHolders: t('community.map.noHolders'),
      holderLine: (name, kind) => t('community.map.holderLine', { name, kind }),
      eventLine: (title, when) => t('community.map.eventLine', { title, when }),
      markerLabel: (m) =>
        t('community.map.markerLabel', {
          name: m.name,
          holders: t('community.map.holdersCount', {
            count: m.holders.length,
            formatted: formatNumber(m.holders.length, locale),
          }),
          events: t('community.map.eventsCount', {
            count: m.events.length,
            formatted: formatNumber(m.events.length, locale),
          }),
        }),
    }),
    [t, locale],
  );
  // The popup's links are plain addresses (Leaflet builds them), followed inside the app.
  const open = useCallback((href: string) => router.history.push(href), [router]);

  return (
    <>
      {filters.opinionLeaders === 'true' && (
        <p className="callout note mt-0">{t('community.map.opinionLeadersNote')}</p>
      )}
      <AsyncContent query={map}>
        {(data) => (
          <Suspense fallback={<Loading />}>
            <CommunityMap
              municipalities={data.municipalities}
              highlight={filters.municipality}
              texts={texts}
              kindName={words.holderKind}
              formatWhen={(iso) => formatDateTime(iso, locale)}
              holderHref={(id) => `/community/holders/${encodeURIComponent(id)}`}
              eventHref={(id) => `/community/events/${encodeURIComponent(id)}`}
              open={open}
            />
          </Suspense>
        )}
      </AsyncContent>
    </>
  );
}
