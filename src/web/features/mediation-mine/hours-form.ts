import type { TMediatorJob } from '../../../contracts/mediation.js';

/** The hours form as its inputs hold it (strings and a flag); the contract checks the body. */
export interface HoursLogValues {
  actualMinutes: string;
  travelMinutes: string;
  travelKm: string;
  noShow: boolean;
}

/** Travel is paid only for a mediation in person: by phone or video nobody goes anywhere. */
export const travels = (job: Pick<TMediatorJob, 'mode'>) => job.mode === 'in_person';

/** The form for a mediation: the expected length as a start (the usual answer), no travel yet. */
export function newHoursLogValues(job: Pick<TMediatorJob, 'durationMinutes' | 'mode'>): HoursLogValues {
  return {
    actualMinutes: String(job.durationMinutes),
    travelMinutes: travels(job) ? '' : '0',
    travelKm: travels(job) ? '' : '0',
    noShow: false,
  };
}

/** A number as typed on an Italian phone ("12,5" as well as "12.5"); empty is NaN. */
function typedNumber(value: string): number {
  const trimmed = value.trim().replace(',', '.');
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

/**
 * The request body (`ZHoursLogInputSchema`). The minutes must be written (empty is refused); travel
 * left empty is none; by phone or video travel is always none, whatever the form held.
 */
export function hoursLogToInput(values: HoursLogValues, job: Pick<TMediatorJob, 'mode'>) {
  const orZero = (value: string) => (value.trim() === '' ? 0 : typedNumber(value));
  return {
    actualMinutes: typedNumber(values.actualMinutes),
    travelMinutes: travels(job) ? orZero(values.travelMinutes) : 0,
    travelKm: travels(job) ? orZero(values.travelKm) : 0,
    noShow: values.noShow,
  };
}
