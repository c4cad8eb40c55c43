import type { z } from 'zod';
import type { ZBudgetInputSchema, ZRentRequestInputSchema } from '../../../contracts/housing.js';
import type { TLocale } from '../../../contracts/index.js';
import { orNull } from '../../ui/forms/values.js';

/**
 * Rent support's forms hold what inputs hold (strings); amounts are typed in euro, the Italian or
 * the English way ("1.234,50", "1234.5"), and sent in cents, as the contracts' `…Cents` fields,
 * which keep their names here so the server's errors land on the field that was typed.
 */

/** Euro as typed, in cents; NaN (for the contract to refuse) when it is not an amount. */
export function euroToCents(typed: string): number {
  const text = typed.trim().replace(/^€\s*/, '').replace(/\s/g, '');
  if (!/^\d[\d.,]*$/.test(text)) return Number.NaN;
  const decimal = /[.,](\d{1,2})$/.exec(text);
  const whole = (decimal ? text.slice(0, decimal.index) : text).replace(/[.,]/g, '');
  if (!/^\d+$/.test(whole)) return Number.NaN;
  return Number(whole) * 100 + (decimal ? Number(decimal[1]!.padEnd(2, '0')) : 0);
}

/** Digits grouped by three (Italian `.`, English `,`): Intl leaves four-digit amounts ungrouped in Italian. */
const grouped = (n: number, separator: string) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, separator);

/** Cents in words people read: "€ 1.234,50" (Italian), "€1,234.50" (English); integer arithmetic only. */
export function formatEuro(cents: number, locale: TLocale): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.round(cents));
  const units = Math.trunc(abs / 100);
  const rest = String(abs % 100).padStart(2, '0');
  return locale === 'it'
    ? `${sign}€ ${grouped(units, '.')},${rest}`
    : `${sign}€${grouped(units, ',')}.${rest}`;
}

export interface BudgetValues {
  year: string;
  fundingLine: string;
  amountCents: string;
}

export function budgetToInput(v: BudgetValues): z.input<typeof ZBudgetInputSchema> {
  return { year: Number(v.year), fundingLine: v.fundingLine.trim(), amountCents: euroToCents(v.amountCents) };
}

export interface RequestValues {
  budgetId: string;
  householdCode: string;
  unitId: string;
  amountCents: string;
  periodFrom: string;
  periodTo: string;
  payeeKind: 'partner' | 'landlord';
  payeeOrganisationId: string;
  landlord: { name: string; taxCode: string; iban: string; leaseNote: string };
  note: string;
}

export const newRequestValues = (): RequestValues => ({
  budgetId: '',
  householdCode: '',
  unitId: '',
  amountCents: '',
  periodFrom: '',
  periodTo: '',
  payeeKind: 'partner',
  payeeOrganisationId: '',
  landlord: { name: '', taxCode: '', iban: '', leaseNote: '' },
  note: '',
});

/** Only what the payee's kind needs goes in the body: a partner's id, or a private landlord's details. */
export function requestToInput(v: RequestValues): z.input<typeof ZRentRequestInputSchema> {
  const landlord = v.payeeKind === 'landlord';
  return {
    budgetId: v.budgetId,
    householdCode: v.householdCode.trim().toUpperCase(),
    unitId: orNull(v.unitId),
    amountCents: euroToCents(v.amountCents),
    periodFrom: v.periodFrom,
    periodTo: v.periodTo,
    payeeKind: v.payeeKind,
    payeeOrganisationId: landlord ? null : orNull(v.payeeOrganisationId),
    landlord: landlord
      ? {
          name: v.landlord.name.trim(),
          taxCode: orNull(v.landlord.taxCode),
          iban: v.landlord.iban,
          leaseNote: orNull(v.landlord.leaseNote),
        }
      : null,
    note: orNull(v.note),
  };
}
