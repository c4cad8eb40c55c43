import type { TCourtOrder, TDeadline } from '../../../contracts/tutela.js';
import { orNull, toInstant, toLocalInput } from '../../ui/forms/values.js';

/**
 * What the court forms hold (strings and flags, as inputs do) and the request bodies they build on
 * submit; the contract's schemas check those bodies (`contractResolver`).
 */

/** A number input's text as the contract's optional number: null when empty, NaN (refused) when not a number. */
const orNumber = (value: string): number | null => (value.trim() === '' ? null : Number(value));

export interface OrderValues {
  kind: string;
  court: string;
  docketNumber: string;
  decidedOn: string;
  removalAt: string;
  livingArrangement: string;
  provisions: string;
  durationMonths: string;
  reportEveryMonths: string;
  curatoreSpeciale: string;
  tutore: string;
  addressProtected: boolean;
  /** Why the order changes (a change only; a new order has none). */
  reason: string;
}

export const emptyOrder = (): OrderValues => ({
  kind: '',
  court: '',
  docketNumber: '',
  decidedOn: '',
  removalAt: '',
  livingArrangement: '',
  provisions: '',
  durationMonths: '',
  reportEveryMonths: '',
  curatoreSpeciale: '',
  tutore: '',
  addressProtected: false,
  reason: '',
});

/** An order as its form starts (to change it); only an order whose details the viewer reads. */
export function orderValuesOf(order: TCourtOrder & { details: NonNullable<TCourtOrder['details']> }) {
  const d = order.details;
  const values: OrderValues = {
    kind: order.kind,
    court: d.court,
    docketNumber: d.docketNumber,
    decidedOn: order.decidedOn,
    removalAt: toLocalInput(order.removalAt),
    livingArrangement: d.livingArrangement ?? '',
    provisions: d.provisions ?? '',
    durationMonths: d.durationMonths === null ? '' : String(d.durationMonths),
    reportEveryMonths: d.reportEveryMonths === null ? '' : String(d.reportEveryMonths),
    curatoreSpeciale: d.curatoreSpeciale ?? '',
    tutore: d.tutore ?? '',
    addressProtected: d.addressProtected,
    reason: '',
  };
  return values;
}

/** The body of a new order. The removal's time belongs to an art. 403 removal only. */
export function orderToInput(v: OrderValues) {
  return {
    kind: v.kind,
    court: v.court,
    docketNumber: v.docketNumber,
    decidedOn: v.decidedOn,
    removalAt: v.kind === 'removal_403' ? orNull(v.removalAt) && toInstant(v.removalAt) : null,
    livingArrangement: orNull(v.livingArrangement),
    provisions: orNull(v.provisions),
    durationMonths: orNumber(v.durationMonths),
    reportEveryMonths: orNumber(v.reportEveryMonths),
    curatoreSpeciale: orNull(v.curatoreSpeciale),
    tutore: orNull(v.tutore),
    addressProtected: v.addressProtected,
  };
}

const CHANGEABLE = [
  'court',
  'docketNumber',
  'decidedOn',
  'removalAt',
  'livingArrangement',
  'provisions',
  'durationMonths',
  'reportEveryMonths',
  'curatoreSpeciale',
  'tutore',
  'addressProtected',
] as const satisfies readonly (keyof OrderValues)[];

/**
 * The body of a change: only the fields the user changed (a field left out is a field not
 * changed, so a time shown to the minute never counts as a change), and the reason.
 */
export function orderChangeToInput(initial: OrderValues, v: OrderValues) {
  const next = orderToInput({ ...v, kind: initial.kind });
  const body: Record<string, unknown> = {};
  for (const key of CHANGEABLE) if (v[key] !== initial[key]) body[key] = next[key];
  return { ...body, reason: v.reason };
}

export type DeadlineState = 'met' | 'late' | 'dueSoon' | 'open';

/** Where a deadline stands, said in words on every screen (never by colour alone). */
export function deadlineState(deadline: Pick<TDeadline, 'metAt' | 'late' | 'dueSoon'>): DeadlineState {
  if (deadline.metAt) return 'met';
  if (deadline.late) return 'late';
  return deadline.dueSoon ? 'dueSoon' : 'open';
}
