import { describe, expect, it } from 'vitest';
import { retentionLimit } from './audit-retention.js';
import { newCheckpointKey } from './checkpoint-key.js';
import { parseCutLine, readSignedCut, signRetentionCut, type TRetentionCut } from './retention-cut.js';

const newKey = () => newCheckpointKey();

describe('audit retention limit', () => {
  it('goes back whole calendar months, the 31st to the last day of a shorter month', () => {
    const at = (iso: string, months: number) => retentionLimit({ now: new Date(iso), months }).toISOString();
    expect(at('2026-05-10T03:30:00.000Z', 24)).toBe('2024-05-10T03:30:00.000Z');
    expect(at('2026-03-31T01:00:00.000Z', 1)).toBe('2026-02-28T01:00:00.000Z');
    expect(at('2026-02-28T01:00:00.000Z', 24)).toBe('2024-02-28T01:00:00.000Z');
    expect(at('2026-01-15T00:00:00.000Z', 6)).toBe('2025-07-15T00:00:00.000Z');
  });
});

describe('retention cut line', () => {
  const key = newKey();
  const trusted = new Map([[key.keyId, key.publicKey]]);
  const cut: TRetentionCut = {
    v: 1,
    throughSeq: '4711',
    eventId: '5000',
    throughHash: 'ab'.repeat(32),
    removedEvents: 4711,
    olderThan: '2024-05-10T03:30:00.000Z',
    at: '2026-05-10T03:30:00.000Z',
    instance: 'host:1',
  };

  it('signs the cut as one line of the checkpoint file and reads it back with the trusted key', () => {
    const signed = signRetentionCut({ cut, key });
    const line = parseCutLine(signed.line);
    expect(line).toEqual({ text: signed.text, keyId: key.keyId, signature: signed.signature });
    expect(readSignedCut({ ...line!, publicKeys: trusted })).toEqual({ ok: true, cut });
  });

  it('refuses an altered text, another key and a checkpoint line', () => {
    const signed = signRetentionCut({ cut, key });
    const altered = signed.text.replace('abab', 'cdcd');
    expect(readSignedCut({ ...signed, text: altered, publicKeys: trusted })).toMatchObject({
      ok: false,
      problem: expect.stringMatching('does not verify'),
    });
    const stranger = signRetentionCut({ cut, key: newKey() });
    expect(readSignedCut({ ...stranger, publicKeys: trusted })).toMatchObject({
      ok: false,
      problem: expect.stringMatching('unknown key'),
    });
    expect(parseCutLine(JSON.stringify({ checkpoint: signed.text, keyId: key.keyId, signature: 'x' }))).toBe(
      undefined,
    );
  });
});
