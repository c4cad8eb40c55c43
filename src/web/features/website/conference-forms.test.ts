import { describe, expect, it } from 'vitest';
import {
  ZConferenceItemInputSchema,
  ZConferenceSettingsSchema,
  ZConferenceSpeakerInputSchema,
} from '../../../contracts/website-conferences.js';
import {
  averageText,
  dayInWords,
  emptyItem,
  emptySpeaker,
  eventDays,
  groupByDay,
  itemToInput,
  itemToValues,
  materialFileProblem,
  materialFormData,
  settingsToInput,
  speakerNames,
  speakerToInput,
  timeRange,
} from './conference-forms.js';

const ID = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const item = (id: number, day: string, starts: string, ends: string | null = null) => ({
  id: ID(id),
  day,
  starts,
  ends,
  titles: { it: `Intervento ${id}` },
  speakerIds: [],
});

describe('conference helpers', () => {
  it('groups the programme by day, days in order and each day by start time', () => {
    const days = groupByDay([
      item(1, '2026-11-26', '14:00'),
      item(2, '2026-11-25', '09:30:00'),
      item(3, '2026-11-25', '09:00'),
    ]);
    expect(days.map((d) => d.day)).toEqual(['2026-11-25', '2026-11-26']);
    expect(days[0]?.items.map((i) => i.id)).toEqual([ID(3), ID(2)]);
    expect(groupByDay([])).toEqual([]);
  });

  it('writes times and days in words', () => {
    expect(timeRange('09:30:00', '10:15')).toBe('09:30–10:15');
    expect(timeRange('09:30', null)).toBe('09:30');
    expect(dayInWords('2026-11-25', 'it')).toBe('Mercoledì 25 novembre 2026');
    expect(dayInWords('2026-11-25', 'en')).toMatch(/^Wednesday/);
  });

  it('says an event’s days: one, a span, or none', () => {
    expect(eventDays({ firstDay: null, lastDay: null }, 'it')).toBeNull();
    expect(eventDays({ firstDay: '2026-11-25', lastDay: '2026-11-25' }, 'it')).toBe('25 nov 2026');
    expect(eventDays({ firstDay: '2026-11-25', lastDay: '2026-11-26' }, 'it')).toBe(
      '25 nov 2026 – 26 nov 2026',
    );
  });

  it('builds an item’s body: no end is null, empty languages left out, Italian always', () => {
    const values = emptyItem();
    values.day = '2026-11-25';
    values.starts = '09:00';
    values.titles.it = '  Apertura ';
    values.titles.fr = ' Ouverture';
    values.titles.en = '   ';
    const input = itemToInput(values);
    expect(input).toEqual({
      day: '2026-11-25',
      starts: '09:00',
      ends: null,
      titles: { it: 'Apertura', fr: 'Ouverture' },
      speakerIds: [],
    });
    expect(ZConferenceItemInputSchema.safeParse(input).success).toBe(true);
    values.titles.it = '';
    const refused = ZConferenceItemInputSchema.safeParse(itemToInput(values));
    expect(refused.error?.issues[0]?.path).toEqual(['titles', 'it']);
  });

  it('reads an item back into the form and refuses an end before the start', () => {
    const values = itemToValues({ ...item(1, '2026-11-25', '10:00:00', '09:00:00'), speakerIds: [ID(2)] });
    expect(values).toMatchObject({ starts: '10:00', ends: '09:00', speakerIds: [ID(2)] });
    expect(values.titles.ar).toBe('');
    const refused = ZConferenceItemInputSchema.safeParse(itemToInput(values));
    expect(refused.error?.issues[0]?.path).toEqual(['ends']);
  });

  it('names an item’s speakers, leaving out one no longer listed', () => {
    const speaker = (n: number, name: string) => ({
      id: ID(n),
      name,
      role: null,
      consentNote: 'e-mail',
      consentRecordedBy: 'Redazione',
      consentRecordedAt: '2026-11-01T10:00:00Z',
    });
    expect(
      speakerNames({ speakerIds: [ID(2), ID(9), ID(1)] }, [speaker(1, 'Anna'), speaker(2, 'Bruno')]),
    ).toEqual(['Bruno', 'Anna']);
  });

  it('sends a speaker only with the consent ticked', () => {
    const values = { ...emptySpeaker(), name: ' Anna Rossi ', consentNote: 'e-mail del 12 novembre' };
    expect(ZConferenceSpeakerInputSchema.safeParse(speakerToInput(values)).success).toBe(false);
    const input = speakerToInput({ ...values, consent: true });
    expect(input).toEqual({
      name: 'Anna Rossi',
      role: null,
      consent: true,
      consentNote: 'e-mail del 12 novembre',
    });
    expect(ZConferenceSpeakerInputSchema.safeParse(input).success).toBe(true);
  });

  it('links no event with the empty choice', () => {
    expect(settingsToInput({ eventId: '' })).toEqual({ eventId: null });
    expect(ZConferenceSettingsSchema.safeParse(settingsToInput({ eventId: ID(1) })).success).toBe(true);
  });

  it('sends a document’s title before its file, and takes only PDF', async () => {
    const file = new File(['%PDF-1.7'], 'atti.pdf', { type: 'application/pdf' });
    const form = materialFormData({ titleIt: ' Atti del convegno ' }, file);
    expect([...form.keys()]).toEqual(['titleIt', 'file']);
    expect(form.get('titleIt')).toBe('Atti del convegno');
    expect((form.get('file') as File).name).toBe('atti.pdf');
    expect(materialFileProblem(null)).toBe('missing');
    expect(materialFileProblem({ type: 'image/png' })).toBe('type');
    expect(materialFileProblem({ type: 'application/pdf' })).toBeNull();
  });

  it('writes an average with one decimal, and nothing when it is hidden', () => {
    expect(averageText(4.25, 'it')).toBe('4,3');
    expect(averageText(4, 'en')).toBe('4.0');
    expect(averageText(null, 'it')).toBeNull();
  });
});
