import { createHash, randomBytes } from 'node:crypto';
import { authenticator } from 'otplib';
import QRCode from 'qrcode';

// One step of clock drift either way, as RFC 6238 recommends.
authenticator.options = { window: 1, step: 30 };

export function newTotpSecret() {
  return authenticator.generateSecret(20);
}

export function totpUri({ username, secret }: { username: string; secret: string }) {
  return authenticator.keyuri(username, 'Trama', secret);
}

export function totpQrSvg(uri: string) {
  return QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

export function currentTotp(secret: string) {
  return authenticator.generate(secret);
}

/**
 * The time step a valid code belongs to, or null. Callers store the last accepted step so a code
 * cannot be used twice (ASVS 6.6.x replay).
 */
export function acceptedTotpStep({
  secret,
  code,
  lastStep,
}: {
  secret: string;
  code: string;
  lastStep: number | null;
}) {
  const delta = authenticator.checkDelta(code, secret);
  if (delta === null) return null;
  const step = Math.floor(Date.now() / 30_000) + delta;
  if (lastStep !== null && step <= lastStep) return null;
  return step;
}

/** Ten one-time recovery codes, 50 bits each; stored only as SHA-256 (they are random, not chosen). */
export function newRecoveryCodes() {
  return Array.from({ length: 10 }, () => {
    const raw = randomBytes(7).toString('hex').slice(0, 12).toUpperCase();
    return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
  });
}

export function hashRecoveryCode(code: string) {
  return createHash('sha256').update(code.trim().toUpperCase()).digest('hex');
}
