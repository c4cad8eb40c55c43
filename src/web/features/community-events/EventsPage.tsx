import { Link, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVENT_KINDS, type TEvent, type TEventKind } from '../../../contracts/community.js';
import { useLocale } from '../../i18n/index.js';
import { useCan } from '../../session/session.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { SelectField } from '../../ui/fields.js';
import { todayLocal } from '../../ui/forms/values.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { Pager } from '../../ui/Pager.js';
import { isMonth, thisMonth } from './calendar-month.js';
import { eventLinks, useEvents } from './community-events-api.js';
import { EventStatusBadge, SeatsText } from './EventBits.js';
import { EventsCalendar } from './EventsCalendar.js';
import { useEventKindOptions, useMunicipalityGroups } from './event-options.js';
import { sessionWhen } from './event-words.js';
import { absoluteUrl } from './QrImage.js';

const PAGE_SIZE = 20;
const RESULTS_HEADING = 'community-events-results';

export interface EventsSearch {
  view?: 'calendar' | 'list' | undefined;
  month?: string | undefined;
  kind?: TEventKind | undefined;
  municipality?: string | undefined;
  page?: number | undefined;
}

/** Awareness meetings, workshops and labs: a month's calendar or the list of those to come, filtered. */
export function EventsPage(search: EventsSearch) {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const view = search.view ?? 'calendar';
  const month = isMonth(search.month) ? search.month : thisMonth();
  const go = (next: Partial<EventsSearch>) =>
    navigate({ to: '/community/events', search: { ...search, ...next } });

  return (
    <>
      <PageHeading title={t('communityEvents.list.title')}>
        <p className="mb-2">{t('communityEvents.list.intro')}</p>
        <div className="d-flex flex-wrap gap-3">
          <a href={eventLinks.publicList}>{t('communityEvents.list.publicPages')}</a>
          {can('community.dashboard') && (
            <Link to="/community/dashboard">{t('communityEvents.list.dashboardLink')}</Link>
          )}
        </div>
      </PageHeading>
      {/* The server decides who organises; a refusal on the form says so in words. */}
      {can('community.manage') && (
        <p>
          <Link to="/community/events/new" className="btn btn-primary">
            {t('communityEvents.list.new')}
          </Link>
        </p>
      )}
      <Filters search={search} onApply={(next) => go({ ...next, page: undefined })} />
      <nav aria-label={t('communityEvents.list.views')} className="d-flex flex-wrap gap-2 mb-3">
        {(['calendar', 'list'] as const).map((v) => (
          <Link
            key={v}
            to="/community/events"
            search={{ ...search, view: v, page: undefined }}
            className={`btn btn-sm ${view === v ? 'btn-primary' : 'btn-outline-primary'}`}
            aria-current={view === v ? 'true' : undefined}
          >
            {t(`communityEvents.list.view.${v}`)}
          </Link>
        ))}
      </nav>
      {view === 'calendar' ? (
        <EventsCalendar month={month} kind={search.kind} municipality={search.municipality} />
      ) : (
        <UpcomingList search={search} onPage={(page) => go({ page })} />
      )}
      <CalendarFeeds />
    </>
  );
}

function Filters({
  search,
  onApply,
}: {
  search: EventsSearch;
  onApply: (next: Partial<EventsSearch>) => void;
}) {
  const { t } = useTranslation();
  const kinds = useEventKindOptions();
  const { groups } = useMunicipalityGroups();
  const [kind, setKind] = useState<string>(search.kind ?? '');
  const [municipality, setMunicipality] = useState<string>(search.municipality ?? '');
  const apply = (event: FormEvent) => {
    event.preventDefault();
    onApply({
      kind: (EVENT_KINDS as readonly string[]).includes(kind) ? (kind as TEventKind) : undefined,
      municipality: municipality || undefined,
    });
  };
  return (
    <form
      onSubmit={apply}
      className="d-flex flex-wrap align-items-end gap-3"
      aria-label={t('communityEvents.list.filters')}
    >
      <SelectField
        id="events-kind"
        label={t('communityEvents.fields.kind')}
        placeholder={t('communityEvents.list.allKinds')}
        options={kinds}
        value={kind}
        onChange={(e) => setKind(e.target.value)}
      />
      <SelectField
        id="events-municipality"
        label={t('communityEvents.fields.municipality')}
        placeholder={t('communityEvents.list.allMunicipalities')}
        options={[]}
        groups={groups}
        value={municipality}
        onChange={(e) => setMunicipality(e.target.value)}
      />
      <button type="submit" className="btn btn-outline-primary mb-4">
        {t('communityEvents.list.apply')}
      </button>
    </form>
  );
}

/** The events from today on: what, when (the first session and how many), where, seats. */
function UpcomingList({ search, onPage }: { search: EventsSearch; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  const page = search.page ?? 1;
  const events = useEvents({
    from: todayLocal(),
    kind: search.kind,
    municipality: search.municipality,
    page,
    pageSize: PAGE_SIZE,
  });
  return (
    <section aria-labelledby={RESULTS_HEADING} className="mb-4">
      <h2 id={RESULTS_HEADING} tabIndex={-1} className="h4">
        {t('communityEvents.list.upcoming')}
      </h2>
      <AsyncContent query={events}>
        {(result) =>
          result.items.length === 0 ? (
            <p role="status">{t('communityEvents.list.empty')}</p>
          ) : (
            <>
              <EventsTable
                events={result.items}
                caption={t('communityEvents.list.caption', { count: result.total })}
              />
              <Pager
                page={page}
                pageSize={PAGE_SIZE}
                total={result.total}
                onPage={onPage}
                label={t('communityEvents.list.pages')}
                resultsHeadingId={RESULTS_HEADING}
              />
            </>
          )
        }
      </AsyncContent>
    </section>
  );
}

function EventsTable({ events, caption }: { events: TEvent[]; caption: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <DataTable className="table-hover" caption={caption}>
      <thead>
        <tr>
          <th scope="col">{t('communityEvents.fields.title')}</th>
          <th scope="col">{t('communityEvents.fields.kind')}</th>
          <th scope="col">{t('communityEvents.list.when')}</th>
          <th scope="col">{t('communityEvents.fields.municipality')}</th>
          <th scope="col">{t('communityEvents.event.seats')}</th>
        </tr>
      </thead>
      <tbody>
        {events.map((event) => {
          const first = event.sessions[0];
          return (
            <tr key={event.id}>
              <th scope="row">
                <Link to="/community/events/$eventId" params={{ eventId: event.id }}>
                  {event.title}
                </Link>{' '}
                <EventStatusBadge event={event} />
              </th>
              <td>{t(`communityEvents.kind.${event.kind}`)}</td>
              <td>
                {first ? sessionWhen(first.startsAt, first.endsAt, locale) : '—'}
                {event.sessions.length > 1 && (
                  <span className="d-block small">
                    {t('communityEvents.list.sessionsCount', { count: event.sessions.length })}
                  </span>
                )}
              </td>
              <td>{event.municipalityName}</td>
              <td>
                <SeatsText event={event} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </DataTable>
  );
}

/** The calendar files: this list for one's own calendar, the public one to subscribe to. */
function CalendarFeeds() {
  const { t } = useTranslation();
  const url = absoluteUrl(eventLinks.publicCalendar);
  return (
    <section aria-labelledby="community-calendar-feeds" className="card shadow-sm p-3 mb-4">
      <h2 id="community-calendar-feeds" className="h5">
        {t('communityEvents.feeds.title')}
      </h2>
      <p className="mb-2">
        <a href={eventLinks.calendar} download>
          {t('communityEvents.feeds.download')}
        </a>
      </p>
      <label htmlFor="community-public-calendar" className="fw-semibold d-block mb-1">
        {t('communityEvents.feeds.subscribe')}
      </label>
      <input
        id="community-public-calendar"
        className="form-control"
        readOnly
        value={url}
        aria-describedby="community-public-calendar-hint"
        onFocus={(e) => e.target.select()}
      />
      <small id="community-public-calendar-hint" className="form-text d-block">
        {t('communityEvents.feeds.subscribeHint')}
      </small>
    </section>
  );
}
