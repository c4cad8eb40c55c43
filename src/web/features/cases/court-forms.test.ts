import { describe, expect, it } from 'vitest';
import {
  type TCourtOrder,
  ZCourtOrderCreateSchema,
  ZCourtOrderUpdateSchema,
} from '../../../contracts/tutela.js';
import { toInstant, toLocalInput } from '../../ui/forms/values.js';
import {
  deadlineState,
  emptyOrder,
  type OrderValues,
  orderChangeToInput,
  orderToInput,
  orderValuesOf,
} from './court-forms.js';

const placement: OrderValues = {
  ...emptyOrder(),
  kind: 'placement_5bis',
  court: 'Tribunale per i Minorenni di Brescia',
  docketNumber: '123/2025 V.G.',
  decidedOn: '2025-01-15',
  durationMonths: '12',
};
const issuesAt = (values: OrderValues) =>
  (ZCourtOrderCreateSchema.safeParse(orderToInput(values)).error?.issues ?? []).map((i) => i.path.join('.'));

describe('a new court order’s body', () => {
  it('is what the contract accepts for a 5-bis placement, empty texts sent as null', () => {
    const body = ZCourtOrderCreateSchema.parse(orderToInput(placement));
    expect(body).toMatchObject({
      durationMonths: 12,
      reportEveryMonths: null,
      tutore: null,
      removalAt: null,
    });
  });

  it('leaves the 5-bis duration to the contract: required, and at most 24 months', () => {
    expect(issuesAt({ ...placement, durationMonths: '' })).toEqual(['durationMonths']);
    expect(issuesAt({ ...placement, durationMonths: '30' })).toEqual(['durationMonths']);
    expect(issuesAt({ ...placement, durationMonths: 'dodici' })).toEqual(['durationMonths']);
  });

  it('sends the removal’s time only for an art. 403 removal, as an instant', () => {
    const typed = { ...placement, removalAt: '2025-01-14T21:30' };
    expect(orderToInput(typed).removalAt).toBeNull();
    const removal = { ...typed, kind: 'removal_403', durationMonths: '' };
    expect(orderToInput(removal).removalAt).toBe(new Date('2025-01-14T21:30').toISOString());
    expect(issuesAt({ ...removal, removalAt: '' })).toEqual(['removalAt']);
  });
});

describe('a change of an order', () => {
  const order: TCourtOrder & { details: NonNullable<TCourtOrder['details']> } = {
    id: '00000000-0000-4000-8000-000000000001',
    kind: 'removal_403',
    decidedOn: '2025-01-15',
    removalAt: '2025-01-14T21:30:45.123Z',
    endsOn: null,
    details: {
      court: 'Tribunale per i Minorenni di Brescia',
      docketNumber: '1/2025',
      livingArrangement: 'residential_community',
      provisions: 'Visite protette con la madre.',
      durationMonths: null,
      reportEveryMonths: 3,
      curatoreSpeciale: null,
      tutore: 'Avv. Rossi',
      addressProtected: true,
    },
    deadlines: [],
    changes: [],
  };
  const initial = orderValuesOf(order);

  it('sends only what the user changed and the reason: a time shown to the minute is not a change', () => {
    const body = orderChangeToInput(initial, {
      ...initial,
      reportEveryMonths: '6',
      tutore: '',
      reason: 'Il tribunale ha modificato il decreto.',
    });
    expect(body).toEqual({
      reportEveryMonths: 6,
      tutore: null,
      reason: 'Il tribunale ha modificato il decreto.',
    });
    expect(ZCourtOrderUpdateSchema.safeParse(body).success).toBe(true);
  });

  it('never sends the kind, and needs a reason the contract accepts', () => {
    const body = orderChangeToInput(initial, { ...initial, kind: 'placement_5bis', reason: 'breve' });
    expect(body).not.toHaveProperty('kind');
    expect(ZCourtOrderUpdateSchema.safeParse(body).error?.issues.map((i) => i.path.join('.'))).toEqual([
      'reason',
    ]);
  });
});

describe('where a deadline stands', () => {
  it('is done once met, even if it was met late', () => {
    expect(deadlineState({ metAt: '2025-01-01T10:00:00.000Z', late: false, dueSoon: false })).toBe('met');
    expect(deadlineState({ metAt: null, late: true, dueSoon: false })).toBe('late');
    expect(deadlineState({ metAt: null, late: false, dueSoon: true })).toBe('dueSoon');
    expect(deadlineState({ metAt: null, late: false, dueSoon: false })).toBe('open');
  });
});

describe('date-time inputs', () => {
  it('show an instant in local time to the minute and give it back as the same instant', () => {
    const local = toLocalInput('2025-03-30T00:59:00.000Z');
    expect(local).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(toInstant(local)).toBe('2025-03-30T00:59:00.000Z');
    expect(toLocalInput(null)).toBe('');
  });
});
