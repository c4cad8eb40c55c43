/**
 * The rendered public pages, kept for a few seconds (issue 24: a page served at p95 ≤ 20 ms under
 * 50 readers). Only what is published is ever rendered into it; a publication or an archiving in
 * this process empties it at once, and another process's change shows within `TTL_MS`.
 */
const TTL_MS = 10_000;
const MAX_ENTRIES = 1_000;

interface Entry {
  status: number;
  html: string;
  lang: string;
  until: number;
}

const pages = new Map<string, Entry>();

export const siteCache = {
  get(key: string, now = Date.now()) {
    const entry = pages.get(key);
    if (!entry) return undefined;
    if (entry.until > now) return entry;
    pages.delete(key);
    return undefined;
  },
  set(key: string, entry: Omit<Entry, 'until'>, now = Date.now()) {
    if (pages.size >= MAX_ENTRIES) pages.delete(pages.keys().next().value!);
    pages.set(key, { ...entry, until: now + TTL_MS });
  },
  clear() {
    pages.clear();
  },
};
