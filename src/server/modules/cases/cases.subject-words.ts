import type { SESSION_STATUSES } from '../../../contracts/case-services.js';
import { enumLabel } from '../../platform/i18n/enum-labels.js';

/**
 * The words of a data subject's copy (issue 23): the person reads Italian, never a code. The app's
 * catalogue names most values; a session's outcome is worded here for the person (the app's words
 * are the operators').
 */
export const word = (group: string, value: string) => enumLabel(group, value, 'it').toLowerCase();

export const SESSION_WORDS: Record<(typeof SESSION_STATUSES)[number], string> = {
  scheduled: 'programmato',
  held: 'tenuto',
  cancelled: 'annullato',
  missed: 'mancato',
};

const regions = new Intl.DisplayNames('it', { type: 'region' });
const languages = new Intl.DisplayNames('it', { type: 'language' });

/** A country's or a language's Italian name from its ISO code (the code when Intl has none). */
function named(names: Intl.DisplayNames, code: string) {
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}
export const countryName = (code: string) => named(regions, code);
export const languageName = (code: string) => named(languages, code);
