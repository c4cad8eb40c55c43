import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, MODULES } from '../../src/server/app.js';
import { ROLE_PERMISSIONS } from '../../src/server/platform/access/permissions.js';
import type { RouteDeclaration } from '../../src/server/platform/access/route-access.js';
import { collectRouteDeclarations } from '../../src/server/platform/access/route-access.js';
import { exampleModule } from '../fixtures/example/example.module.js';
import { createTestApp, type Session, type TestApp } from '../harness/test-app.js';

/**
 * For every route and every role: allowed or refused exactly as the declarations and the role
 * table say. A refused role gets 403 (401 without a session); an allowed one never does.
 */
let t: TestApp;
let declarations: RouteDeclaration[];

// The fixture module is mounted with the real ones: the seam must carry its route into the
// declarations, the snapshot and the matrix like any module's.
const modules = [...MODULES, exampleModule];

beforeAll(async () => {
  t = await createTestApp({ modules });
  const built = await buildApp({ deps: t.deps, serveWeb: false, modules });
  declarations = built.declarations;
  await built.app.close();
});
afterAll(() => t.close());

const ACCOUNT_OF_ROLE: Record<string, string> = {
  admin: 'admin',
  dpo: 'dpo',
  coordinator: 'coordinatrice',
  practitioner: 'operatrice',
  clinician: 'clinica',
  mediator: 'mediatrice',
  trainer: 'formatore',
  editor: 'redazione',
  researcher: 'ricercatrice',
  finance: 'ragioneria',
  fundraiser: 'raccolta.fondi',
};

function concreteUrl(url: string, ids: { user: string }) {
  return url
    .replace(':id', ids.user)
    .replace(':membershipId', randomUUID())
    .replace(':personId', randomUUID())
    .replace(':istatCode', '016183')
    .replace('/*', '/index.html');
}

describe('route access declarations', () => {
  it('match the reviewed snapshot (a change here is a permission change)', () => {
    const listed = declarations.map((d) => `${d.method} ${d.url} -> ${d.access}`).sort();
    expect(listed).toMatchSnapshot();
  });

  it('refuse to register a route that declares no access', async () => {
    const { default: Fastify } = await import('fastify');
    const app = Fastify();
    collectRouteDeclarations(app);
    expect(() => app.get('/api/undeclared', async () => 'leak')).toThrow(/declares no access/);
    await app.close();
  });
});

describe('authorisation matrix', () => {
  it('answers every route for every role as declared', async () => {
    const failures: string[] = [];
    const target = { user: await t.userId('operatrice') };
    const sessions = new Map<string, Session>();
    for (const declaration of declarations) {
      const url = concreteUrl(declaration.url, target);
      const anonymous = await t.app.inject({
        method: declaration.method as 'GET',
        url,
        payload: declaration.method === 'GET' ? undefined : {},
      });
      if (declaration.access !== 'public' && anonymous.statusCode !== 401) {
        failures.push(
          `anonymous ${declaration.method} ${declaration.url}: ${anonymous.statusCode}, expected 401`,
        );
      }
      if (declaration.access === 'public') continue;
      for (const [role, username] of Object.entries(ACCOUNT_OF_ROLE)) {
        // One session per role, made afresh after a route that may end or change it (sign-out,
        // membership switch, account changes): signing in for every request made this test slow.
        const mayEndSession = /^\/api\/(auth|account)\b/.test(declaration.url);
        let session = sessions.get(role);
        if (!session || mayEndSession) {
          session = await t.signIn(username);
          sessions.set(role, session);
        }
        const ask = (on: Session) =>
          on.request({
            method: declaration.method as 'GET',
            url,
            payload: declaration.method === 'GET' ? undefined : {},
          });
        let response = await ask(session);
        // A kept session may have been ended by an earlier route (revoking a user's sessions): the
        // answer then is asked again on a fresh one, as the matrix always did.
        if (response.statusCode === 401) {
          session = await t.signIn(username);
          sessions.set(role, session);
          response = await ask(session);
        }
        const allowed =
          declaration.access === 'session' ||
          declaration.access === 'authenticated' ||
          (ROLE_PERMISSIONS[role as keyof typeof ROLE_PERMISSIONS] as readonly string[]).includes(
            declaration.access,
          );
        if (mayEndSession) sessions.delete(role);
        const refused = response.statusCode === 401 || response.statusCode === 403;
        if (allowed === refused || response.statusCode >= 500) {
          failures.push(
            `${role} ${declaration.method} ${declaration.url}: ${response.statusCode}, expected ${allowed ? 'allowed' : 'refused'}`,
          );
        }
      }
    }
    expect(failures).toEqual([]);
    // Every route times every role (about 5,000 requests): longer than one test's default.
  }, 300_000);
});
