/**
 * Every field path of a form's values, to match error paths with. A list of codes (checkboxes) is
 * one field; a list of records (members, goals) has fields of its own.
 */
export function fieldPaths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return prefix ? [prefix] : [];
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object'))
    return prefix ? [prefix] : [];
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  const nested = entries.flatMap(([key, v]) => fieldPaths(v, prefix ? `${prefix}.${key}` : key));
  return prefix ? [prefix, ...nested] : nested;
}

/** The path itself if the form has that field, else its nearest parent that is one ('' if none). */
export function nearestField(path: string, known: ReadonlySet<string>): string {
  let name = path;
  while (name && !known.has(name)) name = name.split('.').slice(0, -1).join('.');
  return name;
}
