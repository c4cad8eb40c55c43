import type { AccessContext } from '../access/access-context.js';
import { OutOfScope } from '../access/not-found.js';
import { hasRecentStepUp } from '../auth/step-up.js';
import type { Tx } from '../db/client.js';
import type { FileDataClass } from './file-kinds.js';
import { storageRefusals } from './storage-refusals.js';

/**
 * Who may read a stored file is the owning module's rule: a file follows its record (a case
 * document whoever may open the case, an export its requester). The platform cannot know those
 * rules, so each module registers one; a module without one has files nobody can fetch
 * (default deny). The rule runs in the request's transaction as trama_app, so the module's own
 * row-level security applies to whatever it reads.
 */
export interface FileOwner {
  fileId: string;
  module: string;
  recordType: string;
  recordId: string | null;
  dataClass: FileDataClass;
}

export type FileReadRule = (args: { tx: Tx; ctx: AccessContext; file: FileOwner }) => Promise<boolean>;

const rules = new Map<string, FileReadRule>();

/** Called once by a module (its routes plugin or descriptor); a second call replaces the rule. */
export function registerFileAccess({ module, canRead }: { module: string; canRead: FileReadRule }) {
  rules.set(module, canRead);
}

/** The module's answer; a rule that throws OutOfScope (a module's `requireThing`) says no. */
export async function mayRead({ tx, ctx, file }: { tx: Tx; ctx: AccessContext; file: FileOwner }) {
  const rule = rules.get(file.module);
  if (!rule) return false;
  try {
    return (await rule({ tx, ctx, file })) === true;
  } catch (error) {
    if (error instanceof OutOfScope) return false;
    throw error;
  }
}

/**
 * What a file's class asks on top of the module's rule, as for fields of the same class
 * (ARCHITECTURE, mechanism 2): a `safety` file opens only after a recent step-up and with a stated
 * reason, which the audit keeps; `special` and `ordinary` files need the rule alone, and every
 * link and download of any class is audited.
 */
export function requireClassConditions({
  ctx,
  dataClass,
  reason,
}: {
  ctx: AccessContext;
  dataClass: FileDataClass;
  reason: string | undefined;
}) {
  if (dataClass !== 'safety') return;
  if (!hasRecentStepUp(ctx) || !reason?.trim()) throw storageRefusals.stepUp();
}
