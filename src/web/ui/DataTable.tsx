import { type ReactNode, useEffect, useId, useRef, useState } from 'react';

/** The cells of each row get their column's header as `data-label`, and every part its table role. */
function labelCells(table: HTMLTableElement): void {
  const set = (el: Element, name: string, value: string | null) => {
    if (value === null) el.removeAttribute(name);
    else if (el.getAttribute(name) !== value) el.setAttribute(name, value);
  };
  const header = table.tHead?.rows[table.tHead.rows.length - 1];
  const labels: string[] = [];
  for (const cell of header?.cells ?? []) {
    const text = (cell.textContent ?? '').replace(/\s+/g, ' ').trim();
    for (let i = 0; i < cell.colSpan; i++) labels.push(text);
  }
  set(table, 'role', 'table');
  for (const group of [table.tHead, ...table.tBodies, table.tFoot]) {
    if (!group) continue;
    set(group, 'role', 'rowgroup');
    for (const row of group.rows) {
      set(row, 'role', 'row');
      let column = 0;
      for (const cell of row.cells) {
        const scope = cell.getAttribute('scope');
        set(
          cell,
          'role',
          cell.tagName === 'TD'
            ? 'cell'
            : scope === 'row'
              ? 'rowheader'
              : group === table.tHead
                ? 'columnheader'
                : null,
        );
        if (group !== table.tHead) set(cell, 'data-label', labels[column] || null);
        column += cell.colSpan;
      }
    }
  }
}

/**
 * Every data table of the app (`<thead>` and `<tbody>` as children; `caption` is required).
 *
 * - Under 768 px each row becomes a card (`.table-stack` in app.css): the cells stack, each shown
 *   with its column's header, which is copied here from the header row into `data-label` so no page
 *   repeats it. The parts get their table roles explicitly, because some browsers drop a table's
 *   semantics once its cells are no longer laid out as a table.
 * - Wider, a table that does not fit scrolls sideways inside its frame; only while it does, the
 *   frame takes the keyboard focus and is a region named by the caption (WCAG 2.1.1), so a keyboard
 *   can scroll it and a table that fits adds no stop to the tab order.
 */
export function DataTable({
  caption,
  className,
  captionClassName,
  children,
}: {
  caption: ReactNode;
  /** Extra classes of the table (`table-hover`, `table-sm`, …). */
  className?: string;
  captionClassName?: string;
  children: ReactNode;
}) {
  const captionId = useId();
  const frame = useRef<HTMLDivElement>(null);
  const table = useRef<HTMLTableElement>(null);
  const [scrolls, setScrolls] = useState(false);

  useEffect(() => {
    const el = table.current;
    if (!el) return;
    labelCells(el);
    // Rows come and go, and header texts change with the language, without this component rendering.
    const observer = new MutationObserver(() => labelCells(el));
    observer.observe(el, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const box = frame.current;
    if (!box) return;
    const measure = () => setScrolls(box.scrollWidth > box.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    if (table.current) observer.observe(table.current);
    return () => observer.disconnect();
  }, []);

  return (
    // biome-ignore lint/a11y/useAriaPropsSupportedByRole: the frame is a region (named by the caption) while it scrolls
    <div
      ref={frame}
      className="table-responsive"
      tabIndex={scrolls ? 0 : undefined}
      role={scrolls ? 'region' : undefined}
      aria-labelledby={scrolls ? captionId : undefined}
    >
      <table ref={table} className={`table table-stack${className ? ` ${className}` : ''}`}>
        <caption id={captionId} className={captionClassName}>
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}
