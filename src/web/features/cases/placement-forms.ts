import type { TFunction } from 'i18next';
import type { TLocale } from '../../../contracts/index.js';
import {
  type TCourtOrder,
  ZPlacementCreateSchema,
  ZPlacementVisitSchema,
} from '../../../contracts/tutela.js';
import { formatDay } from '../../ui/format.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { orNull, todayLocal } from '../../ui/forms/values.js';

/**
 * What the placement forms hold (strings, as inputs do) and the request bodies they build on
 * submit; the contract's schemas check those bodies (`contractResolver`).
 */
export interface PlacementValues {
  personId: string;
  kind: string;
  providerName: string;
  startsOn: string;
  orderId: string;
  address: string;
}

export const emptyPlacement = (personId = ''): PlacementValues => ({
  personId,
  kind: '',
  providerName: '',
  startsOn: todayLocal(),
  orderId: '',
  address: '',
});

export const placementToInput = (v: PlacementValues) => ({
  personId: v.personId,
  kind: v.kind,
  providerName: v.providerName,
  startsOn: v.startsOn,
  orderId: orNull(v.orderId),
  address: orNull(v.address),
});
export const placementResolver = contractResolver<PlacementValues>(ZPlacementCreateSchema, placementToInput);

export interface VisitValues {
  visitedOn: string;
  note: string;
}
export const emptyVisit = (): VisitValues => ({ visitedOn: todayLocal(), note: '' });
export const visitToInput = (v: VisitValues) => ({ visitedOn: v.visitedOn, note: orNull(v.note) });
export const visitResolver = contractResolver<VisitValues>(ZPlacementVisitSchema, visitToInput);

/** A court order named in words ("Collocamento art. 5-bis del 3 mar 2026 (VG 812/2026)"), never by its id. */
export function orderInWords(
  order: Pick<TCourtOrder, 'kind' | 'decidedOn' | 'details'>,
  { t, locale }: { t: TFunction; locale: TLocale },
): string {
  const words = { kind: t(`enums.courtOrderKind.${order.kind}`), date: formatDay(order.decidedOn, locale) };
  return order.details
    ? t('householdFamily.roles.orderLabelDocket', { ...words, docket: order.details.docketNumber })
    : t('householdFamily.roles.orderLabel', words);
}
