import { describe, expect, it } from 'vitest';
import { calendarOf, sessionUid } from './calendar.js';

const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');
const events = (ics: string) => unfold(ics).split('BEGIN:VEVENT').slice(1);

describe('calendars of gathering sessions', () => {
  const sessions = [
    {
      id: '00000000-0000-4000-8000-000000000001',
      title: 'Etnoclinica e violenza di genere',
      startsAt: new Date('2026-03-10T08:30:00Z'),
      endsAt: new Date('2026-03-10T12:30:00Z'),
      place: 'Sala consiliare, Treviglio',
      onlineLink: null,
    },
    {
      id: '00000000-0000-4000-8000-000000000002',
      title: 'Etnoclinica e violenza di genere',
      startsAt: new Date('2026-03-17T08:30:00Z'),
      endsAt: new Date('2026-03-17T10:30:00Z'),
      place: null,
      onlineLink: 'https://meet.example.org/etno',
    },
  ];

  it('gives one event per session, in UTC, with a stable UID, title and place', () => {
    const ics = calendarOf({ name: 'Formazione', sessions });
    expect(ics.startsWith('BEGIN:VCALENDAR')).toBe(true);
    expect(unfold(ics)).toContain('X-WR-CALNAME:Formazione');
    const [first, second] = events(ics);
    expect(events(ics)).toHaveLength(2);
    expect(first).toContain(`UID:${sessionUid(sessions[0]!.id)}`);
    expect(first).toContain('SUMMARY:Etnoclinica e violenza di genere');
    expect(first).toContain('DTSTART:20260310T083000Z');
    expect(first).toContain('DTEND:20260310T123000Z');
    expect(first).toContain('LOCATION:Sala consiliare\\, Treviglio');
    expect(second).toContain('URL:https://meet.example.org/etno');
    expect(second).toContain('LOCATION:https://meet.example.org/etno');
    // The same session gives the same UID in another feed.
    expect(calendarOf({ name: 'Altro', sessions: [sessions[0]!] })).toContain(
      `UID:${sessionUid(sessions[0]!.id)}`,
    );
  });

  it('gives a valid empty calendar without sessions', () => {
    const ics = calendarOf({ name: 'Vuoto', sessions: [] });
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('END:VCALENDAR');
    expect(events(ics)).toHaveLength(0);
  });
});
