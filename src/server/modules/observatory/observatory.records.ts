import { sql } from 'drizzle-orm';
import {
  INTIMATE_PARTNERS,
  NON_GBV,
  resolveAgeBand,
  resolveCoreType,
  type TCitizenshipGroup,
  type TContext,
  type TIncidentInput,
  wasMinor,
} from '../../../contracts/observatory.js';
import type { Keyring } from '../../platform/crypto/field-crypto.js';
import { pseudonymiser, systemPseudonymiser } from '../../platform/crypto/pseudonyms.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import type { FieldError } from '../../platform/http/problem.js';
import type { IncidentValues } from './observatory.repository.js';

/**
 * Survivor codes are keyed per service: stable there, unlinkable across services. The request's
 * coder reads the key as the owner for a moment (`pseudonymiser`); the seed, already the owner,
 * uses `asOwner`.
 */
export async function survivorCoder({
  tx,
  keyring,
  serviceId,
  asOwner = false,
}: {
  tx: Tx;
  keyring: Keyring;
  serviceId: string;
  asOwner?: boolean;
}) {
  const options = { tx, keyring, scope: `survivor:${serviceId}`, prefix: 'S' };
  const code = await (asOwner ? systemPseudonymiser(options) : pseudonymiser(options));
  return (reference: string) => code(reference.toUpperCase());
}

/** The reference lists an incident is checked against, loaded once per request or import. */
export interface ObservatoryReference {
  countries: Map<string, { euMember: boolean }>;
  languages: Set<string>;
  municipalities: Map<string, { districtId: string | null }>;
}

export async function loadReference(tx: Tx): Promise<ObservatoryReference> {
  // One after another: a transaction is one connection, and pg refuses overlapping queries on it.
  const countries = await queryRows<{ code: string; eu_member: boolean }>(
    tx,
    sql`select code, eu_member from countries`,
  );
  const languages = await queryRows<{ code: string }>(tx, sql`select code from languages`);
  const municipalities = await queryRows<{ istat_code: string; district_id: string | null }>(
    tx,
    sql`select istat_code, district_id from municipalities`,
  );
  return {
    countries: new Map(countries.map((c) => [c.code, { euMember: c.eu_member }])),
    languages: new Set(languages.map((l) => l.code)),
    municipalities: new Map(municipalities.map((m) => [m.istat_code, { districtId: m.district_id }])),
  };
}

function citizenshipGroupOf(code: string | null | undefined, ref: ObservatoryReference): TCitizenshipGroup {
  if (!code) return 'unknown';
  if (code === 'IT') return 'italian';
  return ref.countries.get(code)?.euMember ? 'eu' : 'third_country';
}

/**
 * The Incident Recorder's computed contexts (docs/observatory-data.md §4). An incident outside
 * the six GBVIMS types has none.
 */
export function contextsOf(input: TIncidentInput, coreType: string | null): TContext[] {
  if (!coreType || coreType === NON_GBV) return [];
  const contexts: TContext[] = [];
  const relationship = input.authorRelationship;
  if (relationship && INTIMATE_PARTNERS.includes(relationship)) contexts.push('intimate_partner_violence');
  const minor = wasMinor(input);
  const sexual = coreType === 'rape' || coreType === 'sexual_assault';
  if (minor && sexual) contexts.push('child_sexual_abuse');
  // Early marriage: a forced marriage of a minor at the time, not every forced marriage.
  if (minor && coreType === 'forced_marriage') contexts.push('early_marriage');
  if (input.harmfulPractice) contexts.push('harmful_traditional_practice');
  if (sexual && input.moneyExchanged === 'yes') contexts.push('possible_sexual_exploitation');
  // As the Incident Recorder: any abduction at the time (trafficked, conscripted or other).
  const abducted = input.abduction && input.abduction !== 'none' && input.abduction !== 'not_known';
  if (sexual && abducted) {
    contexts.push('possible_sexual_slavery');
  }
  return contexts;
}

const unknownCode = (field: string, it: string, en: string): FieldError => ({
  field,
  code: 'unknown_code',
  message: { it, en },
});

/**
 * Turns valid input (the schema has already run) into column values, checking the codes the
 * schema cannot know. The survivor code is passed in: it needs the database's key.
 */
export function incidentValues({
  input,
  ref,
  serviceId,
  createdBy,
  survivorCode,
  importKey,
}: {
  input: TIncidentInput;
  ref: ObservatoryReference;
  serviceId: string;
  createdBy: string;
  survivorCode: string | null;
  importKey?: string | null;
}): { values: IncidentValues } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (input.citizenship && !ref.countries.has(input.citizenship)) {
    errors.push(unknownCode('citizenship', 'Paese sconosciuto.', 'Unknown country.'));
  }
  if (input.language && !ref.languages.has(input.language)) {
    errors.push(unknownCode('language', 'Lingua non in elenco.', 'Language not in the list.'));
  }
  const municipality = input.municipality ? ref.municipalities.get(input.municipality) : undefined;
  if (input.municipality && !municipality) {
    errors.push(
      unknownCode('municipality', 'Codice ISTAT del comune sconosciuto.', 'Unknown municipality code.'),
    );
  }
  if (input.status === 'recorded' && !survivorCode) {
    errors.push({
      field: 'survivorReference',
      code: 'required',
      message: { it: "Obbligatorio per registrare l'episodio.", en: 'Required to record the incident.' },
    });
  }
  if (errors.length > 0) return { errors };
  const resolved = resolveCoreType(input);
  const coreType = 'coreType' in resolved ? resolved.coreType : null;
  return {
    values: {
      serviceId,
      createdBy,
      status: input.status,
      importKey: importKey ?? null,
      survivorCode,
      incidentMonth: input.incidentMonth ?? null,
      age: input.age ?? null,
      ageBand: resolveAgeBand(input),
      birthYear: input.birthYear ?? null,
      gender: input.gender ?? null,
      citizenship: input.citizenship ?? null,
      citizenshipGroup: citizenshipGroupOf(input.citizenship, ref),
      yearsInItaly: input.yearsInItaly ?? null,
      language: input.language ?? null,
      disability: input.disability ?? null,
      interpreterNeeded: input.interpreterNeeded ?? null,
      interpreterUsed: input.interpreterNeeded === false ? false : (input.interpreterUsed ?? null),
      municipality: input.municipality ?? null,
      districtId: municipality?.districtId ?? null,
      coreType,
      nonGbvReason: coreType === NON_GBV ? (input.nonGbvReason ?? null) : null,
      forms: input.forms ?? [],
      stalking: input.stalking ?? false,
      // Two facts, as law 53/2022 words them: children at the scene, and children who witnessed.
      childrenPresent: input.childrenPresent ?? false,
      childrenWitnessed: input.childrenWitnessed ?? false,
      authorRelationship: input.authorRelationship ?? null,
      authorAddictions: input.authorAddictions ?? [],
      authorPreviousComplaints: input.authorPreviousComplaints ?? null,
      protectionOrders: input.protectionOrders ?? [],
      riskAssessment: input.riskAssessment ?? {},
      harmfulPractice: input.harmfulPractice ?? false,
      harmfulPracticeType: input.harmfulPractice ? (input.harmfulPracticeType ?? null) : null,
      moneyExchanged: input.moneyExchanged ?? null,
      abduction: input.abduction ?? null,
      contexts: contextsOf(input, coreType),
      soughtHelpFrom: input.soughtHelpFrom ?? [],
      referredBy: input.referredBy ?? [],
      referredByServices: input.referredBy?.includes('service') ? (input.referredByServices ?? []) : [],
      referredTo: input.referredTo ?? [],
      servicesProvided: input.servicesProvided ?? [],
      consentReporting: input.consentReporting,
    },
  };
}
