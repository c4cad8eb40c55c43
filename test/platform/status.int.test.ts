import { describe, expect, it } from 'vitest';
import { createTestApp } from '../harness/test-app.js';

describe('status and headers', () => {
  it('reports 200, then 503 problem+json once the database is gone', async () => {
    const t = await createTestApp();
    const ok = await t.app.inject({ method: 'GET', url: '/status' });
    expect(ok.statusCode).toBe(200);
    await t.database.close();
    const down = await t.app.inject({ method: 'GET', url: '/status' });
    expect(down.statusCode).toBe(503);
    expect(down.headers['content-type']).toMatch(/application\/problem\+json/);
    await t.app.close();
  });

  it('sends CSP without inline script, HSTS, no framing and no-store on the API', async () => {
    const t = await createTestApp();
    try {
      const s = await t.signIn('admin');
      const res = await s.request({ method: 'GET', url: '/api/users' });
      expect(res.headers['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
      expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
      expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/);
      expect(res.headers['cache-control']).toBe('no-store');
      const docs = await s.request({ method: 'GET', url: '/api/openapi.json' });
      expect(docs.json().openapi).toBe('3.1.0');
      expect(Object.keys(docs.json().paths)).toContain('/api/users/{id}');
      const practitioner = await t.signIn('operatrice');
      expect((await practitioner.request({ method: 'GET', url: '/api/openapi.json' })).statusCode).toBe(403);
    } finally {
      await t.close();
    }
  });
});
