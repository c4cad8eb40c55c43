/** Small readers for URL search params: the URL is user input, so every value is checked. */
export function optionalString(value: unknown, max = 200): string | undefined {
  return typeof value === 'string' && value.length > 0 && value.length <= max ? value : undefined;
}

export function positiveInt(value: unknown, fallback = 1): number {
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : fallback;
}
