import type { TFunction } from 'i18next';
import type { TAddressForm } from '../../contracts/index.js';

/**
 * The i18next context for a form of address. Italian messages that agree with the person have
 * `_feminine` and `_masculine` variants beside the base message, which is the neutral form (so a
 * person who chose neutral, and a person not known, both get it). English variants repeat the base.
 */
export function addressContext(form: TAddressForm | null | undefined): { context?: string } {
  return form === 'feminine' || form === 'masculine' ? { context: form } : {};
}

/**
 * A role's name as said of one person, in the form they chose: "Operatrice", "Operatore", or the
 * neutral "Operatore/Operatrice". Without a person (a filter, a list of roles) give no form.
 */
export function roleLabel(t: TFunction, role: string, form?: TAddressForm | null): string {
  return t(`roles.${role}`, addressContext(form));
}
