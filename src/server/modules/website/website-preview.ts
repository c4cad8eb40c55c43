import { timingSafeEqual } from 'node:crypto';
import { SITE_LIMITS, type TSiteLanguage } from '../../../contracts/website.js';
import type { Keyring } from '../../platform/crypto/field-crypto.js';
import { systemPseudonymiser } from '../../platform/crypto/pseudonyms.js';
import type { Tx } from '../../platform/db/client.js';

/**
 * The link to preview a page that is not public (issue 24: "not by preview link without a signed,
 * expiring token"): the page, the language and the moment it stops working, under a keyed HMAC
 * (the `website-preview` key, stored encrypted, unreadable by the request role). No state is kept:
 * the server recognises its own links, and a link past its time or altered shows nothing.
 */
const PREVIEW_SCOPE = 'website-preview';

const same = (a: string, b: string) => {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
};

export async function previewSigner({ sys, keyring }: { sys: Tx; keyring: Keyring }) {
  const coder = await systemPseudonymiser({ tx: sys, keyring, scope: PREVIEW_SCOPE, prefix: 'W' });
  const signature = (pageId: string, lang: TSiteLanguage, expires: number) =>
    coder(`${pageId}:${lang}:${expires}`).replaceAll('-', '');
  return {
    /** The path of the preview, valid for SITE_LIMITS.previewMinutes. */
    link(pageId: string, lang: TSiteLanguage, now = Date.now()) {
      const expires = now + SITE_LIMITS.previewMinutes * 60_000;
      const query = new URLSearchParams({
        lang,
        expires: String(expires),
        token: signature(pageId, lang, expires),
      });
      return { path: `/sito/anteprima/${pageId}?${query}`, expiresAt: new Date(expires).toISOString() };
    },
    valid(pageId: string, lang: TSiteLanguage, expires: number, token: string, now = Date.now()) {
      return Number.isSafeInteger(expires) && expires > now && same(signature(pageId, lang, expires), token);
    },
  };
}
