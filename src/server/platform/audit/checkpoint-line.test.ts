import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.js';
import { loadCheckpointKey, newCheckpointKey, parseCheckpointKey } from './checkpoint-key.js';
import { readCheckpointLine, signCheckpoint, type TCheckpoint } from './checkpoint-line.js';

const newKey = () => newCheckpointKey();

const checkpoint: TCheckpoint = {
  v: 1,
  seq: '42',
  eventId: '1042',
  hash: 'ab'.repeat(32),
  events: 42,
  at: '2026-05-01T10:00:00.000Z',
  instance: 'host:1',
};

describe('audit checkpoint line', () => {
  const key = newKey();
  const trusted = new Map([[key.keyId, key.publicKey]]);

  it('verifies a line it signed and gives back the checkpoint', () => {
    const line = signCheckpoint({ checkpoint, key });
    expect(readCheckpointLine({ line, publicKeys: trusted })).toEqual({ ok: true, checkpoint });
  });

  it('refuses a line whose signed text was altered (another hash), naming the key', () => {
    const line = JSON.parse(signCheckpoint({ checkpoint, key }));
    line.checkpoint = line.checkpoint.replace('abab', 'cdcd');
    const read = readCheckpointLine({ line: JSON.stringify(line), publicKeys: trusted });
    expect(read).toEqual({
      ok: false,
      problem: expect.stringMatching(`does not verify with key ${key.keyId}`),
    });
  });

  it("refuses a line signed by another key, even one that claims the trusted key's id", () => {
    const forger = newKey();
    const forged = JSON.parse(signCheckpoint({ checkpoint, key: forger }));
    expect(readCheckpointLine({ line: JSON.stringify(forged), publicKeys: trusted })).toMatchObject({
      ok: false,
      problem: `signed by unknown key ${forger.keyId}`,
    });
    forged.keyId = key.keyId;
    expect(readCheckpointLine({ line: JSON.stringify(forged), publicKeys: trusted })).toMatchObject({
      ok: false,
      problem: expect.stringMatching('does not verify'),
    });
  });

  it('refuses a line that is not a checkpoint', () => {
    expect(readCheckpointLine({ line: '{"x":1}', publicKeys: trusted })).toMatchObject({ ok: false });
    expect(readCheckpointLine({ line: 'garbage', publicKeys: trusted })).toMatchObject({ ok: false });
  });

  it('verifies with openssl and jq alone, as ADR 0009 tells the DPO', () => {
    const dir = mkdtempSync(join(tmpdir(), 'trama-cp-'));
    writeFileSync(join(dir, 'key.pub.pem'), key.publicKeyPem);
    writeFileSync(join(dir, 'line'), signCheckpoint({ checkpoint, key }));
    const script = `jq -j .checkpoint line > cp.txt && jq -r .signature line | base64 -d > cp.sig &&
      openssl pkeyutl -verify -pubin -inkey key.pub.pem -rawin -in cp.txt -sigfile cp.sig`;
    expect(execFileSync('sh', ['-c', script], { cwd: dir, encoding: 'utf8' })).toMatch(
      /Signature Verified Successfully/,
    );
  });
});

describe('audit checkpoint key', () => {
  it('refuses a key that is not Ed25519 or not a key', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({
      type: 'pkcs8',
      format: 'pem',
    });
    expect(() => parseCheckpointKey(rsa.toString())).toThrow(/Ed25519 key is needed/);
    expect(() => parseCheckpointKey('not a key')).toThrow(/TRAMA_AUDIT_SIGNING_KEY/);
  });

  it('generates a private demo key file once, readable by its owner only; production needs the setting', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'trama-cpk-'));
    const config = loadConfig({ TRAMA_DATA_DIR: dataDir });
    const first = loadCheckpointKey({ config, warn: () => {} })!;
    const again = loadCheckpointKey({ config, warn: () => {} })!;
    expect(again.keyId).toBe(first.keyId);
    expect(statSync(join(dataDir, 'audit-signing-key')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dataDir, 'audit-signing-key'), 'utf8')).toMatch(/BEGIN PRIVATE KEY/);
    expect(
      loadCheckpointKey({
        config: loadConfig({ TRAMA_DATA_DIR: join(dataDir, 'x') }),
        warn: () => {},
        create: false,
      }),
    ).toBeUndefined();
    expect(() =>
      loadConfig({
        TRAMA_MODE: 'production',
        TRAMA_DATA_KEY: 'k',
        DATABASE_URL: 'postgres://x',
        TRAMA_PUBLIC_URL: 'https://trama.example',
      }),
    ).toThrow(/TRAMA_AUDIT_SIGNING_KEY/);
  });
});
