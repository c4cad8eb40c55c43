import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, setCsrfToken, setUnauthorizedHandler } from './client.js';
import { forgetSubmissions } from './idempotency.js';

// The web's half of safe retries (docs/adr/0011-idempotency-keys.md): every write carries an
// Idempotency-Key, kept for the next try while the answer is unknown, renewed after a definite one.
type Answer = { status: number; body?: unknown } | 'network';

let answers: Answer[];
let sent: { method: string; url: string; headers: Record<string, string>; body?: string }[];

beforeEach(() => {
  forgetSubmissions();
  setCsrfToken('csrf-1');
  setUnauthorizedHandler(null);
  answers = [];
  sent = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    sent.push({
      method: init.method ?? 'GET',
      url,
      headers: init.headers as Record<string, string>,
      body: init.body as string | undefined,
    });
    const next = answers.shift() ?? { status: 200, body: {} };
    if (next === 'network') throw new TypeError('Failed to fetch');
    const json = next.body === undefined ? null : JSON.stringify(next.body);
    return new Response(json, {
      status: next.status,
      headers: json
        ? { 'content-type': next.status >= 400 ? 'application/problem+json' : 'application/json' }
        : {},
    });
  });
});
afterEach(() => vi.unstubAllGlobals());

const keyOf = (i: number) => sent[i]!.headers['idempotency-key'];
const save = () => api('/api/households', { method: 'POST', body: { municipality: '016219' } });
const problem = (status: number, code: string) => ({
  type: `urn:trama:problem:${code}`,
  title: 'x',
  status,
  localized: { it: { title: 'x' }, en: { title: 'x' } },
});

describe('Idempotency-Key on writes', () => {
  it('goes on every write, never on a read', async () => {
    await api('/api/households');
    await save();
    await api('/api/incidents/1', { method: 'DELETE' });
    expect(sent[0]!.headers['idempotency-key']).toBeUndefined();
    expect(keyOf(1)).toMatch(/^[\x21-\x7e]{8,200}$/);
    expect(keyOf(2)).toMatch(/^[\x21-\x7e]{8,200}$/);
    expect(keyOf(2)).not.toBe(keyOf(1));
  });

  it('is sent again when the answer was lost, and renewed after a success', async () => {
    answers = ['network', { status: 502 }, { status: 201, body: {} }, { status: 201, body: {} }];
    await expect(save()).rejects.toMatchObject({ status: 0 });
    await expect(save()).rejects.toMatchObject({ status: 502 });
    await save();
    await save();
    expect(keyOf(1)).toBe(keyOf(0));
    expect(keyOf(2)).toBe(keyOf(0));
    expect(keyOf(3)).not.toBe(keyOf(0));
  });

  it('is renewed after an answer that says nothing was done', async () => {
    answers = [
      { status: 400, body: problem(400, 'validation') },
      { status: 201, body: {} },
    ];
    await expect(save()).rejects.toMatchObject({ status: 400 });
    await save();
    expect(keyOf(1)).not.toBe(keyOf(0));
  });

  it('is kept while the server says the change may already be recorded', async () => {
    answers = [
      { status: 409, body: problem(409, 'idempotency-key-recorded') },
      { status: 422, body: problem(422, 'idempotency-key-reused') },
    ];
    await expect(save()).rejects.toMatchObject({ status: 409 });
    await expect(save()).rejects.toMatchObject({ status: 422 });
    await save();
    expect(keyOf(1)).toBe(keyOf(0));
    expect(keyOf(2)).toBe(keyOf(0));
  });

  it('keeps one key per target', async () => {
    answers = ['network', 'network'];
    await expect(save()).rejects.toMatchObject({ status: 0 });
    await expect(api('/api/households/h1/people', { method: 'POST', body: {} })).rejects.toMatchObject({
      status: 0,
    });
    expect(keyOf(1)).not.toBe(keyOf(0));
  });

  it('is the same on the retry after signing in again, with the new anti-CSRF token', async () => {
    answers = [
      { status: 401, body: problem(401, 'unauthenticated') },
      { status: 201, body: {} },
    ];
    setUnauthorizedHandler(async () => {
      setCsrfToken('csrf-2');
      return true;
    });
    await save();
    expect(sent).toHaveLength(2);
    expect(keyOf(1)).toBe(keyOf(0));
    expect(sent[1]!.headers['x-csrf-token']).toBe('csrf-2');
  });
});

describe('bodies', () => {
  it('send a number a form could not read as text, never as null (the server names the field)', async () => {
    await api('/api/fundraising/campaigns', { method: 'POST', body: { goalCents: Number.NaN, other: null } });
    expect(JSON.parse(sent[0]!.body!)).toEqual({ goalCents: 'NaN', other: null });
  });
});
