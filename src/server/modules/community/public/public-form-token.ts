import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Keyring } from '../../../platform/crypto/field-crypto.js';
import { systemPseudonymiser } from '../../../platform/crypto/pseudonyms.js';
import type { Tx } from '../../../platform/db/client.js';

/**
 * The signed token a public form carries: the moment the form was served, and what it was served
 * for, under a keyed HMAC (the `community-public-forms` pseudonym key, stored encrypted, as the
 * check-in code's). No cookie and no stored state: the server recognises its own forms.
 * - registration: a form sent back within 3 seconds was not filled by a person (a bot's reflex);
 *   one older than 2 hours is stale;
 * - walk-in: the rotating QR code proved presence when the form was served; the token then keeps
 *   the form good for 10 minutes, so the code's rotation never fails a slow hand.
 */

export const FORM_SCOPE = 'community-public-forms';

export type FormPurpose = 'register' | 'walk-in';

export const FORM_RULES: Record<FormPurpose, { youngestMs: number; oldestMs: number }> = {
  register: { youngestMs: 3_000, oldestMs: 2 * 60 * 60_000 },
  'walk-in': { youngestMs: 0, oldestMs: 10 * 60_000 },
};

export type TokenVerdict = 'ok' | 'too_fast' | 'expired' | 'invalid';

export interface FormSigner {
  sign(purpose: FormPurpose, target: string, issuedAt?: number): string;
  check(purpose: FormPurpose, target: string, token: string, now?: number): TokenVerdict;
}

const same = (a: string, b: string) => {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
};

/** The signer with the stored key, read in a transaction that runs as the owner. */
export async function formSigner({ sys, keyring }: { sys: Tx; keyring: Keyring }): Promise<FormSigner> {
  const coder = await systemPseudonymiser({ tx: sys, keyring, scope: FORM_SCOPE, prefix: 'S' });
  const signature = (purpose: FormPurpose, target: string, issuedAt: number, nonce: string) =>
    coder(`${purpose}:${target}:${issuedAt}:${nonce}`).replaceAll('-', '');
  return {
    // A random nonce: two forms served in the same millisecond are still two forms (a walk-in
    // form registers one person once, by its token).
    sign: (purpose, target, issuedAt = Date.now()) => {
      const nonce = randomBytes(6).toString('base64url');
      return `${issuedAt.toString(36)}.${nonce}.${signature(purpose, target, issuedAt, nonce)}`;
    },
    check(purpose, target, token, now = Date.now()) {
      const [time, nonce, given] = token.split('.');
      const issuedAt = Number.parseInt(time ?? '', 36);
      if (
        !given ||
        !nonce ||
        !Number.isSafeInteger(issuedAt) ||
        !same(signature(purpose, target, issuedAt, nonce), given)
      )
        return 'invalid';
      const age = now - issuedAt;
      const rules = FORM_RULES[purpose];
      if (age > rules.oldestMs) return 'expired';
      if (age < rules.youngestMs) return 'too_fast';
      return 'ok';
    },
  };
}
