import { describe, expect, it } from 'vitest';
import {
  jsonNestedDeeperThan,
  MAX_NESTING,
  unsafeCellErrors,
  unsafeTextCode,
  unsafeTextErrors,
} from './unsafe-text.js';

describe('unsafeTextCode', () => {
  it('refuses NUL and other controls everywhere, line breaks only outside bodies', () => {
    for (const kind of ['line', 'multiline', 'header'] as const) {
      expect(unsafeTextCode('a\u0000b', kind)).toBe('control_character');
      expect(unsafeTextCode('a\u001b[2Jb', kind)).toBe('control_character');
      expect(unsafeTextCode('a\u007fb', kind)).toBe('control_character');
    }
    expect(unsafeTextCode('riga uno\nriga due\r\n\tfine', 'multiline')).toBeUndefined();
    expect(unsafeTextCode('riga uno\nriga due', 'line')).toBe('control_character');
    expect(unsafeTextCode('a\tb', 'header')).toBeUndefined();
    // C1 is a control in text, but a Latin-1 byte of a UTF-8 user agent in a header.
    expect(unsafeTextCode('a\u0085b', 'multiline')).toBe('control_character');
    expect(unsafeTextCode('Dispositivo \u00c4\u0080', 'header')).toBeUndefined();
  });

  it('refuses lone surrogates and keeps real pairs and accents', () => {
    expect(unsafeTextCode('a\ud800b', 'multiline')).toBe('invalid_unicode');
    expect(unsafeTextCode('a\udc00', 'multiline')).toBe('invalid_unicode');
    expect(unsafeTextCode('\ud83d', 'line')).toBe('invalid_unicode');
    expect(unsafeTextCode('Niccolò 👩🏽‍⚕️ مرحبا 你好', 'line')).toBeUndefined();
  });
});

describe('unsafeTextErrors', () => {
  it('names every bad string and key by its path, as the schema errors do', () => {
    const errors = unsafeTextErrors(
      { name: 'ok', members: [{ givenName: 'a\u0000' }], 'k\u0000': 1, note: 'x\ud800' },
      { prefix: '', kind: 'multiline' },
    );
    expect(errors.map((e) => [e.field, e.code]).sort()).toEqual([
      ['k\\u0000', 'control_character'],
      ['members.0.givenName', 'control_character'],
      ['note', 'invalid_unicode'],
    ]);
    expect(unsafeTextErrors({ q: 'a\u0000' }, { prefix: 'querystring', kind: 'line' })[0]?.field).toBe(
      'querystring.q',
    );
    expect(unsafeTextErrors('a\u0000', { prefix: '', kind: 'multiline' })[0]?.field).toBe('body');
  });

  it('refuses an own __proto__ key (as JSON.parse makes it) and stops at the nesting bound', () => {
    expect(
      unsafeTextErrors(JSON.parse('{"a":{"__proto__":{"admin":true}}}'), { prefix: '', kind: 'multiline' }),
    ).toEqual([expect.objectContaining({ field: 'a.__proto__', code: 'forbidden_key' })]);
    let deep: unknown = 'x';
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(unsafeTextErrors(deep, { prefix: '', kind: 'multiline' })).toEqual([
      expect.objectContaining({ code: 'too_deep' }),
    ]);
  });

  it('skips buffers (raw uploads are checked once parsed)', () => {
    expect(unsafeTextErrors(Buffer.from([0, 1, 2]), { prefix: '', kind: 'multiline' })).toEqual([]);
  });
});

describe('jsonNestedDeeperThan', () => {
  it('counts brackets outside strings only', () => {
    expect(jsonNestedDeeperThan('{"a":[[1]]}', 3)).toBe(false);
    expect(jsonNestedDeeperThan('{"a":[[[1]]]}', 3)).toBe(true);
    expect(jsonNestedDeeperThan(`{"a":"${'['.repeat(100)}\\"{{{"}`, 1)).toBe(false);
    expect(jsonNestedDeeperThan('['.repeat(10_000) + ']'.repeat(10_000), MAX_NESTING)).toBe(true);
  });
});

describe('unsafeCellErrors', () => {
  it('names row and column of a bad cell, by header where the header is clean', () => {
    expect(
      unsafeCellErrors([
        ['survivorReference', 'bad\u0000'],
        ['R-1\u0000', 'x\u0001'],
      ]).map((e) => e.field),
    ).toEqual(['row 1: column 2', 'row 2: survivorReference', 'row 2: column 2']);
  });
});
