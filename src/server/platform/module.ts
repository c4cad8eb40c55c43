import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { TAttentionItem } from '../../contracts/home.js';
import type { AccessContext } from './access/access-context.js';
import type { GrantCheck } from './access/break-glass.js';
import { type FieldClass, PLATFORM_FIELD_CLASSES } from './access/field-classes.js';
import { type AuditLabel, type AuditLabels, PLATFORM_AUDIT_ACTIONS } from './audit/audit-events.js';
import { type EncryptedColumn, PLATFORM_ENCRYPTED_COLUMNS } from './crypto/encrypted-columns.js';
import type { Keyring } from './crypto/field-crypto.js';
import type { Tx } from './db/client.js';
import type { Deps } from './deps.js';
import type { ExportKind } from './exports/export-kind.js';
import type { Indicator } from './indicators/indicator.js';
import type { JobKind } from './jobs/job-queue.js';
import { PLATFORM_JOB_KINDS } from './jobs/platform-jobs.js';
import type { DeclaredActivity, ProcessingActivity } from './privacy/processing.js';
import type { RecordErasure } from './retention/record-erasure.js';
import { PLATFORM_RETENTION, type RetentionClass } from './retention/retention-classes.js';

/**
 * What a module gives the platform (docs/adding-a-module.md). A module exports one of these from
 * `<name>.module.ts`; the composition root (`app.ts`) lists the modules, and the platform merges
 * what they give. Nothing outside a module's folder imports its internals.
 */
export interface TramaModule {
  /** The module's folder under src/server/modules. */
  name: string;
  /** Its routes; every route declares its access (platform/access/route-access.ts). */
  routes: (deps: Deps) => FastifyPluginAsyncZod;
  /**
   * What needs the signed-in user's attention in this module, counted as the viewer (row-level
   * security applies: the transaction is the request's). Items with a count of 0 are dropped.
   */
  attention?: (args: { tx: Tx; ctx: AccessContext }) => Promise<TAttentionItem[]>;
  /**
   * Every column of the module's tables, classed. test/access/field-classes.int.test.ts fails on
   * an unclassed column, a readable secret or an unencrypted safety field; test/guardrails on a
   * table with personal data whose row-level security is not enabled, forced and given a policy.
   */
  fieldClasses?: Record<string, Record<string, FieldClass>>;
  /**
   * The module's audit actions with their Italian and English labels (its `<name>.audit.ts` also
   * adds them to the `AuditAction` type).
   */
  auditActions?: Readonly<AuditLabels>;
  /**
   * The record types the module's lookups and grants name, with their tables (the audited 404 and
   * break-the-glass check that a record exists); the module also adds them to `RecordType`.
   */
  recordTables?: Readonly<Record<string, string>>;
  /** The module's own rules for an emergency grant into its records, by record type. */
  grantChecks?: Readonly<Record<string, GrantCheck>>;
  /** The module's demo data, written on the first start in demo mode after the demo accounts. */
  seedDemo?: (context: DemoSeedContext) => Promise<void>;
  /**
   * The module's demo files (documents), stored through platform/storage once the app's
   * dependencies exist — storing is its own transaction, so it cannot run inside `seedDemo`'s.
   * Called on every start in demo mode: it must do nothing when its files are already there.
   */
  seedDemoFiles?: (deps: Deps) => Promise<void>;
  /** The module's encrypted columns, re-encrypted by `npm run keys:rotate`. */
  encryptedColumns?: readonly EncryptedColumn[];
  /** A retention class for each of the module's tables (platform/retention/retention-classes.ts). */
  retention?: Readonly<Record<string, RetentionClass>>;
  /** The numbers the module gives the impact module, each with its pseudonymous record ids. */
  indicators?: readonly Indicator[];
  /** The module's background jobs (platform/jobs): reminders, notices, documents to build. */
  jobs?: readonly JobKind<never>[];
  /** The exports the module offers, run as jobs with progress (platform/exports). */
  exports?: readonly ExportKind<unknown>[];
  /** The processing activity the module performs, for the record of processing (GDPR art. 30). */
  processing?: ProcessingActivity;
  /** How the module's records are anonymised when their retention period ends (privacy operations). */
  erasures?: readonly RecordErasure[];
}

/** Every table's columns, classed: the platform's and every module's. */
export function fieldClassesOf(modules: readonly TramaModule[]): Record<string, Record<string, FieldClass>> {
  return Object.assign({}, PLATFORM_FIELD_CLASSES, ...modules.map((m) => m.fieldClasses ?? {}));
}

/** Every audit action: the platform's and every module's. */
export function auditActionsOf(modules: readonly TramaModule[]): string[] {
  return [
    ...Object.keys(PLATFORM_AUDIT_ACTIONS),
    ...modules.flatMap((m) => Object.keys(m.auditActions ?? {})),
  ];
}

/** Every audit action's label, the platform's and every module's, by action. */
export function auditLabelsOf(modules: readonly TramaModule[]): Record<string, AuditLabel> {
  return Object.assign({}, PLATFORM_AUDIT_ACTIONS, ...modules.map((m) => m.auditActions ?? {}));
}

/** Every module's record tables, for the platform's existence check. */
export function recordTablesOf(modules: readonly TramaModule[]): Record<string, string> {
  return Object.assign({}, ...modules.map((m) => m.recordTables ?? {}));
}

/** Every module's grant checks, by record type. */
export function grantChecksOf(modules: readonly TramaModule[]): Record<string, GrantCheck> {
  return Object.assign({}, ...modules.map((m) => m.grantChecks ?? {}));
}

/** Every encrypted column: the platform's and every module's. */
export function encryptedColumnsOf(modules: readonly TramaModule[]): EncryptedColumn[] {
  return [...PLATFORM_ENCRYPTED_COLUMNS, ...modules.flatMap((m) => m.encryptedColumns ?? [])];
}

/** Every table's retention class: the platform's and every module's. */
export function retentionOf(modules: readonly TramaModule[]): Record<string, RetentionClass> {
  return Object.assign({}, PLATFORM_RETENTION, ...modules.map((m) => m.retention ?? {}));
}

/** Every module's indicators. */
export function indicatorsOf(modules: readonly TramaModule[]): Indicator[] {
  return modules.flatMap((m) => m.indicators ?? []);
}

/** Every kind of background job: the platform's and every module's. */
export function jobKindsOf(modules: readonly TramaModule[]): JobKind<never>[] {
  return [...PLATFORM_JOB_KINDS, ...modules.flatMap((m) => m.jobs ?? [])];
}

/** Every module's processing activity, with its field and retention classes. */
export function processingOf(modules: readonly TramaModule[]): DeclaredActivity[] {
  return modules.flatMap((m) =>
    m.processing
      ? [{ ...m.processing, fieldClasses: m.fieldClasses ?? {}, retention: { ...(m.retention ?? {}) } }]
      : [],
  );
}

/** Every module's erasures, by retention class. */
export function erasuresOf(modules: readonly TramaModule[]): RecordErasure[] {
  return modules.flatMap((m) => m.erasures ?? []);
}

/** Every module's kinds of export. */
export function exportKindsOf(modules: readonly TramaModule[]): ExportKind<unknown>[] {
  return modules.flatMap((m) => m.exports ?? []);
}

/** What a module's demo seed gets: the transaction, the key, and the demo structure by key. */
export interface DemoSeedContext {
  tx: Tx;
  keyring: Keyring;
  /** Demo services, organisations' districts and accounts, by their keys in seed/demo.ts. */
  serviceIds: ReadonlyMap<string, string>;
  userIds: ReadonlyMap<string, string>;
  districtIds: ReadonlyMap<string, string>;
}
