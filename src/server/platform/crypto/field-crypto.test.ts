import { describe, expect, it } from 'vitest';
import { decryptField, encryptField, generateKeySpec, keyIdOf, parseKeyring } from './field-crypto.js';

describe('field encryption', () => {
  const keyring = parseKeyring(generateKeySpec('k1'));

  it('round-trips, with the key id in the value and a fresh IV each time', () => {
    const a = encryptField({ keyring, plaintext: 'Via Roma 1, Treviglio', context: 'addresses:1' });
    const b = encryptField({ keyring, plaintext: 'Via Roma 1, Treviglio', context: 'addresses:1' });
    expect(a).not.toBe(b);
    expect(keyIdOf(a)).toBe('k1');
    expect(a).not.toContain('Roma');
    expect(decryptField({ keyring, value: a, context: 'addresses:1' })).toBe('Via Roma 1, Treviglio');
  });

  it('refuses a value moved to another record or tampered with', () => {
    const value = encryptField({ keyring, plaintext: 'secret', context: 'users.mfa_secret:A' });
    expect(() => decryptField({ keyring, value, context: 'users.mfa_secret:B' })).toThrow();
    const parts = value.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0] = body[0]! ^ 1;
    expect(() =>
      decryptField({
        keyring,
        value: [...parts.slice(0, 3), body.toString('base64url')].join('.'),
        context: 'users.mfa_secret:A',
      }),
    ).toThrow();
  });

  it('decrypts with an old key after rotation and encrypts with the new one', () => {
    const old = encryptField({ keyring, plaintext: 'x', context: 'c' });
    const rotated = parseKeyring(
      `${generateKeySpec('k2')},${generateKeySpec('k1').replace(/:.*/, '')}:${keyring.current.key.toString('base64')}`,
    );
    expect(decryptField({ keyring: rotated, value: old, context: 'c' })).toBe('x');
    expect(keyIdOf(encryptField({ keyring: rotated, plaintext: 'x', context: 'c' }))).toBe('k2');
  });

  it('rejects malformed key specifications with a clear message', () => {
    expect(() => parseKeyring('nokey')).toThrow(/id:base64key/);
    expect(() => parseKeyring('k1:c2hvcnQ=')).toThrow(/32 bytes/);
  });
});
