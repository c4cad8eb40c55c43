import { describe, expect, it } from 'vitest';
import { ZEventInputSchema, ZEventUpdateSchema } from '../../../contracts/community.js';
import { entriesByDay, monthRange, monthWeeks, shiftMonth } from './calendar-month.js';
import { eventToInput, eventToUpdate, newEventValues, nextSessionRow, repeatWeekly } from './event-form.js';

const lab = () => ({
  ...newEventValues(),
  kind: 'citizenship_lab',
  title: ' Laboratorio di cittadinanza ',
  municipality: '097001',
  languages: ['it', 'ar'],
  sessions: repeatWeekly({ day: '2026-03-19', startsAt: '17:00', endsAt: '19:00', place: ' Biblioteca ' }, 4),
});

describe('the event form', () => {
  it('makes a lab of four weekly sessions from its first one', () => {
    const body = ZEventInputSchema.parse(eventToInput(lab()));
    expect(body.sessions).toHaveLength(4);
    // Across the change to summer time (29 March 2026) the hours stay the local ones.
    expect(body.sessions.map((s) => new Date(s.startsAt).getDate())).toEqual([19, 26, 2, 9]);
    expect(body.sessions.map((s) => new Date(s.startsAt).getHours())).toEqual([17, 17, 17, 17]);
    expect(body.sessions[3]?.place).toBe('Biblioteca');
    expect(body.title).toBe('Laboratorio di cittadinanza');
    expect(body.capacity).toBe(30);
    expect(body.mediatorLanguage).toBeNull();
  });

  it('adds the next session a week after the last', () => {
    const next = nextSessionRow([{ day: '2026-12-28', startsAt: '10:00', endsAt: '12:00', place: 'Sala' }]);
    expect(next).toEqual({ day: '2027-01-04', startsAt: '10:00', endsAt: '12:00', place: 'Sala' });
    expect(nextSessionRow([{ day: '', startsAt: '', endsAt: '', place: '' }]).day).toBe('');
  });

  it('lets the contract refuse an end before the start, on the end field', () => {
    const values = {
      ...lab(),
      sessions: [{ day: '2026-05-04', startsAt: '18:00', endsAt: '17:00', place: '' }],
    };
    const result = ZEventInputSchema.safeParse(eventToInput(values));
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain('sessions.0.endsAt');
  });

  it('sends an incomplete session as missing, never as a guessed time', () => {
    const values = { ...lab(), sessions: [{ day: '', startsAt: '17:00', endsAt: '19:00', place: '' }] };
    const result = ZEventInputSchema.safeParse(eventToInput(values));
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain('sessions.0.startsAt');
  });

  it('makes the update body the contract asks for', () => {
    const body = ZEventUpdateSchema.parse(eventToUpdate({ ...lab(), published: false }));
    expect(body).toMatchObject({ title: 'Laboratorio di cittadinanza', capacity: 30, published: false });
  });
});

describe('the month view', () => {
  it('lays a month out in whole weeks from Monday', () => {
    const weeks = monthWeeks('2026-03');
    expect(weeks[0]?.[0]).toEqual({ day: '2026-02-23', inMonth: false });
    expect(weeks[0]?.[6]).toEqual({ day: '2026-03-01', inMonth: true });
    expect(weeks.at(-1)?.at(-1)?.day).toBe('2026-04-05');
    expect(weeks).toHaveLength(6);
    expect(monthWeeks('2021-02')).toHaveLength(4);
  });

  it('moves between months and gives their first and last days', () => {
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(monthRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });

  it('puts each session of an event on its own day', () => {
    const body = ZEventInputSchema.parse(eventToInput(lab()));
    const event = {
      id: 'e',
      title: 'Lab',
      sessions: body.sessions.map((s, i) => ({
        id: `s${i}`,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        place: null,
      })),
    } as never;
    const byDay = entriesByDay([event]);
    expect([...byDay.keys()]).toEqual(['2026-03-19', '2026-03-26', '2026-04-02', '2026-04-09']);
    expect(byDay.get('2026-04-02')?.[0]).toMatchObject({ sessionId: 's2', index: 3, of: 4 });
  });
});
