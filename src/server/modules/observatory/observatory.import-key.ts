import { createHash } from 'node:crypto';
import {
  INTIMATE_PARTNERS,
  MINOR_AGE_BANDS,
  type TAgeBand,
  type TAuthorRelationship,
} from '../../../contracts/observatory.js';
import type { IncidentValues } from './observatory.repository.js';

/**
 * The row as an entry of the register, for its import key: the register's own number for the
 * incident when the file has one, else what the key needs of the row besides the stored values.
 */
export interface ImportEntry {
  number: string | null;
  /** The old risk list as the row wrote it (codes, in its order), or empty. */
  riskIndicators: string[];
  /** The old "first service she turned to", or null. */
  firstContact: string | null;
  /** "Children present" as the key always read it: witnessed counted as present when left empty. */
  childrenPresent: boolean;
  /** The fields of issue 16 the row states in their own columns (see importKeyOf). */
  stated: string[];
}

/**
 * The fields an import key was built from before issue 16, in the values' names. A file imported
 * then must give the same key now, so these enter every key, read as they were read then:
 * `riskIndicators` and `firstContact` from the old columns (empty without them), `childrenPresent`
 * counting children who witnessed as present when the cell was empty, `contexts` by the old rule
 * (every forced marriage "early or forced").
 */
const KEY_FIELDS = [
  'serviceId',
  'status',
  'survivorCode',
  'incidentMonth',
  'ageBand',
  'birthYear',
  'gender',
  'citizenship',
  'citizenshipGroup',
  'yearsInItaly',
  'language',
  'interpreterNeeded',
  'interpreterUsed',
  'municipality',
  'districtId',
  'coreType',
  'forms',
  'stalking',
  'childrenWitnessed',
  'authorRelationship',
  'harmfulPractice',
  'referredTo',
  'servicesProvided',
  'consentReporting',
] as const satisfies readonly (keyof IncidentValues)[];

/**
 * The fields of issue 16 that enter a key when the row states them. Left out: whatever a register
 * written before must add to be imported at all, or the rows it imported then would get a new key
 * and be created, and counted, a second time — the age, who sent her here and which services, and
 * the kind of a harmful practice (a row with a harmful practice needs it now; whether there was
 * one, `harmfulPractice`, is in the key already, as the age band the age gives is). The reason of
 * an incident outside the six types stays: no register before could write such a type.
 */
const STATED_KEY_FIELDS = [
  'disability',
  'nonGbvReason',
  'authorAddictions',
  'authorPreviousComplaints',
  'protectionOrders',
  'riskAssessment',
  'moneyExchanged',
  'abduction',
  'soughtHelpFrom',
] as const satisfies readonly (keyof IncidentValues)[];

/** The contexts as the key always read them: the rule before issue 16, from the stored values. */
function keyContexts(values: IncidentValues): string[] {
  const contexts: string[] = [];
  const relationship = values.authorRelationship as TAuthorRelationship | null | undefined;
  if (relationship && INTIMATE_PARTNERS.includes(relationship)) contexts.push('intimate_partner_violence');
  const minor = values.ageBand ? MINOR_AGE_BANDS.includes(values.ageBand as TAgeBand) : false;
  const sexual = values.coreType === 'rape' || values.coreType === 'sexual_assault';
  if (minor && sexual) contexts.push('child_sexual_abuse');
  if (values.coreType === 'forced_marriage') contexts.push('early_forced_marriage');
  if (values.harmfulPractice) contexts.push('harmful_traditional_practice');
  return contexts;
}

/**
 * The same row imported twice gets the same key (unique per service), so it is not created
 * again. Built from the stored values — the survivor code, never the register number — so an
 * empty column added to the file, or a value written in words instead of its code, changes nothing.
 * A register imported before issue 16 gives the keys it gave then: the key reads the fields it
 * read then as it read them (KEY_FIELDS), and a field of issue 16 only when the row states it in
 * its own column, and never one the import now requires (who sent her, the age, the kind of a
 * harmful practice), so adding those columns keeps a row recognised. With the register's own
 * number for the incident, the key is that number.
 */
export function importKeyOf({ values, entry }: { values: IncidentValues; entry: ImportEntry }) {
  if (entry.number)
    return createHash('sha256')
      .update(`entry\n${values.serviceId}\n${entry.number.toUpperCase()}`)
      .digest('base64url');
  const content: Record<string, unknown> = {};
  for (const field of KEY_FIELDS) content[field] = values[field] ?? null;
  content.childrenPresent = entry.childrenPresent;
  content.riskIndicators = entry.riskIndicators;
  content.firstContact = entry.firstContact;
  content.contexts = keyContexts(values);
  for (const field of STATED_KEY_FIELDS) {
    if (entry.stated.includes(field)) content[field] = values[field] ?? null;
  }
  const canonical = JSON.stringify(Object.entries(content).sort(([a], [b]) => a.localeCompare(b)));
  return createHash('sha256').update(canonical).digest('base64url');
}
