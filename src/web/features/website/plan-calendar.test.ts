import { describe, expect, it } from 'vitest';
import { ZCommActionInputSchema } from '../../../contracts/website-plan.js';
import {
  actionsByDay,
  busyDays,
  dayInWords,
  monthInWords,
  monthRange,
  monthWeeks,
  shiftMonth,
  thisMonth,
  weekdayNames,
} from './plan-calendar.js';
import { actionToValues, planToInput } from './plan-forms.js';

describe('plan calendar', () => {
  it('lays a month out in weeks from Monday, with the neighbouring months’ days to fill them', () => {
    // December 2026 starts on a Tuesday and ends on a Thursday.
    const weeks = monthWeeks('2026-12');
    expect(weeks).toHaveLength(5);
    expect(weeks.every((week) => week.length === 7)).toBe(true);
    expect(weeks[0]?.[0]).toEqual({ day: '2026-11-30', inMonth: false });
    expect(weeks[0]?.[1]).toEqual({ day: '2026-12-01', inMonth: true });
    expect(weeks[4]?.[3]).toEqual({ day: '2026-12-31', inMonth: true });
    expect(weeks[4]?.[6]).toEqual({ day: '2027-01-03', inMonth: false });
    expect(weeks.flat().filter((d) => d.inMonth)).toHaveLength(31);
  });

  it('needs no filling when a month starts on Monday, and takes six weeks when it must', () => {
    // February 2021: 28 days from Monday 1st to Sunday 28th.
    expect(monthWeeks('2021-02')).toHaveLength(4);
    expect(
      monthWeeks('2021-02')
        .flat()
        .every((d) => d.inMonth),
    ).toBe(true);
    // August 2026 starts on a Saturday: 31 days over six weeks.
    expect(monthWeeks('2026-08')).toHaveLength(6);
  });

  it('keeps every day once across the change to summer time', () => {
    const days = monthWeeks('2026-03')
      .flat()
      .map((d) => d.day);
    expect(new Set(days).size).toBe(days.length);
    expect(days).toContain('2026-03-29');
    expect(days).toContain('2026-03-30');
  });

  it('moves between months across years and gives their first and last days', () => {
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(monthRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthRange('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(thisMonth(new Date(2026, 11, 31, 23, 30))).toBe('2026-12');
  });

  it('groups the actions by day, and lists only the month’s days that have some, in order', () => {
    const actions = [
      { id: 'a', plannedOn: '2026-12-03', title: 'Volantini al mercato' },
      { id: 'b', plannedOn: '2026-12-03', title: 'Post sui corsi' },
      { id: 'c', plannedOn: '2026-12-01', title: 'Newsletter' },
      { id: 'd', plannedOn: '2027-01-02', title: 'Fuori dal mese' },
    ];
    const byDay = actionsByDay(actions);
    expect(byDay.get('2026-12-03')?.map((a) => a.id)).toEqual(['b', 'a']);
    const days = busyDays('2026-12', byDay);
    expect(days.map((d) => d.day)).toEqual(['2026-12-01', '2026-12-03']);
    expect(days[1]?.actions).toHaveLength(2);
  });

  it('says months, days and weekdays in the reader’s language, Monday first', () => {
    expect(monthInWords('2026-12', 'it')).toBe('dicembre 2026');
    expect(monthInWords('2026-12', 'en')).toBe('December 2026');
    expect(dayInWords('2026-12-07', 'it')).toBe('lunedì 7 dicembre 2026');
    expect(weekdayNames('it')[0]).toBe('Lunedì');
    expect(weekdayNames('en')[6]).toBe('Sunday');
  });
});

describe('plan action form', () => {
  it('sends a new action as the contract wants it: no item, not done, reach unknown', () => {
    const body = planToInput({
      ...actionToValues(null, '2026-12-07'),
      title: '  Post sui corsi  ',
      channel: 'facebook',
      audience: 'families',
      languages: ['it', 'ar'],
    });
    expect(body).toEqual({
      title: 'Post sui corsi',
      plannedOn: '2026-12-07',
      channel: 'facebook',
      audience: 'families',
      languages: ['it', 'ar'],
      pageId: null,
      note: '',
      doneOn: null,
      reach: null,
    });
    expect(ZCommActionInputSchema.safeParse(body).success).toBe(true);
  });

  it('sends the people reached as a number, and a reach of zero as zero', () => {
    const values = { ...actionToValues(null, '2026-12-07'), doneOn: '2026-12-08' };
    expect(planToInput({ ...values, reach: ' 1200 ' }).reach).toBe(1200);
    expect(planToInput({ ...values, reach: '0' }).reach).toBe(0);
    expect(planToInput(values).doneOn).toBe('2026-12-08');
  });
});
