import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TEventKind } from '../../../contracts/community.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { todayLocal } from '../../ui/forms/values.js';
import {
  type CalendarEntry,
  entriesByDay,
  monthRange,
  monthWeeks,
  shiftMonth,
  thisMonth,
} from './calendar-month.js';
import { useEvents } from './community-events-api.js';
import { dayInWords, monthInWords, timeOf, weekdayNames } from './event-words.js';

/** The most events one month can show (the list view pages through more). */
const MONTH_PAGE_SIZE = 200;

/**
 * A month as a table: the weekdays are the columns, each cell a day (its full date read out) with
 * its sessions as links to their event. On a phone the weeks become cards and only the days with
 * something on show, each under its weekday's name.
 */
export function EventsCalendar({
  month,
  kind,
  municipality,
}: {
  month: string;
  kind?: TEventKind | undefined;
  municipality?: string | undefined;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const range = monthRange(month);
  const events = useEvents({ ...range, kind, municipality, pageSize: MONTH_PAGE_SIZE });
  const title = monthInWords(month, locale);
  const filters = { kind, municipality };
  return (
    <section aria-labelledby="community-calendar-month" className="mb-4">
      <div className="d-flex flex-wrap align-items-center justify-content-between gap-2 mb-2">
        <h2 id="community-calendar-month" className="h4 mb-0 text-capitalize">
          {title}
        </h2>
        <nav aria-label={t('communityEvents.calendar.months')} className="d-flex flex-wrap gap-2">
          <MonthLink month={shiftMonth(month, -1)} label="previous" filters={filters} />
          {month !== thisMonth() && <MonthLink month={thisMonth()} label="current" filters={filters} />}
          <MonthLink month={shiftMonth(month, 1)} label="next" filters={filters} />
        </nav>
      </div>
      <AsyncContent query={events}>
        {(result) => {
          const byDay = entriesByDay(result.items);
          const inMonth = [...byDay.keys()].filter((day) => day >= range.from && day <= range.to);
          return (
            <>
              {inMonth.length === 0 && <p role="status">{t('communityEvents.calendar.empty')}</p>}
              <MonthTable month={month} title={title} byDay={byDay} />
            </>
          );
        }}
      </AsyncContent>
    </section>
  );
}

function MonthLink({
  month,
  label,
  filters,
}: {
  month: string;
  label: 'previous' | 'next' | 'current';
  filters: { kind?: TEventKind | undefined; municipality?: string | undefined };
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const name = monthInWords(month, locale);
  return (
    <Link
      to="/community/events"
      search={{ ...filters, view: 'calendar', month }}
      className="btn btn-outline-primary btn-sm"
    >
      {t(`communityEvents.calendar.${label}`, { month: name })}
    </Link>
  );
}

function MonthTable({
  month,
  title,
  byDay,
}: {
  month: string;
  title: string;
  byDay: Map<string, CalendarEntry[]>;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const today = todayLocal();
  const weekdays = weekdayNames(locale);
  return (
    <DataTable caption={t('communityEvents.calendar.caption', { month: title })} className="table-bordered">
      <thead>
        <tr>
          {weekdays.map((day) => (
            <th scope="col" key={day.long} style={{ width: `${100 / 7}%` }}>
              {day.long}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {monthWeeks(month).map((week) => {
          const busy = week.some((d) => d.inMonth && byDay.has(d.day));
          return (
            // A week with nothing on takes no room on a phone.
            <tr key={week[0]?.day} className={busy ? undefined : 'd-none d-md-table-row'}>
              {week.map(({ day, inMonth }) => {
                const entries = inMonth ? (byDay.get(day) ?? []) : [];
                return (
                  <td
                    key={day}
                    className={`align-top${inMonth ? '' : ' text-muted'}${day === today ? ' bg-light' : ''}${
                      entries.length === 0 ? ' d-none d-md-table-cell' : ''
                    }`}
                    style={{ minWidth: '5.5rem' }}
                  >
                    <time
                      dateTime={day}
                      className="fw-semibold d-block"
                      aria-current={day === today ? 'date' : undefined}
                    >
                      <span aria-hidden="true">{Number(day.slice(8))}</span>
                      <span className="visually-hidden">{dayInWords(day, locale)}</span>
                    </time>
                    {entries.length > 0 && (
                      <ul className="list-unstyled small mb-0">
                        {entries.map((entry) => (
                          <li key={entry.sessionId} className="mb-1">
                            <Link to="/community/events/$eventId" params={{ eventId: entry.event.id }}>
                              {timeOf(entry.startsAt, locale)} {entry.event.title}
                            </Link>
                            <span className="d-block">
                              {t(`communityEvents.kind.${entry.event.kind}`)}
                              {entry.of > 1
                                ? ` · ${t('communityEvents.calendar.sessionOf', { n: entry.index, of: entry.of })}`
                                : ''}
                              {entry.event.status === 'cancelled'
                                ? ` · ${t('communityEvents.status.cancelled')}`
                                : ''}
                            </span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </DataTable>
  );
}
