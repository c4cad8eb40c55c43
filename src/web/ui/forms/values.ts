/** What a form's text input holds, as the contract's optional text: trimmed, or null when empty. */
export const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/** Today as YYYY-MM-DD in the user's time zone (a date input's value). */
export function todayLocal(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A datetime-local value is the user's local time; the server wants an instant with its offset. */
export function toInstant(local: string): string {
  const date = new Date(local);
  return local && !Number.isNaN(date.getTime()) ? date.toISOString() : local;
}

/** An instant as a datetime-local input shows it: the user's local time, to the minute (now, with `now`). */
export function toLocalInput(instant: string | null | undefined, now = false): string {
  const date = instant ? new Date(instant) : now ? new Date() : null;
  if (!date || Number.isNaN(date.getTime())) return '';
  date.setMinutes(date.getMinutes() - date.getTimezoneOffset(), 0, 0);
  return date.toISOString().slice(0, 16);
}
