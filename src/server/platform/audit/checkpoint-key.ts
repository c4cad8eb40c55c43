import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type Config, ConfigError } from '../config/config.js';

/** The Ed25519 key that signs audit checkpoints (ADR 0009). Never stored in the database. */
export interface CheckpointKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** First 16 hex digits of the SHA-256 of the public key (SPKI DER): names the key in each line. */
  keyId: string;
  publicKeyPem: string;
}

export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

/** A PKCS#8 private key as PEM text or as base64 of its DER (`openssl genpkey -algorithm ed25519 -outform DER | base64 -w0`). */
export function parseCheckpointKey(spec: string): CheckpointKey {
  let privateKey: KeyObject;
  try {
    const text = spec.trim();
    privateKey = text.startsWith('-----BEGIN')
      ? createPrivateKey(text)
      : createPrivateKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'pkcs8' });
  } catch {
    throw new ConfigError('bad TRAMA_AUDIT_SIGNING_KEY: not a PKCS#8 private key (PEM or base64 DER)');
  }
  if (privateKey.asymmetricKeyType !== 'ed25519')
    throw new ConfigError(
      `bad TRAMA_AUDIT_SIGNING_KEY: an Ed25519 key is needed, not ${privateKey.asymmetricKeyType}`,
    );
  const publicKey = createPublicKey(privateKey);
  return {
    privateKey,
    publicKey,
    keyId: keyIdOf(publicKey),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** Where the public key is written beside the checkpoint file, for the DPO's own tools. */
export function publicKeyFileOf({ checkpointFile, keyId }: { checkpointFile: string; keyId: string }) {
  return join(dirname(checkpointFile), `audit-checkpoint-key-${keyId}.pub.pem`);
}

/** A fresh signing key held only in memory: for tests, benchmarks and one-off worker processes. */
export function newCheckpointKey(): CheckpointKey {
  return parseCheckpointKey(
    generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
  );
}

/**
 * Production reads the key from TRAMA_AUDIT_SIGNING_KEY only (the configuration refuses to start
 * without it). The demo generates a key file in the data directory on first start, as it does for
 * the field-encryption key: either way the key lives where the database role cannot read it.
 * `create: false` (the verifying command) never makes a key: it returns undefined instead.
 */
export function loadCheckpointKey({
  config,
  warn,
  create = true,
}: {
  config: Config;
  warn: (message: string) => void;
  create?: boolean;
}): CheckpointKey | undefined {
  if (config.auditSigningKey) return parseCheckpointKey(config.auditSigningKey);
  const file = join(config.dataDir, 'audit-signing-key');
  if (!existsSync(file)) {
    if (!create) return undefined;
    mkdirSync(config.dataDir, { recursive: true });
    const { privateKey } = generateKeyPairSync('ed25519');
    writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  warn(
    `audit checkpoints are signed with the demo key file ${file}: set TRAMA_AUDIT_SIGNING_KEY for real data`,
  );
  return parseCheckpointKey(readFileSync(file, 'utf8'));
}
