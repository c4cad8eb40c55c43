import { describe, expect, it } from 'vitest';
import { centsToEuro, euroToCents } from './MoneyField.js';

describe('money in euros as people type it', () => {
  it('reads decimals with a comma or a dot, and Italian thousands', () => {
    expect(euroToCents('12,5')).toBe(1250);
    expect(euroToCents('12.50')).toBe(1250);
    expect(euroToCents('1.250,75')).toBe(125_075);
    expect(euroToCents('1.250')).toBe(125_000);
    expect(euroToCents('12.500.000')).toBe(1_250_000_000);
    expect(euroToCents(' 0,01 ')).toBe(1);
  });

  it('empty is none; a wrong number goes to the server to be named by field', () => {
    expect(euroToCents('  ')).toBeNull();
    expect(euroToCents('abc')).toBeNaN();
    expect(euroToCents('-3')).toBe(-300);
  });

  it('writes cents back for an edit form in the reader’s way, and round-trips', () => {
    expect(centsToEuro(125_075, 'it')).toBe('1250,75');
    expect(centsToEuro(125_075, 'en')).toBe('1250.75');
    expect(centsToEuro(null, 'it')).toBe('');
    for (const cents of [0, 1, 99, 100_000, 123_456_789])
      expect(euroToCents(centsToEuro(cents, 'it'))).toBe(cents);
  });
});
