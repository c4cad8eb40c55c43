import { describe, expect, it } from 'vitest';
import { ZCourseInputSchema, ZEditionInputSchema } from '../../../contracts/training.js';
import { courseToInput, newCourseValues } from './course-form.js';
import { editionToInput, newEditionValues } from './edition-form.js';

describe('the edition form', () => {
  it('makes sessions of a start and an end time on the same day, as instants with their offset', () => {
    const values = {
      ...newEditionValues(),
      registrationOpensAt: '2026-12-01T09:00',
      registrationClosesAt: '2026-12-08T18:00',
      sessions: [{ startsAt: '2026-12-10T09:30', endsAt: '13:00', place: ' Sala A ', onlineLink: '' }],
    };
    const body = ZEditionInputSchema.parse(editionToInput(values));
    const [session] = body.sessions;
    expect(new Date(session?.startsAt ?? '').getTime()).toBe(new Date('2026-12-10T09:30').getTime());
    expect(new Date(session?.endsAt ?? '').getTime()).toBe(new Date('2026-12-10T13:00').getTime());
    expect(session?.place).toBe('Sala A');
    expect(session?.onlineLink).toBeNull();
    expect(body.capacity).toBe(25);
  });

  it('lets the contract refuse an end before the start, on the end field', () => {
    const values = {
      ...newEditionValues(),
      registrationOpensAt: '2026-12-01T09:00',
      registrationClosesAt: '2026-12-08T18:00',
      sessions: [{ startsAt: '2026-12-10T14:00', endsAt: '10:00', place: '', onlineLink: '' }],
    };
    const result = ZEditionInputSchema.safeParse(editionToInput(values));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain('sessions.0.endsAt');
  });

  it('leaves an empty capacity for the contract to refuse rather than sending zero', () => {
    const input = editionToInput({ ...newEditionValues(), capacity: '' });
    expect(Number.isNaN(input.capacity)).toBe(true);
  });
});

describe('the course form', () => {
  it('builds the contract body: credits with their body, empty texts as null, findings split', () => {
    const body = ZCourseInputSchema.parse(
      courseToInput({
        ...newCourseValues(),
        title: ' Violenza e migrazione ',
        objectives: 'Riconoscere i segnali.',
        hours: '12.5',
        trainers: 'Dott.ssa Rossi',
        creditScheme: 'social_workers_council',
        credits: '10',
        findings: ['community|MA', 'violence_form|physical'],
      }),
    );
    expect(body.title).toBe('Violenza e migrazione');
    expect(body.hours).toBe(12.5);
    expect(body.credits).toBe(10);
    expect(body.accreditationRef).toBeNull();
    expect(body.findings).toEqual([
      { topic: 'community', subject: 'MA' },
      { topic: 'violence_form', subject: 'physical' },
    ]);
  });

  it('has the contract refuse credits without the body that grants them', () => {
    const result = ZCourseInputSchema.safeParse(
      courseToInput({
        ...newCourseValues(),
        title: 'T',
        objectives: 'O',
        hours: '4',
        trainers: 'X',
        credits: '3',
      }),
    );
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['credits']);
  });
});
