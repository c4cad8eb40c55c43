import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  CHECKIN_CODE_SECONDS,
  CHECKIN_OPENS_MINUTES_BEFORE,
  LATE_AFTER_MINUTES,
} from '../../../contracts/gatherings.js';
import {
  acceptsCheckinCode,
  type CheckinCoder,
  checkinCodeFor,
  checkinTiming,
  checkinWindow,
  scanStatus,
  windowEnds,
} from './checkin-code.js';

const coderWith =
  (key: string): CheckinCoder =>
  (value) =>
    `P-${createHmac('sha256', key).update(value).digest('hex').slice(0, 10).toUpperCase()}`;
const coder = coderWith('one key');
const session = '00000000-0000-4000-8000-000000000001';
const minute = 60_000;

describe('the rotating check-in code', () => {
  it('changes every window and differs between sessions and keys', () => {
    const now = new Date('2026-03-10T09:00:05Z');
    const w = checkinWindow(now);
    expect(checkinWindow(new Date(now.getTime() + CHECKIN_CODE_SECONDS * 1000))).toBe(w + 1);
    expect(windowEnds(w).getTime()).toBe((w + 1) * CHECKIN_CODE_SECONDS * 1000);
    expect(windowEnds(w).getTime()).toBeGreaterThan(now.getTime());
    const code = checkinCodeFor(coder, session, w);
    expect(checkinCodeFor(coder, session, w + 1)).not.toBe(code);
    expect(checkinCodeFor(coder, '00000000-0000-4000-8000-000000000002', w)).not.toBe(code);
    expect(checkinCodeFor(coderWith('another key'), session, w)).not.toBe(code);
  });

  it('accepts the current and the previous window only', () => {
    const now = new Date('2026-03-10T09:00:05Z');
    const w = checkinWindow(now);
    const at = (window: number) => checkinCodeFor(coder, session, window);
    expect(acceptsCheckinCode({ coder, sessionId: session, code: at(w), now })).toBe(true);
    expect(acceptsCheckinCode({ coder, sessionId: session, code: at(w - 1), now })).toBe(true);
    expect(acceptsCheckinCode({ coder, sessionId: session, code: ` ${at(w).toLowerCase()} `, now })).toBe(
      true,
    );
    expect(acceptsCheckinCode({ coder, sessionId: session, code: at(w - 2), now })).toBe(false);
    expect(acceptsCheckinCode({ coder, sessionId: session, code: at(w + 1), now })).toBe(false);
    expect(acceptsCheckinCode({ coder, sessionId: session, code: 'P-XXXXXXXXXX', now })).toBe(false);
    expect(acceptsCheckinCode({ coder, sessionId: session, code: '', now })).toBe(false);
    // Another session's code of the same window is not this one's.
    const other = checkinCodeFor(coder, '00000000-0000-4000-8000-000000000002', w);
    expect(acceptsCheckinCode({ coder, sessionId: session, code: other, now })).toBe(false);
  });

  it('opens before the start and closes at the end', () => {
    const startsAt = new Date('2026-03-10T09:00:00Z');
    const endsAt = new Date('2026-03-10T11:00:00Z');
    const timing = (offsetMinutes: number) =>
      checkinTiming({ startsAt, endsAt, now: new Date(startsAt.getTime() + offsetMinutes * minute) });
    expect(timing(-CHECKIN_OPENS_MINUTES_BEFORE - 1)).toBe('before');
    expect(timing(-CHECKIN_OPENS_MINUTES_BEFORE)).toBe('open');
    expect(timing(60)).toBe('open');
    expect(timing(119)).toBe('open');
    expect(timing(120)).toBe('ended');
  });

  it('marks a scan late after the grace minutes', () => {
    const startsAt = new Date('2026-03-10T09:00:00Z');
    const at = (m: number) => scanStatus({ startsAt, now: new Date(startsAt.getTime() + m * minute) });
    expect(at(-5)).toBe('present');
    expect(at(LATE_AFTER_MINUTES)).toBe('present');
    expect(at(LATE_AFTER_MINUTES + 1)).toBe('late');
  });
});
