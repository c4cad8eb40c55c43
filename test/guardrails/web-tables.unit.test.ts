import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Every data table is a `DataTable` (src/web/ui/DataTable.tsx): on a phone its rows become cards
// with each cell labelled by its column, and where it scrolls sideways its frame takes the keyboard
// focus. A page that writes its own `<table>` or scrolling frame gets neither, and fails here.
const web = resolve(dirname(fileURLToPath(import.meta.url)), '../../src/web');
const shared = join(web, 'ui/DataTable.tsx');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx$/.test(entry.name) ? [path] : [];
  });
}

describe('web tables', () => {
  it('the shared table renders the table and its frame (the scan itself works)', () => {
    const text = readFileSync(shared, 'utf8');
    expect(text).toMatch(/<table\b/);
    expect(text).toMatch(/table-responsive/);
  });

  it('no page writes its own <table> or scrolling frame', () => {
    const own = sourceFiles(web)
      .filter((file) => file !== shared)
      .flatMap((file) => {
        const text = readFileSync(file, 'utf8');
        return [
          ...(/<table\b/.test(text) ? ['<table>'] : []),
          ...(/table-responsive/.test(text) ? ['table-responsive'] : []),
        ].map((what) => `${relative(web, file)}: ${what}`);
      });
    expect(own).toEqual([]);
  });
});
