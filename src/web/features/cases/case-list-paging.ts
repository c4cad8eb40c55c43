import type { CaseFilters } from './cases-api.js';

/**
 * How the work list moves between pages: "next" follows the cursor the shown page ended with, so
 * a deep page costs what the first does; "previous" goes back to the cursor its page was reached
 * with, remembered per filters while the list is open. A page reached from a link or after a
 * reload has none remembered and is read by its number (an offset), which is still correct.
 */
export class PageStarts {
  private readonly starts = new Map<string, string>();

  /** The filters to show `page`, coming from the page `from` (the answer on screen). */
  filtersFor(
    filters: CaseFilters,
    page: number,
    from: { page: number; nextCursor: string | null },
  ): CaseFilters {
    const key = keyOf(filters, page);
    if (page === from.page + 1 && from.nextCursor) {
      this.starts.set(key, from.nextCursor);
      return { ...filters, page, cursor: from.nextCursor };
    }
    return { ...filters, page, cursor: page > 1 ? this.starts.get(key) : undefined };
  }
}

/** The same filters, whatever page they are on, share their remembered starts. */
function keyOf({ page: _page, cursor: _cursor, ...filters }: CaseFilters, page: number) {
  return `${JSON.stringify(
    Object.entries(filters)
      .filter(([, v]) => v !== undefined)
      .sort(),
  )}#${page}`;
}
