import { orNull, toInstant } from '../../ui/forms/values.js';

/**
 * An edition as its form holds it; the contract (`ZEditionInputSchema`) checks the body it makes.
 * A session is its start (a local date and time) and its end time on the same day; the form's
 * names follow the contract's, so each of its errors lands on its field.
 */
export interface SessionValues {
  startsAt: string;
  endsAt: string;
  place: string;
  onlineLink: string;
}
export interface EditionValues {
  capacity: string;
  registrationOpensAt: string;
  registrationClosesAt: string;
  confirmWithinHours: string;
  sessions: SessionValues[];
}

export const newSession = (): SessionValues => ({ startsAt: '', endsAt: '', place: '', onlineLink: '' });

export function newEditionValues(): EditionValues {
  return {
    capacity: '25',
    registrationOpensAt: '',
    registrationClosesAt: '',
    confirmWithinHours: '48',
    sessions: [newSession()],
  };
}

/** The end of a session: its end time on the day it starts. */
function endInstant(startsAt: string, endTime: string): string {
  if (!endTime) return '';
  const day = startsAt.slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? toInstant(`${day}T${endTime}`) : endTime;
}

const toNumber = (value: string): number => (value.trim() === '' ? Number.NaN : Number(value));

export function editionToInput(v: EditionValues) {
  return {
    capacity: toNumber(v.capacity),
    registrationOpensAt: toInstant(v.registrationOpensAt),
    registrationClosesAt: toInstant(v.registrationClosesAt),
    confirmWithinHours: toNumber(v.confirmWithinHours),
    sessions: v.sessions.map((s) => ({
      startsAt: toInstant(s.startsAt),
      endsAt: endInstant(s.startsAt, s.endsAt),
      place: orNull(s.place),
      onlineLink: orNull(s.onlineLink),
    })),
  };
}
