import { randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import type { TRole } from '../../src/contracts/roles.js';
import { buildApp } from '../../src/server/app.js';
import { ROLE_PERMISSIONS } from '../../src/server/platform/access/permissions.js';
import type { RouteDeclaration } from '../../src/server/platform/access/route-access.js';
import { createTestApp, type Session } from '../harness/test-app.js';

/**
 * Hostile input on every write route, generated from the route declarations and the routes' own
 * body schemas (as the OpenAPI document gives them): a route added later is covered by
 * construction. Each payload must get a 4xx problem+json, and the database must not change.
 */
const t = await createTestApp();
const built = await buildApp({ deps: t.deps, serveWeb: false });
const app: FastifyInstance = built.app;
const declarations: RouteDeclaration[] = built.declarations;
afterAll(async () => {
  await app.close();
  await t.close();
});

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  minItems?: number;
  minimum?: number;
};
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

const spec = app.swagger() as { paths: Record<string, Record<string, { requestBody?: unknown }>> };

/** The route's JSON body schema, if it declares one. */
function bodySchemaOf(d: RouteDeclaration): JsonSchema | undefined {
  const path = d.url.replace(/:(\w+)/g, '{$1}');
  const operation = spec.paths[path]?.[d.method.toLowerCase()] as
    | { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }
    | undefined;
  return operation?.requestBody?.content?.['application/json']?.schema;
}

/** Strings that satisfy the contracts' patterns, tried in order; a value only has to be plausible. */
const SAMPLES = ['016183', 'IT', 'it', '123456', '2024-01', 'AB-123', 'ABC-001', 'R/2024/1', 'mario.rossi'];

function plausibleString(s: JsonSchema): string {
  if (s.format === 'uuid') return randomUUID();
  if (s.format === 'date') return '2024-03-01';
  if (s.format === 'date-time') return '2024-03-01T10:00:00.000Z';
  if (s.format === 'email') return 'persona@example.org';
  if (s.pattern) {
    const pattern = new RegExp(s.pattern, 'u');
    const sample = SAMPLES.find((candidate) => pattern.test(candidate));
    if (sample) return sample;
  }
  return 'Testo di prova'.padEnd(Math.max(s.minLength ?? 0, 14), '.');
}

/** A body the schema would nearly accept: every property filled, so every string field is reached. */
function plausible(s: JsonSchema, depth = 0): Json {
  if (depth > 8) return null;
  const options = s.anyOf ?? s.oneOf;
  if (options) return plausible(options.find((o) => o.type !== 'null') ?? options[0]!, depth + 1);
  if (s.const !== undefined) return s.const as Json;
  if (s.enum) return s.enum[0] as Json;
  const type = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  switch (type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(s.properties ?? {}).map(([key, value]) => [key, plausible(value, depth + 1)]),
      );
    case 'array':
      return Array.from({ length: Math.max(1, s.minItems ?? 1) }, () => plausible(s.items ?? {}, depth + 1));
    case 'string':
      return plausibleString(s);
    case 'integer':
    case 'number':
      return Math.max(s.minimum ?? 1, 1);
    case 'boolean':
      return false;
    default:
      return 'Testo di prova';
  }
}

function stringPaths(value: Json, path: Path = []): Path[] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringPaths(v, [...path, i]));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => stringPaths(v, [...path, k]));
  return [];
}

function withValueAt(value: Json, path: Path, replacement: Json): Json {
  if (path.length === 0) return replacement;
  const copy = structuredClone(value) as Record<string | number, Json>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  node[path.at(-1)!] = replacement;
  return copy as Json;
}

function withEveryString(value: Json, replacement: (s: string) => Json): Json {
  return stringPaths(value).reduce(
    (acc, path) =>
      withValueAt(acc, path, replacement(path.reduce<Json>((n, k) => (n as never)[k], value) as string)),
    value,
  );
}

interface Payload {
  name: string;
  /** JSON text: some payloads (a `__proto__` key) cannot be built as an object and stringified. */
  json: string;
  /** The field the problem must name, where there is exactly one. */
  field?: string;
}

const DEEP = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
const MEGABYTE = 'x'.repeat(1024 * 1024);
const SIXTY_KIB = 'x'.repeat(60 * 1024);

function payloadsFor(schema: JsonSchema | undefined): Payload[] {
  const base = schema ? plausible(schema) : { note: 'Testo di prova' };
  const firstKey =
    base && typeof base === 'object' && !Array.isArray(base) ? Object.keys(base)[0] : undefined;
  const paths = stringPaths(base);
  const payloads: Payload[] = paths.map((path) => ({
    name: `NUL in ${path.join('.')}`,
    json: JSON.stringify(withValueAt(base, path, 'a\u0000b')),
    field: path.join('.'),
  }));
  payloads.push(
    {
      name: 'lone surrogates in every string',
      json: JSON.stringify(withEveryString(base, (s) => `${s}\ud800`)),
    },
    {
      name: 'terminal escapes in every string',
      json: JSON.stringify(withEveryString(base, (s) => `${s}\u001b[2J`)),
    },
    {
      name: 'a 1 MB string',
      json: JSON.stringify(paths[0] ? withValueAt(base, paths[0], MEGABYTE) : { note: MEGABYTE }),
    },
    { name: 'nesting 10,000 deep', json: `{"${firstKey ?? 'note'}":${DEEP}}` },
    {
      name: '__proto__ key',
      json: `{"__proto__":{"admin":true},${JSON.stringify(base).slice(1)}`,
    },
    {
      name: 'constructor.prototype key',
      json: `{"constructor":{"prototype":{"admin":true}},${JSON.stringify(base).slice(1)}`,
    },
  );
  // A route without a body schema ignores a well-formed body, so wrong types say nothing there.
  if (schema) {
    // Under the 64 KiB body limit, so the field's own bound must refuse it (the 1 MB one stops earlier).
    if (paths[0])
      payloads.push({
        name: 'a 60 KiB string',
        json: JSON.stringify(withValueAt(base, paths[0], SIXTY_KIB)),
      });
    payloads.push(
      { name: 'numbers where strings are', json: JSON.stringify(withEveryString(base, () => 12345)) },
      { name: 'an array where the object is', json: JSON.stringify([base]) },
      { name: 'a string where the object is', json: JSON.stringify('Testo di prova') },
    );
  }
  // `{"__proto__":…,}` when the base object is empty: keep the JSON valid.
  return payloads.map((p) => ({ ...p, json: p.json.replace(/,}$/, '}') }));
}

/** A real record's id for `/resource/:id` where a table of that name exists, else a random one. */
async function concreteUrl(url: string) {
  let concrete = url;
  for (const match of url.matchAll(/([\w-]+)\/:(\w+)/g)) {
    const [segment, table, param] = match;
    if (param === 'istatCode') {
      concrete = concrete.replace(`:${param}`, '016183');
      continue;
    }
    const known = await t.database.query<{ id: string }>(
      `select 1 from information_schema.columns
        where table_schema = 'public' and table_name = $1 and column_name = 'id' and data_type = 'uuid'`,
      [table],
    );
    const rows =
      known.length > 0 ? await t.database.query<{ id: string }>(`select id::text from ${table} limit 1`) : [];
    concrete = concrete.replace(segment!, `${table}/${rows[0]?.id ?? randomUUID()}`);
  }
  return concrete;
}

/** Every table's rows, hashed as the superuser sees them (RLS does not hide anything from it). */
async function fingerprint() {
  const tables = await t.database.query<{ name: string }>(
    `select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
  );
  const parts = await Promise.all(
    tables.map(async ({ name }) => {
      // A session's last_seen_at moves on its own (once a minute of use): not a change by the request.
      const rows = await t.database.query<{ hash: string | null }>(
        `select md5(string_agg(md5((to_jsonb(r) - 'last_seen_at')::text), '' order by md5((to_jsonb(r) - 'last_seen_at')::text))) as hash from "${name}" r`,
      );
      return `${name}:${rows[0]?.hash ?? '-'}`;
    }),
  );
  return parts.join('\n');
}

const sessions = new Map<string, Session>();
/** A session of an account whose role the route allows; undefined for a public route. */
async function sessionFor(d: RouteDeclaration): Promise<Session | undefined> {
  if (d.access === 'public') return undefined;
  const role =
    d.access === 'session' || d.access === 'authenticated'
      ? 'practitioner'
      : (Object.entries(ROLE_PERMISSIONS) as [TRole, readonly string[]][]).find(([, permissions]) =>
          permissions.includes(d.access),
        )?.[0];
  const account = t.accounts.find((a) => a.role === role);
  if (!account) throw new Error(`no account holds ${d.access} for ${d.method} ${d.url}`);
  if (!sessions.has(account.username)) sessions.set(account.username, await t.signIn(account.username));
  return sessions.get(account.username);
}

function send(session: Session | undefined, options: { method: string; url: string; json?: string }) {
  const request = {
    method: options.method as 'POST',
    url: options.url,
    remoteAddress: '10.9.9.10',
    ...(options.json === undefined
      ? {}
      : { payload: options.json, headers: { 'content-type': 'application/json' } }),
  };
  return session ? session.request(request) : app.inject(request);
}

function refusal(response: LightMyRequestResponse, expectedField?: string) {
  if (response.statusCode < 400 || response.statusCode >= 500) return `status ${response.statusCode}`;
  if (!/^application\/problem\+json/.test(String(response.headers['content-type'])))
    return `content-type ${response.headers['content-type']}`;
  const problem = response.json() as {
    localized?: { it?: { title?: string }; en?: { title?: string } };
    errors?: { field: string }[];
  };
  if (!problem.localized?.it?.title || !problem.localized.en?.title) return 'no Italian and English title';
  if (expectedField && !problem.errors?.some((e) => e.field === expectedField))
    return `does not name ${expectedField}: ${JSON.stringify(problem.errors?.map((e) => e.field))}`;
  return undefined;
}

const WRITES = declarations.filter((d) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(d.method));

describe('hostile input on every write route', () => {
  it('finds the write routes in the declarations', () => {
    expect(WRITES.length).toBeGreaterThan(40);
  });

  for (const declaration of WRITES) {
    it(`${declaration.method} ${declaration.url}`, async () => {
      const session = await sessionFor(declaration);
      const url = await concreteUrl(declaration.url);
      const before = await fingerprint();
      const failures: string[] = [];
      const check = async (name: string, options: { url: string; json?: string }, field?: string) => {
        const response = await send(session, { method: declaration.method, ...options });
        const wrong = refusal(response, field);
        if (wrong) failures.push(`${name}: ${wrong}`);
      };
      for (const payload of payloadsFor(bodySchemaOf(declaration))) {
        await check(payload.name, { url, json: payload.json }, payload.field);
      }
      const param = declaration.url.match(/:(\w+)/)?.[1];
      if (param) {
        await check(
          'NUL in the path',
          { url: declaration.url.replace(`:${param}`, 'a%00b') },
          `params.${param}`,
        );
        // Not UTF-8: Fastify refuses it before routing, outside the error handler.
        await check('an undecodable path', { url: declaration.url.replace(`:${param}`, '%FF') }, 'path');
      }
      await check('NUL in the query string', { url: `${url}?q=a%00b`, json: '{}' }, 'querystring.q');
      expect(failures).toEqual([]);
      expect(await fingerprint()).toBe(before);
    });
  }
});

describe('the two reported 500s', () => {
  it('refuses a NUL in the household search with a 400 naming querystring.q', async () => {
    const practitioner = await t.signIn('operatrice');
    const response = await practitioner.request({ method: 'GET', url: '/api/households?q=a%00b' });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json().errors).toEqual([
      expect.objectContaining({
        field: 'querystring.q',
        code: 'control_character',
        message: { it: 'caratteri di controllo non ammessi', en: 'control characters are not allowed' },
      }),
    ]);
  });

  it('refuses a NUL in the sign-in username with a 400 naming username, nothing written', async () => {
    const before = await fingerprint();
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin\u0000', password: 'password-di-prova' },
      headers: { 'accept-language': 'en' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = response.json();
    expect(problem.errors).toEqual([
      expect.objectContaining({ field: 'username', code: 'control_character' }),
    ]);
    // People read the detail: it never names an API field (the errors do, for the form).
    expect(problem.localized.it.detail).toBe('Controlla il campo segnalato.');
    expect(problem.detail).toBe('Check the field marked.');
    expect(await fingerprint()).toBe(before);
  });

  it('answers a NUL in the session cookie or a header with a 4xx, never a 500', async () => {
    const practitioner = await t.signIn('operatrice');
    const cookie = await app.inject({
      method: 'GET',
      url: '/api/households',
      headers: { cookie: `${practitioner.cookie}%00` },
    });
    expect(cookie.statusCode).toBe(401);
    const header = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: 'password-di-prova' },
      headers: { 'user-agent': 'Mozilla\u0000' },
    });
    expect(header.statusCode).toBe(400);
    expect(header.json().errors[0].field).toBe('headers.user-agent');
  });

  it('names a __proto__ key instead of dropping it', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: '{"username":"admin","password":"password-di-prova","__proto__":{"admin":true}}',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      expect.objectContaining({ field: '__proto__', code: 'forbidden_key' }),
    ]);
  });
});

describe('a register upload (a raw body, parsed by hand)', () => {
  it('refuses a NUL or a control character in a cell with a 400 naming row and column, nothing written', async () => {
    const cav = await t.signIn('operatrice.cav');
    const before = await fingerprint();
    const csv = [
      'survivorReference,incidentMonth,consentReporting',
      'R-1\u0000,2019-05,sì',
      'R-2,2019-05\u001b[2J,sì',
    ].join('\n');
    const response = await cav.request({
      method: 'POST',
      url: '/api/incidents/import',
      payload: csv,
      headers: { 'content-type': 'text/csv' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json().errors).toEqual([
      expect.objectContaining({ field: 'row 2: survivorReference', code: 'control_character' }),
      expect.objectContaining({ field: 'row 3: incidentMonth', code: 'control_character' }),
    ]);
    expect(await fingerprint()).toBe(before);
  });
});
