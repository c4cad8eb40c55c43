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
});
