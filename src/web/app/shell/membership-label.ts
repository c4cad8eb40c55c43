import type { TFunction } from 'i18next';
import type { TAddressForm, TMembershipSummary } from '../../../contracts/index.js';
import { roleLabel } from '../../i18n/role-label.js';

/**
 * "Role · Service · Organisation", leaving out what a global role does not have. The role is the
 * signed-in person's own, so it is named in the form they chose ("Operatrice").
 */
export function membershipLabel(t: TFunction, membership: TMembershipSummary, form: TAddressForm): string {
  return [roleLabel(t, membership.role, form), membership.serviceName, membership.organisationName]
    .filter(Boolean)
    .join(' · ');
}
