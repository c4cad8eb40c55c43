import { Link } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCommAction } from '../../../contracts/website-plan.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { todayLocal } from '../../ui/forms/values.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { PlanActionEditor, type PlanOutcome } from './PlanActionEditor.js';
import { PlanCalendar } from './PlanCalendar.js';
import { PlanSummary } from './PlanSummary.js';
import { usePlan } from './plan-api.js';
import { monthInWords, monthRange, shiftMonth, thisMonth } from './plan-calendar.js';

/**
 * The editorial team's communication plan: a month of actions (what, when, on which channel, for
 * whom, in which languages), opened from the calendar to change them or mark them done with the
 * people they reached, and the month's numbers.
 */
export function PlanPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [month, setMonth] = useState(() => thisMonth());
  const [editing, setEditing] = useState<TCommAction | 'new' | null>(null);
  const [outcome, setOutcome] = useState<PlanOutcome | null>(null);
  const newButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  const range = monthRange(month);
  const actions = usePlan(range);
  const title = monthInWords(month, locale);
  const current = thisMonth();

  // When the editor closes, focus goes back to the button that opens a new one (the editor is gone).
  useEffect(() => {
    if (editing === null && returnFocus.current) newButton.current?.focus();
    returnFocus.current = false;
  }, [editing]);

  const open = (action: TCommAction | 'new') => {
    setOutcome(null);
    setEditing(action);
  };
  const close = (result: PlanOutcome | null) => {
    setOutcome(result);
    returnFocus.current = true;
    setEditing(null);
  };

  return (
    <>
      <p>
        <Link to="/website">{t('website.page.back')}</Link>
      </p>
      <PageHeading title={t('website.plan.title')}>
        <p className="mb-0">{t('website.plan.intro')}</p>
      </PageHeading>
      <section aria-labelledby="plan-month-heading">
        <div className="d-flex flex-wrap align-items-center justify-content-between gap-2 mb-3">
          <h2 id="plan-month-heading" className="h4 mb-0" aria-live="polite">
            {title}
          </h2>
          <nav aria-label={t('website.plan.months')} className="d-flex flex-wrap gap-2">
            <button
              type="button"
              className="btn btn-outline-primary btn-sm"
              onClick={() => setMonth(shiftMonth(month, -1))}
            >
              {t('website.plan.previous')}
            </button>
            {month !== current && (
              <button
                type="button"
                className="btn btn-outline-primary btn-sm"
                onClick={() => setMonth(current)}
              >
                {t('website.plan.current')}
              </button>
            )}
            <button
              type="button"
              className="btn btn-outline-primary btn-sm"
              onClick={() => setMonth(shiftMonth(month, 1))}
            >
              {t('website.plan.next')}
            </button>
          </nav>
        </div>
        <div role="status">
          {outcome && <p className="alert alert-success">{t(`website.plan.outcome.${outcome}`)}</p>}
        </div>
        {editing === null ? (
          <p>
            <button ref={newButton} type="button" className="btn btn-primary" onClick={() => open('new')}>
              {t('website.plan.new')}
            </button>
          </p>
        ) : (
          <PlanActionEditor
            key={editing === 'new' ? 'new' : editing.id}
            action={editing === 'new' ? null : editing}
            day={month === current ? todayLocal() : range.from}
            onDone={close}
          />
        )}
        <AsyncContent query={actions}>
          {(items) => <PlanCalendar month={month} title={title} actions={items} onOpen={open} />}
        </AsyncContent>
        <PlanSummary range={range} title={title} />
      </section>
    </>
  );
}
