import type { TFunction } from 'i18next';
import type { TMembershipSummary } from '../../../contracts/index.js';

/** "Role · Service · Organisation", leaving out what a global role does not have. */
export function membershipLabel(t: TFunction, membership: TMembershipSummary): string {
  return [t(`roles.${membership.role}`), membership.serviceName, membership.organisationName]
    .filter(Boolean)
    .join(' · ');
}
