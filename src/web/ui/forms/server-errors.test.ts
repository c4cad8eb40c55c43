import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/problem.js';
import { applyServerFieldErrors, hasFieldError, problemType, serverFieldError } from './server-errors.js';

function refused(...fields: string[]) {
  return new ApiError(422, {
    type: 'urn:trama:validation',
    title: 'Invalid',
    status: 422,
    localized: { it: { title: 'Non valido' }, en: { title: 'Invalid' } },
    errors: fields.map((field) => ({
      field,
      code: 'invalid',
      message: { it: `${field} (it)`, en: `${field} (en)` },
    })),
  });
}

function recorder() {
  const set: Record<string, string | undefined> = {};
  const setError = (name: string, error: { message?: string }) => {
    set[name] = error.message;
  };
  return { set, setError };
}

describe('the server’s field errors on the form', () => {
  it('puts each error on the named field, in the user’s language', () => {
    const { set, setError } = recorder();
    expect(applyServerFieldErrors(refused('body.code'), setError, 'it', ['code'])).toBe(true);
    expect(set).toEqual({ code: 'body.code (it)' });
  });

  it('says so when no error found a field, so the caller shows the problem', () => {
    const { set, setError } = recorder();
    expect(applyServerFieldErrors(refused('body.other'), setError, 'en', ['code'])).toBe(false);
    expect(applyServerFieldErrors(new Error('network'), setError, 'en', ['code'])).toBe(false);
    expect(set).toEqual({});
  });

  it('takes the form’s values: an error on an element of a code list goes to the list', () => {
    const { set, setError } = recorder();
    const values = { sections: ['health'], goals: [{ title: '' }] };
    applyServerFieldErrors(refused('body.sections.0', 'body.goals.0.title'), setError, 'en', values);
    expect(set).toEqual({ sections: 'body.sections.0 (en)', 'goals.0.title': 'body.goals.0.title (en)' });
  });

  it('places the body inside the form when the form holds more than the body', () => {
    const { set, setError } = recorder();
    const values = { members: [{ givenName: '' }] };
    applyServerFieldErrors(refused('body.givenName'), setError, 'en', values, 'members.0.');
    expect(set).toEqual({ 'members.0.givenName': 'body.givenName (en)' });
  });

  it('reads one field’s message, and the problem type', () => {
    const error = refused('body.consent');
    expect(serverFieldError(error, 'it', 'consent')).toBe('body.consent (it)');
    expect(serverFieldError(error, 'it', 'reason')).toBeUndefined();
    expect(hasFieldError(error, 'consent')).toBe(true);
    expect(problemType(error)).toBe('urn:trama:validation');
    expect(problemType(new Error('x'))).toBe('');
  });
});
