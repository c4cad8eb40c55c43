import { describe, expect, it } from 'vitest';
import { PageStarts } from './case-list-paging.js';
import type { CaseFilters } from './cases-api.js';

describe('work list paging', () => {
  const open: CaseFilters = { status: 'open', page: 1 };

  it('goes forward by the cursor the shown page ended with', () => {
    const starts = new PageStarts();
    expect(starts.filtersFor(open, 2, { page: 1, nextCursor: 'AAA' })).toEqual({
      status: 'open',
      page: 2,
      cursor: 'AAA',
    });
  });

  it('goes back to the cursor a page was reached with, and to page 1 without one', () => {
    const starts = new PageStarts();
    starts.filtersFor(open, 2, { page: 1, nextCursor: 'AAA' });
    starts.filtersFor({ ...open, page: 2, cursor: 'AAA' }, 3, { page: 2, nextCursor: 'BBB' });
    const onThird = { ...open, page: 3, cursor: 'BBB' };
    expect(starts.filtersFor(onThird, 2, { page: 3, nextCursor: 'CCC' })).toEqual({
      ...open,
      page: 2,
      cursor: 'AAA',
    });
    expect(starts.filtersFor({ ...open, page: 2, cursor: 'AAA' }, 1, { page: 2, nextCursor: 'BBB' })).toEqual(
      {
        ...open,
        page: 1,
        cursor: undefined,
      },
    );
  });

  it('reads a page by its number when its start is not known (a link, a reload, other filters)', () => {
    const starts = new PageStarts();
    starts.filtersFor(open, 2, { page: 1, nextCursor: 'AAA' });
    // Same page number under other filters: the open cases' cursor does not apply.
    const closed: CaseFilters = { status: 'closed', page: 3 };
    expect(starts.filtersFor(closed, 2, { page: 3, nextCursor: 'ZZZ' }).cursor).toBeUndefined();
    // A page whose answer carries no cursor: a remembered start still serves, else the number.
    expect(starts.filtersFor(open, 2, { page: 1, nextCursor: null })).toEqual({
      ...open,
      page: 2,
      cursor: 'AAA',
    });
    expect(new PageStarts().filtersFor(open, 5, { page: 4, nextCursor: null })).toEqual({
      ...open,
      page: 5,
      cursor: undefined,
    });
  });

  it('keeps the starts of the same filters whatever order they were written in', () => {
    const starts = new PageStarts();
    starts.filtersFor({ status: 'open', q: 'C-', page: 1 }, 2, { page: 1, nextCursor: 'AAA' });
    expect(
      starts.filtersFor({ q: 'C-', status: 'open', page: 3 }, 2, { page: 3, nextCursor: 'X' }).cursor,
    ).toBe('AAA');
  });
});
