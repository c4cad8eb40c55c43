import { describe, expect, it } from 'vitest';
import { type TMediatorJob, ZHoursLogInputSchema } from '../../../contracts/mediation.js';
import { hoursLogToInput, newHoursLogValues } from './hours-form.js';
import { jobsBySection, phoneIn, sectionOf, splitMinutes, whenLabel } from './job-sections.js';

const NOW = new Date('2026-05-12T10:00:00Z');

function job(over: Partial<TMediatorJob>): TMediatorJob {
  return {
    kind: 'assignment',
    id: '00000000-0000-4000-8000-000000000001',
    requestCode: 'M-ABCDEF',
    status: 'confirmed',
    startsAt: '2026-05-13T08:00:00Z',
    durationMinutes: 90,
    mode: 'in_person',
    language: 'ar',
    dialect: null,
    purpose: 'interview',
    municipalityName: 'Treviglio',
    place: 'Via Roma 1',
    requesterName: 'Giulia Operatrice',
    requesterContact: '0363 123456',
    serviceName: 'Servizio sociale',
    actualMinutes: null,
    travelMinutes: null,
    travelKm: null,
    ...over,
  };
}

describe('the section a job falls in', () => {
  it('puts a pending offer among the offers and an answered one nowhere', () => {
    expect(sectionOf(job({ kind: 'offer', status: 'pending' }), NOW)).toBe('offers');
    expect(sectionOf(job({ kind: 'offer', status: 'accepted' }), NOW)).toBeNull();
  });

  it('asks to confirm an assignment, even one whose time has passed', () => {
    expect(sectionOf(job({ status: 'assigned' }), NOW)).toBe('toConfirm');
    expect(sectionOf(job({ status: 'assigned', startsAt: '2026-05-01T08:00:00Z' }), NOW)).toBe('toConfirm');
  });

  it('moves a confirmed mediation from upcoming to log at the moment it starts', () => {
    expect(sectionOf(job({ startsAt: '2026-05-12T10:00:01Z' }), NOW)).toBe('upcoming');
    expect(sectionOf(job({ startsAt: '2026-05-12T10:00:00Z' }), NOW)).toBe('toLog');
    expect(sectionOf(job({ startsAt: '2026-05-11T10:00:00Z' }), NOW)).toBe('toLog');
  });

  it('counts a no-show as done, and shows nothing released', () => {
    expect(sectionOf(job({ status: 'completed' }), NOW)).toBe('done');
    expect(sectionOf(job({ status: 'no_show' }), NOW)).toBe('done');
    for (const status of ['declined', 'removed', 'cancelled'])
      expect(sectionOf(job({ status }), NOW), status).toBeNull();
  });

  it('orders what is ahead soonest first and what is done latest first', () => {
    const at = (id: string, startsAt: string, status = 'confirmed') =>
      job({ id: `00000000-0000-4000-8000-00000000000${id}`, startsAt, status });
    const sections = jobsBySection(
      [
        at('1', '2026-05-20T08:00:00Z'),
        at('2', '2026-05-14T08:00:00Z'),
        at('3', '2026-05-01T08:00:00Z', 'completed'),
        at('4', '2026-05-05T08:00:00Z', 'completed'),
        at('5', '2026-05-10T08:00:00Z'),
        at('6', '2026-05-09T08:00:00Z'),
      ],
      NOW,
    );
    const ids = (list: TMediatorJob[]) => list.map((j) => j.id.at(-1));
    expect(ids(sections.upcoming)).toEqual(['2', '1']);
    expect(ids(sections.toLog)).toEqual(['6', '5']);
    expect(ids(sections.done)).toEqual(['4', '3']);
    expect(sections.offers).toEqual([]);
  });
});

describe('words for a job', () => {
  it('splits minutes into hours and minutes', () => {
    expect(splitMinutes(90)).toEqual({ hours: 1, minutes: 30 });
    expect(splitMinutes(45)).toEqual({ hours: 0, minutes: 45 });
    expect(splitMinutes(120)).toEqual({ hours: 2, minutes: 0 });
  });

  it('writes the day once and both times when the mediation ends the same day', () => {
    const label = whenLabel('2026-05-13T08:00:00Z', 90, 'it');
    expect(label).toMatch(/2026, \d{2}:\d{2}–\d{2}:\d{2}$/);
    expect(label.match(/2026/g)).toHaveLength(1);
  });

  it('finds the phone number in a contact, or none', () => {
    expect(phoneIn('0363 123456')).toEqual({ number: '0363 123456', href: 'tel:0363123456' });
    expect(phoneIn('Giulia, +39 035 12.34.56 (int. 4)')).toEqual({
      number: '+39 035 12.34.56',
      href: 'tel:+39035123456',
    });
    expect(phoneIn('giulia@example.org')).toBeNull();
    expect(phoneIn('int. 42')).toBeNull();
    expect(phoneIn(null)).toBeNull();
  });
});

describe('the hours form', () => {
  it('starts from the expected length, with travel to fill only in person', () => {
    expect(newHoursLogValues({ durationMinutes: 90, mode: 'in_person' })).toEqual({
      actualMinutes: '90',
      travelMinutes: '',
      travelKm: '',
      noShow: false,
    });
    expect(newHoursLogValues({ durationMinutes: 60, mode: 'phone' }).travelKm).toBe('0');
  });

  it('reads a decimal comma, takes empty travel as none, and sends what the contract accepts', () => {
    const body = ZHoursLogInputSchema.parse(
      hoursLogToInput(
        { actualMinutes: '75', travelMinutes: '', travelKm: '12,5', noShow: false },
        { mode: 'in_person' },
      ),
    );
    expect(body).toEqual({ actualMinutes: 75, travelMinutes: 0, travelKm: 12.5, noShow: false });
  });

  it('never sends travel for a mediation by phone or video', () => {
    const body = hoursLogToInput(
      { actualMinutes: '30', travelMinutes: '40', travelKm: '9', noShow: true },
      { mode: 'video' },
    );
    expect(body).toEqual({ actualMinutes: 30, travelMinutes: 0, travelKm: 0, noShow: true });
  });

  it('leaves empty minutes for the contract to refuse on their field', () => {
    const result = ZHoursLogInputSchema.safeParse(
      hoursLogToInput(
        { actualMinutes: ' ', travelMinutes: '', travelKm: '', noShow: false },
        { mode: 'in_person' },
      ),
    );
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['actualMinutes']);
  });
});
