import type { TAddressForm } from '../../../contracts/index.js';
import { api } from '../../api/client.js';

/** The signed-in person's own form of address (the server takes no user id: it is always one's own). */
export function saveAddressForm(body: { addressForm: TAddressForm }) {
  return api('/api/account/address-form', { method: 'PUT', body });
}
