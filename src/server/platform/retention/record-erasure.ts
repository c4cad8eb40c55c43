import type { AuditActor } from '../audit/audit-events.js';
import type { RecordKeyScope } from '../crypto/record-keys.js';
import type { Tx } from '../db/client.js';
import type { RetentionClass } from './retention-classes.js';

/** A record whose retention period may have run out, as the module that owns it finds it. */
export interface RetentionCandidate {
  recordId: string;
  /** The code the services know it by (never a name). */
  recordCode: string;
  organisationId: string;
  /** The day the period runs from (the event of the class: the last case closed, …). */
  eventOn: string;
  /** What the anonymisation will take: shown to the DPO in the dry run. */
  counts: { cases: number; people: number; notes: number; documents: number };
}

/** What a rectification granted corrects in a person's record. */
export interface Rectification {
  givenName?: string;
  familyName?: string;
  birthDate?: string;
}

/** What a module holds about one person, for an access request: copied, withheld (with why), and its records. */
export interface SubjectCopy {
  sections: { title: string; lines: string[] }[];
  withheld: { what: string; reason: 'third_party' | 'endangers' | 'court' }[];
  /** The records whose reads the copy lists ("who accessed the record"). */
  records: { type: string; id: string }[];
}

/**
 * How a module's records of one retention class are anonymised when their period ends (issue 23).
 * The privacy module's retention run reads the candidates, applies the DPO's period and legal holds,
 * and calls `anonymise` as the system, one record per transaction, then destroys the record's key.
 */
export interface RecordErasure {
  retentionClass: RetentionClass;
  scope: RecordKeyScope;
  /** Every record of the class whose event happened before `asOf`, not yet anonymised. */
  candidates(args: { tx: Tx; asOf: string }): Promise<RetentionCandidate[]>;
  /** Erases and anonymises one record; returns the storage keys of the files it removed. */
  anonymise(args: { tx: Tx; recordId: string }): Promise<{ storageKeys: string[] }>;
  /** The record a legal hold names, by its code or one of its parts' codes. */
  findByCode(args: { tx: Tx; code: string }): Promise<{ id: string; code: string } | null>;
  codesOf(args: { tx: Tx; ids: readonly string[] }): Promise<Map<string, string>>;
  /** How many of its records (households) the given audited records belong to: a breach's reach. */
  recordsReached(args: { tx: Tx; records: readonly { type: string; id: string }[] }): Promise<number>;
  /** A person of a household, by the household's code and the exact names (a data subject's request). */
  findPerson(args: {
    tx: Tx;
    householdCode: string;
    givenName: string;
    familyName: string;
    birthYear?: number | null;
  }): Promise<{ householdId: string; personId: string; name: string } | 'ambiguous' | null>;
  /** What the module holds about the person (GDPR art. 15), with what it withholds. */
  subjectAccess(args: { tx: Tx; personId: string }): Promise<SubjectCopy>;
  /** Applies a granted rectification (art. 16) with the record's history; returns the fields changed. */
  rectify(args: {
    tx: Tx;
    personId: string;
    corrections: Rectification;
    actor: AuditActor;
  }): Promise<string[]>;
  /** Sets or lifts the restriction of processing (art. 18) on the person's record. */
  restrict(args: { tx: Tx; personId: string; on: boolean }): Promise<void>;
  isRestricted(args: { tx: Tx; personId: string }): Promise<boolean>;
}

/**
 * The erasures of the modules the app mounts, filled by the composition root (app.ts) as the
 * indicators are, so that the privacy module never imports the module list.
 */
let registered: readonly RecordErasure[] = [];

export function registerErasures(erasures: readonly RecordErasure[]) {
  registered = erasures;
}

export function erasureOf(retentionClass: RetentionClass): RecordErasure | undefined {
  return registered.find((e) => e.retentionClass === retentionClass);
}
