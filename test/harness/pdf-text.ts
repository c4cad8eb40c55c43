import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A PDF's text as poppler's pdftotext reads it, whitespace folded to single spaces. */
export function pdfText(body: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'trama-pdf-')), 'file.pdf');
  writeFileSync(file, body);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}
