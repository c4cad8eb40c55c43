import { createHash, randomBytes } from 'node:crypto';

/** 256-bit random tokens (ASVS 7.2.3); only their SHA-256 is stored. */
export function newToken() {
  return randomBytes(32).toString('base64url');
}

export function tokenHash(token: string) {
  return createHash('sha256').update(token).digest('hex');
}
