import type { TSafeContact } from '../../../contracts/households.js';

/**
 * How Trama may reach a person, under their safe-contact rules. Written channels go only to the
 * address the rules name, never to one on the "never write to" list; without a written channel the
 * message becomes a task for the practitioner (a call or a word in person, with the code word);
 * with no channel at all nobody is contacted. Messages wait for the allowed hours (Italian time).
 */
export type ContactPlan =
  | { channel: 'email'; to: string; notBefore: Date }
  | { channel: 'phone_call' | 'in_person' | 'via_service'; notBefore: Date }
  | { channel: 'none'; reason: 'no_channel' | 'address_forbidden' };

const ROME_CLOCK = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Rome',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function minutesOf(clock: string) {
  const [h, m] = clock.split(':').map(Number);
  return h! * 60 + m!;
}

/** The first moment from `now` inside the allowed hours (a window may run past midnight). */
export function nextAllowedTime({ rules, now }: { rules: TSafeContact; now: Date }) {
  if (!rules.fromTime || !rules.toTime) return now;
  const current = minutesOf(ROME_CLOCK.format(now));
  const from = minutesOf(rules.fromTime);
  const to = minutesOf(rules.toTime);
  const inside = from <= to ? current >= from && current < to : current >= from || current < to;
  if (inside) return now;
  const wait = (from - current + 1440) % 1440;
  return new Date(now.getTime() + wait * 60_000);
}

export function planContact({ rules, now }: { rules: TSafeContact | null; now: Date }): ContactPlan {
  if (!rules || rules.channels.length === 0) return { channel: 'none', reason: 'no_channel' };
  const notBefore = nextAllowedTime({ rules, now });
  if (rules.channels.includes('email') && rules.email) {
    const forbidden = rules.neverWriteTo.some(
      (a) => a.trim().toLowerCase() === rules.email!.trim().toLowerCase(),
    );
    if (!forbidden) return { channel: 'email', to: rules.email, notBefore };
    if (rules.channels.length === 1) return { channel: 'none', reason: 'address_forbidden' };
  }
  if (rules.channels.includes('phone_call') || rules.channels.includes('sms'))
    return { channel: 'phone_call', notBefore };
  if (rules.channels.includes('in_person')) return { channel: 'in_person', notBefore };
  if (rules.channels.includes('via_service')) return { channel: 'via_service', notBefore };
  return { channel: 'none', reason: 'no_channel' };
}
