/** What a form's text input holds, as the contract's optional text: trimmed, or null when empty. */
export const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/** Today as YYYY-MM-DD in the user's time zone (a date input's value). */
export function todayLocal(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
