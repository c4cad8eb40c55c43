import { timingSafeEqual } from 'node:crypto';
import {
  CHECKIN_CODE_SECONDS,
  CHECKIN_OPENS_MINUTES_BEFORE,
  LATE_AFTER_MINUTES,
} from '../../../contracts/gatherings.js';
import type { Keyring } from '../crypto/field-crypto.js';
import { pseudonymiser } from '../crypto/pseudonyms.js';
import type { Tx } from '../db/client.js';

/**
 * The rotating check-in code of a session (ADR 0019): a keyed HMAC of the session and the current
 * time window, shown as a QR on the trainer's screen and replaced every CHECKIN_CODE_SECONDS. A
 * scan is accepted with the current window's code or the previous one's only, so a photographed
 * code is useless within a minute. The key is the `gatherings-checkin` pseudonym key, stored
 * encrypted where the request role cannot read it: nobody can compute a code ahead of time.
 */

/** Turns `${sessionId}:${window}` into a code (the keyed pseudonymiser; a fixed key in unit tests). */
export type CheckinCoder = (value: string) => string;

export const CHECKIN_SCOPE = 'gatherings-checkin';

/** The coder with the stored key; works in a request's transaction and in a system one. */
export function checkinCoder({ tx, keyring }: { tx: Tx; keyring: Keyring }): Promise<CheckinCoder> {
  return pseudonymiser({ tx, keyring, scope: CHECKIN_SCOPE, prefix: 'P' });
}

/** The window a moment falls in: one per CHECKIN_CODE_SECONDS since the epoch. */
export const checkinWindow = (now: Date) => Math.floor(now.getTime() / (CHECKIN_CODE_SECONDS * 1000));

/** When the code of `window` stops being the one shown. */
export const windowEnds = (window: number) => new Date((window + 1) * CHECKIN_CODE_SECONDS * 1000);

export const checkinCodeFor = (coder: CheckinCoder, sessionId: string, window: number) =>
  coder(`${sessionId}:${window}`);

const sameText = (a: string, b: string) => {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
};

/** Whether `code` is the session's code of the current window or of the one before it. */
export function acceptsCheckinCode({
  coder,
  sessionId,
  code,
  now,
}: {
  coder: CheckinCoder;
  sessionId: string;
  code: string;
  now: Date;
}) {
  const given = code.trim().toUpperCase();
  const current = checkinWindow(now);
  // Both compared, whatever the first gives: the time taken says nothing about which matched.
  const matches = [current, current - 1].map((w) => sameText(checkinCodeFor(coder, sessionId, w), given));
  return matches.some(Boolean);
}

export type CheckinTiming = 'before' | 'open' | 'ended';

/** Where `now` stands against a session's check-in: from CHECKIN_OPENS_MINUTES_BEFORE its start to its end. */
export function checkinTiming({
  startsAt,
  endsAt,
  now,
}: {
  startsAt: Date;
  endsAt: Date;
  now: Date;
}): CheckinTiming {
  if (now.getTime() >= endsAt.getTime()) return 'ended';
  if (now.getTime() < startsAt.getTime() - CHECKIN_OPENS_MINUTES_BEFORE * 60_000) return 'before';
  return 'open';
}

/** A scan's attendance: present, or late once LATE_AFTER_MINUTES have passed since the start. */
export const scanStatus = ({ startsAt, now }: { startsAt: Date; now: Date }): 'present' | 'late' =>
  now.getTime() > startsAt.getTime() + LATE_AFTER_MINUTES * 60_000 ? 'late' : 'present';
