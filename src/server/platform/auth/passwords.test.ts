import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.js';

describe('password policy', () => {
  it('refuses fewer than 12 characters', () => {
    expect(passwordProblem({ password: 'Ab1!Ab1!Ab1', userInputs: [] })?.en).toMatch(/12 characters/);
  });
  it('refuses common passwords of legal length and ones built from the user\u2019s own name', () => {
    expect(passwordProblem({ password: 'password1234', userInputs: [] })).not.toBeNull();
    expect(passwordProblem({ password: 'qwertyuiop123', userInputs: [] })).not.toBeNull();
    expect(
      passwordProblem({ password: 'paolaoperatrice', userInputs: ['paola', 'operatrice'] }),
    ).not.toBeNull();
  });
  it('accepts a long unpredictable passphrase, with no composition rules', () => {
    expect(passwordProblem({ password: 'velluto ciliegia brughiera lontana', userInputs: [] })).toBeNull();
  });
});

describe('argon2id hashing', () => {
  it('verifies the right password only, and treats a missing hash as a failure', async () => {
    const hash = await hashPassword('Velluto-Ciliegia-42');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword({ passwordHash: hash, password: 'Velluto-Ciliegia-42' })).toBe(true);
    expect(await verifyPassword({ passwordHash: hash, password: 'velluto-ciliegia-42' })).toBe(false);
    expect(await verifyPassword({ passwordHash: null, password: 'anything' })).toBe(false);
  });
});
