import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('configuration', () => {
  it('defaults to demo mode on port 3000 with ./data', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 3000,
      mode: 'demo',
      dataDir: './data',
      databaseUrl: undefined,
      publicUrl: 'http://localhost:3000',
    });
  });
  it('names the bad setting in one line', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/^bad configuration: PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL must start with postgres/);
  });
  it('refuses production mode without a data key, PostgreSQL and a public address', () => {
    expect(() => loadConfig({ TRAMA_MODE: 'production' })).toThrow(/missing data key/);
    expect(() => loadConfig({ TRAMA_MODE: 'production', TRAMA_DATA_KEY: 'k' })).toThrow(/DATABASE_URL/);
  });
  it('stores files under the data directory, or in S3 only with a bucket and credentials', () => {
    expect(loadConfig({ TRAMA_DATA_DIR: '/srv/t' }).fileStore).toEqual({ kind: 'disk', dir: '/srv/t/files' });
    expect(() => loadConfig({ FILE_STORE: 's3', S3_BUCKET: 'b' })).toThrow(/S3_ACCESS_KEY_ID/);
    const s3 = { FILE_STORE: 's3', S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'a', S3_SECRET_ACCESS_KEY: 's' };
    expect(loadConfig(s3).fileStore).toMatchObject({ kind: 's3', bucket: 'b', forcePathStyle: true });
  });
  it('keeps audit events 24 months by default, never less than 6', () => {
    expect(loadConfig({}).auditRetentionMonths).toBe(24);
    expect(loadConfig({ TRAMA_AUDIT_RETENTION_MONTHS: '36' }).auditRetentionMonths).toBe(36);
    expect(() => loadConfig({ TRAMA_AUDIT_RETENTION_MONTHS: '5' })).toThrow(/TRAMA_AUDIT_RETENTION_MONTHS/);
    expect(() => loadConfig({ TRAMA_AUDIT_RETENTION_MONTHS: 'x' })).toThrow(/TRAMA_AUDIT_RETENTION_MONTHS/);
  });
  it('believes X-Forwarded-For only from the proxies it is told of, never from anyone', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRAMA_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRAMA_TRUST_PROXY: '10.0.0.5, 10.0.1.0/24,::1' }).trustProxy).toEqual([
      '10.0.0.5',
      '10.0.1.0/24',
      '::1',
    ]);
    expect(() => loadConfig({ TRAMA_TRUST_PROXY: 'true' })).toThrow(/would believe any X-Forwarded-For/);
    expect(() => loadConfig({ TRAMA_TRUST_PROXY: '0' })).toThrow(/between 1 and 10/);
    expect(() => loadConfig({ TRAMA_TRUST_PROXY: 'proxy.local' })).toThrow(/IP addresses/);
    expect(() => loadConfig({ TRAMA_TRUST_PROXY: '10.0.0.0/33' })).toThrow(/IP addresses/);
  });
});
