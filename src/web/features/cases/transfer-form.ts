import type { TConsent, TService } from '../../../contracts/index.js';
import { orNull } from '../../ui/forms/values.js';

/**
 * What the transfer form holds (strings, as inputs do) and the request body it builds on submit;
 * the contract's schema checks that body (`contractResolver`), so the web refuses exactly what the
 * server would. Which services and consents it offers.
 */

export interface TransferValues {
  toServiceId: string;
  basis: string;
  consentId: string;
  orderId: string;
  reason: string;
}

export const emptyTransfer = (): TransferValues => ({
  toServiceId: '',
  basis: '',
  consentId: '',
  orderId: '',
  reason: '',
});

/** The body of a transfer request: only the basis chosen names its consent or its order. */
export function transferToInput(values: TransferValues) {
  return {
    toServiceId: values.toServiceId,
    basis: values.basis,
    consentId: values.basis === 'consent' ? orNull(values.consentId) : null,
    orderId: values.basis === 'court_order' ? orNull(values.orderId) : null,
    reason: values.reason,
  };
}

/**
 * The services a case may be handed to: active, of the same kind as the case's service, in another
 * Ambito. When the case's service is not among those listed, every active service of an Ambito is
 * offered and the server's answer (a field error) says why one does not fit.
 */
export function transferTargets(services: readonly TService[], fromServiceId: string | null): TService[] {
  const from = services.find((s) => s.id === fromServiceId);
  return services.filter(
    (s) =>
      s.active &&
      s.districtId !== null &&
      s.id !== fromServiceId &&
      (!from || (s.kind === from.kind && s.districtId !== from.districtId)),
  );
}

/**
 * The consents a transfer to `toServiceId` may rest on: in force, to being taken into care by that
 * service, of a person of the case (the server also wants one for every person of the case).
 */
export function consentChoices(
  consents: readonly TConsent[],
  personIds: readonly string[],
  toServiceId: string,
): TConsent[] {
  return consents.filter(
    (c) =>
      c.state === 'active' &&
      c.purpose === 'taking_into_care' &&
      c.recipientServiceId === toServiceId &&
      personIds.includes(c.personId),
  );
}

/**
 * Who of `personIds` (the household, which moves with the case) has no consent in force to the
 * receiving service: a consent basis would be refused.
 */
export function peopleWithoutConsent(
  consents: readonly TConsent[],
  personIds: readonly string[],
  toServiceId: string,
): string[] {
  const covered = new Set(consentChoices(consents, personIds, toServiceId).map((c) => c.personId));
  return personIds.filter((id) => !covered.has(id));
}
