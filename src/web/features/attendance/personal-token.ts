import { ZPersonalTokenParamsSchema } from '../../../contracts/gatherings.js';

/**
 * An external participant's personal link, kept on their own phone so that scanning the trainer's
 * QR code checks them in without an account. It is theirs: the personal page says it is kept and
 * lets them forget it. Nothing else is stored.
 */
const KEY = 'trama.personalToken';

const isToken = (value: unknown): value is string =>
  ZPersonalTokenParamsSchema.shape.token.safeParse(value).success;

export function storedPersonalToken(): string | null {
  try {
    const value = window.localStorage.getItem(KEY);
    return isToken(value) ? value : null;
  } catch {
    return null;
  }
}

export function storePersonalToken(token: string): boolean {
  if (!isToken(token)) return false;
  try {
    window.localStorage.setItem(KEY, token);
    return true;
  } catch {
    // Private browsing may refuse storage: the page then says the link must be opened again.
    return false;
  }
}

export function forgetPersonalToken(): void {
  try {
    window.localStorage.removeItem(KEY);
  } catch {
    // Nothing was kept.
  }
}
