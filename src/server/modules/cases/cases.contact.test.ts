import { describe, expect, it } from 'vitest';
import { nextAllowedTime, planContact } from './cases.contact.js';

// 10:00 UTC on a winter day is 11:00 in Rome.
const MORNING = new Date('2026-01-15T10:00:00Z');
const rules = (over: object) => ({ channels: [], neverWriteTo: [], ...over }) as never;

describe('safe-contact rules', () => {
  it('contact nobody when no channel is allowed', () => {
    expect(planContact({ rules: null, now: MORNING })).toEqual({ channel: 'none', reason: 'no_channel' });
    expect(planContact({ rules: rules({ channels: [] }), now: MORNING }).channel).toBe('none');
  });

  it('never write to an address on the never-write list, whatever its case', () => {
    const plan = planContact({
      rules: rules({ channels: ['email'], email: 'Casa@example.org', neverWriteTo: ['casa@example.org'] }),
      now: MORNING,
    });
    expect(plan).toEqual({ channel: 'none', reason: 'address_forbidden' });
  });

  it('fall back to a call when e-mail is forbidden but a call is allowed', () => {
    const plan = planContact({
      rules: rules({
        channels: ['email', 'phone_call'],
        email: 'casa@example.org',
        neverWriteTo: ['casa@example.org'],
      }),
      now: MORNING,
    });
    expect(plan.channel).toBe('phone_call');
  });

  it('write to the safe address when e-mail is allowed', () => {
    const plan = planContact({
      rules: rules({ channels: ['email'], email: 'sicura@example.org' }),
      now: MORNING,
    });
    expect(plan).toEqual({ channel: 'email', to: 'sicura@example.org', notBefore: MORNING });
  });

  it('wait for the allowed hours in Italian time', () => {
    // 11:00 in Rome, allowed 14:00-16:00: three hours later.
    const later = nextAllowedTime({ rules: rules({ fromTime: '14:00', toTime: '16:00' }), now: MORNING });
    expect(later.toISOString()).toBe('2026-01-15T13:00:00.000Z');
    // Inside the window: now.
    expect(nextAllowedTime({ rules: rules({ fromTime: '10:30', toTime: '12:00' }), now: MORNING })).toBe(
      MORNING,
    );
    // A window across midnight (22:00-07:00) at 11:00 waits until 22:00.
    const night = nextAllowedTime({ rules: rules({ fromTime: '22:00', toTime: '07:00' }), now: MORNING });
    expect(night.toISOString()).toBe('2026-01-15T21:00:00.000Z');
  });
});
