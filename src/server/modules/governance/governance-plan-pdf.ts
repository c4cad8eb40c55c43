import type { TWorkPackage } from '../../../contracts/governance-codes.js';
import { WORK_PACKAGE_TITLES } from '../../../contracts/governance-plan.js';

/** What the plan's PDF reports share: dates and months in words, sums in euro, the report writer. */

export const dayInWords = (iso: string) =>
  new Intl.DateTimeFormat('it-IT', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
export const monthInWords = (month: string) =>
  new Intl.DateTimeFormat('it-IT', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );
export const euros = (cents: number) =>
  new Intl.NumberFormat('it-IT', { style: 'currency', currency: 'EUR' }).format(cents / 100);
export const workPackageLabel = (wp: TWorkPackage) => `${wp.toUpperCase()} — ${WORK_PACKAGE_TITLES[wp].it}`;

export { startReport } from '../../platform/files/report-pdf.js';
