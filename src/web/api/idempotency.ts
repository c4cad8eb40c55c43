/**
 * Idempotency keys for writes (docs/adr/0011-idempotency-keys.md). Every non-GET request carries
 * one; a write keeps its key until it gets a definite answer, so pressing Save again after an
 * answer was lost (network down, server restarted, a 5xx from the proxy) sends the same key and the
 * server answers with the first result instead of doing the change twice.
 *
 * A submission is identified by its target (method and path): a form always writes to the same
 * one. If the form was changed before the retry, the server refuses the old key (422) rather than
 * make a second record; a success, or an answer that says nothing was done (4xx), ends the
 * submission and the next write to that target takes a new key.
 */
const pending = new Map<string, { key: string; since: number }>();

/** The server keeps keys a day; a retry much later is treated as a new submission. */
const MAX_AGE_MS = 12 * 60 * 60 * 1000;

/** Problems that mean "a change may have been made with this key": the key stays until a reload. */
const KEEP_ON = new Set([
  'urn:trama:problem:idempotency-key-recorded',
  'urn:trama:problem:idempotency-key-reused',
]);

function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The key for a write to `target` (`METHOD /path?query`): the pending one, or a new one. */
export function submissionKey(target: string, now = Date.now()): string {
  const held = pending.get(target);
  if (held && now - held.since < MAX_AGE_MS) return held.key;
  const key = newKey();
  pending.set(target, { key, since: now });
  return key;
}

/**
 * Whether an answer leaves the outcome of a write unknown: no answer at all (status 0), a server
 * or gateway failure, a timeout, or the server saying the key was already used.
 */
export function outcomeUnknown(status: number, problemType?: string | null): boolean {
  return status === 0 || status === 408 || status >= 500 || (!!problemType && KEEP_ON.has(problemType));
}

/** Called with the write's final answer (after any retry): a definite one ends the submission. */
export function settleSubmission(
  target: string,
  key: string,
  answer: { status: number; problemType?: string | null } | 'unknown',
): void {
  if (answer === 'unknown' || outcomeUnknown(answer.status, answer.problemType)) return;
  if (pending.get(target)?.key === key) pending.delete(target);
}

/** For tests: forget every pending submission. */
export function forgetSubmissions(): void {
  pending.clear();
}
