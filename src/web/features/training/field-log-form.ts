import { orNull, todayLocal } from '../../ui/forms/values.js';

/** A field-log entry as its form holds it (strings, as inputs do); the contract checks the body. */
export interface FieldLogValues {
  entryOn: string;
  hours: string;
  activity: string;
  reflections: string;
  /** One of the trainee's own open cases, or '' for none. */
  caseId: string;
}

export function newFieldLogValues(): FieldLogValues {
  return { entryOn: todayLocal(), hours: '', activity: '', reflections: '', caseId: '' };
}

/** The request body (`ZFieldLogInputSchema`): empty hours are NaN (refused), no case is null. */
export function fieldLogToInput(v: FieldLogValues) {
  return {
    entryOn: v.entryOn,
    hours: v.hours.trim() === '' ? Number.NaN : Number(v.hours),
    activity: v.activity.trim(),
    reflections: v.reflections.trim(),
    caseId: orNull(v.caseId),
  };
}
