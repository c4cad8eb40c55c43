import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { createTestApp, type TestApp } from '../harness/test-app.js';

/**
 * A database error reaches the log as codes and names only: the statement, its parameters and
 * PostgreSQL's detail ("Failing row contains (…)") all quote what was sent (ASVS 16.2.5).
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  // A check the service does not know of, so the insert fails in the database as a bug would.
  await t.database.query(
    `alter table districts add constraint districts_test_forced_failure check (name not like '%Segreto%')`,
  );
});
afterAll(() => t.close());

describe('the server log', () => {
  it('records a failed statement by SQLSTATE, constraint and request id, never its SQL or parameters', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, callback) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        callback();
      },
    });
    const { app } = await buildApp({ deps: t.deps, serveWeb: false, logger: { level: 'info', stream } });
    try {
      const admin = await t.signIn('admin');
      const response = await app.inject({
        method: 'POST',
        url: '/api/districts?nota=Rossi-Maria-nella-query',
        payload: { code: 'AMB-SEGRETO-77', name: 'Ambito Segreto di Maria Rossi' },
        headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
      });
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
      const log = lines.join('\n');
      const failure = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'unhandled error');
      expect(failure, log).toBeDefined();
      expect(failure.reqId).toBeTruthy();
      expect(failure.failure).toMatchObject({
        cause: { code: '23514', constraint: 'districts_test_forced_failure', table: 'districts' },
      });
      for (const secret of ['Segreto', 'Maria', 'Rossi', 'AMB-SEGRETO', 'insert into', 'params:']) {
        expect(log, secret).not.toContain(secret);
      }
    } finally {
      await app.close();
    }
  });
});
