import { describe, expect, it } from 'vitest';
import { ZBudgetInputSchema, ZRentRequestInputSchema } from '../../../contracts/housing.js';
import {
  budgetToInput,
  euroToCents,
  formatEuro,
  newRequestValues,
  requestToInput,
} from './payments-forms.js';

describe('rent support forms', () => {
  it('read euro typed the Italian or the English way, in cents', () => {
    expect(euroToCents('450')).toBe(45_000);
    expect(euroToCents('450,5')).toBe(45_050);
    expect(euroToCents('1.234,56')).toBe(123_456);
    expect(euroToCents('1,234.56')).toBe(123_456);
    expect(euroToCents('€ 1.234')).toBe(123_400);
    expect(euroToCents('0,07')).toBe(7);
    for (const bad of ['', 'abc', '-5', '12,345,6x']) expect(euroToCents(bad), bad).toBeNaN();
  });

  it('show cents as euro', () => {
    expect(formatEuro(123_456, 'it')).toBe('€ 1.234,56');
    expect(formatEuro(45_000, 'it')).toBe('€ 450,00');
    expect(formatEuro(-4_500, 'en')).toBe('-€45.00');
  });

  it('send only what the payee’s kind needs, and what the contract accepts', () => {
    const base = {
      ...newRequestValues(),
      budgetId: '5b3e4c1a-5f0e-4c8e-9d3c-1f2a3b4c5d6e',
      householdCode: ' n-abcd12 ',
      amountCents: '450,00',
      periodFrom: '2026-11-01',
      periodTo: '2026-11-30',
      payeeOrganisationId: '6c3e4c1a-5f0e-4c8e-9d3c-1f2a3b4c5d6e',
      landlord: { name: 'Anna', taxCode: '', iban: 'IT60X0542811101000000123456', leaseNote: '' },
    };
    const partner = requestToInput(base);
    expect(partner).toMatchObject({ householdCode: 'N-ABCD12', amountCents: 45_000, landlord: null });
    expect(ZRentRequestInputSchema.safeParse(partner).success).toBe(true);
    const landlord = requestToInput({ ...base, payeeKind: 'landlord' });
    expect(landlord.payeeOrganisationId).toBeNull();
    expect(landlord.landlord).toMatchObject({ name: 'Anna', taxCode: null, leaseNote: null });
    expect(ZRentRequestInputSchema.safeParse(landlord).success).toBe(true);
    const budget = budgetToInput({ year: '2026', fundingLine: ' FAMI ', amountCents: '12.000' });
    expect(ZBudgetInputSchema.parse(budget)).toEqual({
      year: 2026,
      fundingLine: 'FAMI',
      amountCents: 1_200_000,
    });
  });
});
