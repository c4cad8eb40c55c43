import { useTranslation } from 'react-i18next';
import type { TCommAction } from '../../../contracts/website-plan.js';
import { useLocale } from '../../i18n/index.js';
import { DataTable } from '../../ui/DataTable.js';
import { todayLocal } from '../../ui/forms/values.js';
import { actionsByDay, busyDays, dayInWords, monthWeeks, weekdayNames } from './plan-calendar.js';

type Open = (action: TCommAction) => void;

/**
 * The month's actions. From 768 px a table, a week a row, each day's actions as buttons that open
 * the action; on a phone the same actions as a list of the days that have some. Both are in the
 * page and CSS shows the one that fits, so nothing depends on measuring the screen.
 */
export function PlanCalendar({
  month,
  title,
  actions,
  onOpen,
}: {
  month: string;
  /** The month in words ("dicembre 2026"). */
  title: string;
  actions: readonly TCommAction[];
  onOpen: Open;
}) {
  const { t } = useTranslation();
  const byDay = actionsByDay(actions);
  const days = busyDays(month, byDay);
  return (
    <>
      {days.length === 0 && <p role="status">{t('website.plan.calendar.empty')}</p>}
      <div className="d-none d-md-block">
        <MonthTable month={month} title={title} byDay={byDay} onOpen={onOpen} />
      </div>
      {days.length > 0 && <DayList days={days} title={title} onOpen={onOpen} />}
    </>
  );
}

function MonthTable({
  month,
  title,
  byDay,
  onOpen,
}: {
  month: string;
  title: string;
  byDay: Map<string, TCommAction[]>;
  onOpen: Open;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const today = todayLocal();
  return (
    <DataTable caption={t('website.plan.calendar.caption', { month: title })} className="table-bordered">
      <thead>
        <tr>
          {weekdayNames(locale).map((name) => (
            <th scope="col" key={name} style={{ width: `${100 / 7}%` }}>
              {name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {monthWeeks(month).map((week) => (
          <tr key={week[0]?.day}>
            {week.map(({ day, inMonth }) => (
              <td
                key={day}
                className={`align-top${inMonth ? '' : ' text-muted'}`}
                style={{ minWidth: '6rem' }}
              >
                <time
                  dateTime={day}
                  className={`d-block mb-1${day === today ? ' fw-bold text-decoration-underline' : ' fw-semibold'}`}
                  aria-current={day === today ? 'date' : undefined}
                >
                  <span aria-hidden="true">{Number(day.slice(8))}</span>
                  <span className="visually-hidden">{dayInWords(day, locale)}</span>
                </time>
                {inMonth && <ActionButtons actions={byDay.get(day) ?? []} onOpen={onOpen} />}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

/** A phone's view: only the days with actions, each under its date in words. */
function DayList({
  days,
  title,
  onOpen,
}: {
  days: { day: string; actions: TCommAction[] }[];
  title: string;
  onOpen: Open;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section className="d-md-none mb-4" aria-label={t('website.plan.calendar.listLabel', { month: title })}>
      <ul className="list-unstyled mb-0">
        {days.map(({ day, actions }) => (
          <li key={day} className="border rounded p-3 mb-2">
            <h3 className="h6 mb-2">
              <time dateTime={day}>{capitalised(dayInWords(day, locale))}</time>
            </h3>
            <ActionButtons actions={actions} onOpen={onOpen} />
          </li>
        ))}
      </ul>
    </section>
  );
}

const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/** Each action as a button: its channel in words and its title; a done one with a check and "fatta". */
function ActionButtons({ actions, onOpen }: { actions: readonly TCommAction[]; onOpen: Open }) {
  const { t } = useTranslation();
  if (actions.length === 0) return null;
  return (
    <ul className="list-unstyled small mb-0">
      {actions.map((action) => (
        <li key={action.id} className="mb-1">
          <button
            type="button"
            className={`btn btn-sm w-100 text-start text-wrap px-2 py-1 ${action.doneOn ? 'btn-outline-success' : 'btn-outline-primary'}`}
            onClick={() => onOpen(action)}
          >
            {action.doneOn && <CheckIcon />}
            <span className="fw-semibold">{t(`website.plan.channels.${action.channel}`)}</span>
            {': '}
            {action.title}
            {action.doneOn && <span className="visually-hidden">{t('website.plan.calendar.done')}</span>}
          </button>
        </li>
      ))}
    </ul>
  );
}

function CheckIcon() {
  return (
    <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false" className="me-1">
      <path d="M4 12.5l5 5L20 6.5" fill="none" stroke="currentColor" strokeWidth="3" />
    </svg>
  );
}
