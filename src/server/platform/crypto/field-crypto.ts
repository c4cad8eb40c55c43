import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Field encryption for `safety` and secret columns: AES-256-GCM with a random 96-bit IV, the key
 * id in every value (so keys rotate without a flag day) and the column and record bound in as
 * associated data (a ciphertext copied to another row or column does not decrypt).
 * Format: `v1.<keyId>.<iv b64url>.<ciphertext+tag b64url>`.
 */
export interface DataKey {
  id: string;
  key: Buffer;
}

export interface Keyring {
  current: DataKey;
  byId: Map<string, DataKey>;
}

export class KeyringError extends Error {}

/** `TRAMA_DATA_KEY` is `id:base64key[,id:base64key…]`; the first is used to encrypt. */
export function parseKeyring(spec: string): Keyring {
  const keys = spec
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [id, material] = part.split(':');
      if (!id || !material || !/^[A-Za-z0-9_-]{1,32}$/.test(id)) {
        throw new KeyringError('TRAMA_DATA_KEY must be id:base64key[,id:base64key…]');
      }
      const key = Buffer.from(material, 'base64');
      if (key.length !== 32)
        throw new KeyringError(`data key ${id} must be 32 bytes (base64 of 32 random bytes)`);
      return { id, key };
    });
  if (keys.length === 0) throw new KeyringError('TRAMA_DATA_KEY has no key');
  return { current: keys[0]!, byId: new Map(keys.map((k) => [k.id, k])) };
}

export function generateKeySpec(
  id = `k${new Date().toISOString().slice(0, 10).replaceAll('-', '')}`,
): string {
  return `${id}:${randomBytes(32).toString('base64')}`;
}

export function encryptField({
  keyring,
  plaintext,
  context,
}: {
  keyring: Keyring;
  plaintext: string;
  context: string;
}) {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyring.current.key, iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `v1.${keyring.current.id}.${iv.toString('base64url')}.${body.toString('base64url')}`;
}

export function decryptField({
  keyring,
  value,
  context,
}: {
  keyring: Keyring;
  value: string;
  context: string;
}) {
  const [version, keyId, ivText, bodyText] = value.split('.');
  if (version !== 'v1' || !keyId || !ivText || !bodyText)
    throw new KeyringError('not an encrypted field value');
  const key = keyring.byId.get(keyId);
  if (!key) throw new KeyringError(`data key ${keyId} is not in TRAMA_DATA_KEY`);
  const body = Buffer.from(bodyText, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key.key, Buffer.from(ivText, 'base64url'));
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(body.subarray(body.length - 16));
  return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString(
    'utf8',
  );
}

export function keyIdOf(value: string): string | undefined {
  return value.split('.')[1];
}
