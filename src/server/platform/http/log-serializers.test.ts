import { describe, expect, it } from 'vitest';
import { loggedError, withSafeSerializers } from './log-serializers.js';

/** The shape of Drizzle's DrizzleQueryError around a PostgreSQL error. */
function failedQuery() {
  const cause = Object.assign(new Error('new row for relation "districts" violates check constraint'), {
    code: '23514',
    constraint: 'districts_name_check',
    table: 'districts',
    detail: 'Failing row contains (Ambito di Maria Rossi).',
  });
  const error = new Error(
    'Failed query: insert into districts (name) values ($1)\nparams: Maria Rossi\n    at fake (x)',
  );
  return Object.assign(error, {
    query: 'insert into districts (name) values ($1)',
    params: ['Maria Rossi'],
    cause,
  });
}

describe('loggedError', () => {
  it('keeps kind, codes, constraint, table and frames; drops message, SQL, parameters and detail', () => {
    const logged = loggedError(failedQuery());
    const text = JSON.stringify(logged);
    expect(text).not.toMatch(/Rossi|insert into|params|Failing row/);
    expect(logged).toMatchObject({
      type: 'Error',
      cause: { code: '23514', constraint: 'districts_name_check', table: 'districts' },
    });
    expect(logged.frames?.[0]).toMatch(/^at /);
    // A parameter that imitates a stack frame is part of the message, so it is cut with it.
    expect(logged.frames).not.toContain('at fake (x)');
  });

  it('stops after a few causes and copes with things that are not errors', () => {
    const loop: Error & { cause?: unknown } = new Error('x');
    loop.cause = loop;
    expect(JSON.stringify(loggedError(loop)).length).toBeLessThan(20_000);
    expect(loggedError('Maria Rossi')).toEqual({ type: 'string' });
  });
});

describe('withSafeSerializers', () => {
  it('overrides the err and req serializers whatever the caller passed, and keeps logging off when off', () => {
    expect(withSafeSerializers(false)).toBe(false);
    const options = withSafeSerializers({
      level: 'info',
      serializers: { err: (e: unknown) => e } as never,
    }) as {
      serializers: { err: (e: unknown) => unknown; req: (r: unknown) => unknown };
    };
    expect(options.serializers.err).toBe(loggedError);
    expect(
      options.serializers.req({ method: 'GET', url: '/api/households?q=Rossi', ip: '10.0.0.1' }),
    ).toEqual({
      method: 'GET',
      path: '/api/households',
      remoteAddress: '10.0.0.1',
    });
    // A personal link's token never reaches the log: the route's pattern does.
    const token = 'Yx3kQ9vB2mN7pL4sT8wR1zA6cD5fG0hJ';
    expect(
      options.serializers.req({
        method: 'GET',
        url: `/api/training/personal/${token}`,
        routeOptions: { url: '/api/training/personal/:token' },
      }),
    ).toMatchObject({ path: '/api/training/personal/:token' });
    expect(
      JSON.stringify(options.serializers.req({ method: 'GET', url: `/partecipa/${token}` })),
    ).not.toContain(token);
  });
});
