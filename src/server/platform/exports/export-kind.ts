import type { z } from 'zod';
import type { TPermission } from '../../../contracts/roles.js';
import type { AccessContext } from '../access/access-context.js';
import type { Tx } from '../db/client.js';
import type { FileDataClass } from '../storage/file-kinds.js';

export type ExportCell = string | number | boolean | null;

/** One page of rows, in column order, and the key to ask the next page after. */
export interface ExportPage {
  rows: ExportCell[][];
  last: string | null;
}

/**
 * A kind of export a module offers (its descriptor's `exports`). The job reads it as the requester
 * — the same membership, row-level security applying — in pages by key, so memory stays flat
 * whatever the number of rows.
 */
export interface ExportKind<P = Record<string, unknown>> {
  name: string;
  label: { it: string; en: string };
  /** Who may ask for it. */
  permission: TPermission;
  /** When set, a second person holding this permission approves it before it runs (bulk case data). */
  approval?: TPermission;
  params: z.ZodType<P>;
  /** Column headers, in Italian (the files are the partners' working documents). */
  columns: readonly string[];
  /** What the file is: decides who may read it, like the module's fields. */
  dataClass: FileDataClass;
  count(args: { tx: Tx; ctx: AccessContext; params: P }): Promise<number>;
  page(args: {
    tx: Tx;
    ctx: AccessContext;
    params: P;
    after: string | null;
    limit: number;
  }): Promise<ExportPage>;
}

const kinds = new Map<string, ExportKind<unknown>>();

/** Called once by buildApp with every module's kinds. */
export function registerExportKinds(list: readonly ExportKind<unknown>[]) {
  kinds.clear();
  for (const kind of list) kinds.set(kind.name, kind);
}

export function exportKindOf(name: string): ExportKind<unknown> | undefined {
  return kinds.get(name);
}

export function exportKinds(): ExportKind<unknown>[] {
  return [...kinds.values()];
}
