import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { RISK_FACTORS, type TRiskAssessment } from '../../../contracts/observatory.js';
import type { AccessContext } from '../../platform/access/access-context.js';
import { countOf, queryRows } from '../../platform/db/client.js';
import type { ExportCell, ExportKind } from '../../platform/exports/export-kind.js';
import { enumLabel, enumLabels } from '../../platform/i18n/enum-labels.js';

/** The observatory's exports cover one calendar year of incidents (the month's year). */
export const ZYearParams = z.strictObject({ year: z.number().int().min(2000).max(2100) });
export type YearParams = z.infer<typeof ZYearParams>;

export const word = (group: string, value: string | null) =>
  value === null ? null : enumLabel(group, value);
// Lists come joined by the database ('|'): the driver parses text far faster than arrays.
export const splitList = (joined: string | null) => (joined ? joined.split('|') : []);
export const words = (group: string, joined: string | null) => enumLabels(group, splitList(joined));

/**
 * The requester's own service. Row-level security already gives only its incidents; the filter
 * states it, so an export can never read another service's records (nor match its survivor codes).
 */
export function ownService(ctx: AccessContext): SQL {
  return ctx.serviceId ? sql`i.service_id = ${ctx.serviceId}::uuid` : sql`false`;
}

export const yearOf = (year: number) => sql`i.incident_month like ${`${year}-%`}`;

/** "Factor: now present, in the past possibly present; …", factors in the form's order. */
function riskWords(stored: TRiskAssessment | string | null): string {
  // jsonb arrives parsed from PostgreSQL, as text from some drivers.
  const assessment: TRiskAssessment | null = typeof stored === 'string' ? JSON.parse(stored) : stored;
  const level = (value: string | null | undefined) =>
    value ? enumLabel('riskLevel', value).toLowerCase() : null;
  const parts: string[] = [];
  for (const factor of RISK_FACTORS) {
    const rating = assessment?.[factor];
    const now = level(rating?.now);
    const past = level(rating?.past);
    if (!now && !past) continue;
    const when = [now ? `ora ${now}` : null, past ? `in passato ${past}` : null].filter(Boolean).join(', ');
    parts.push(`${enumLabel('riskFactor', factor)}: ${when}`);
  }
  return parts.join('; ');
}

interface IncidentLine {
  id: string;
  survivor_code: string | null;
  incident_month: string | null;
  age: number | null;
  age_band: string | null;
  birth_year: number | null;
  gender: string | null;
  country: string | null;
  years_in_italy: string | null;
  language: string | null;
  disability: string | null;
  interpreter_needed: boolean | null;
  interpreter_used: boolean | null;
  municipality: string | null;
  core_type: string | null;
  non_gbv_reason: string | null;
  forms: string;
  stalking: boolean;
  children_present: boolean;
  children_witnessed: boolean;
  author_relationship: string | null;
  author_addictions: string;
  author_previous_complaints: string | null;
  protection_orders: string;
  risk_assessment: TRiskAssessment | string | null;
  harmful_practice: boolean;
  harmful_practice_type: string | null;
  money_exchanged: string | null;
  abduction: string | null;
  contexts: string;
  sought_help_from: string;
  referred_by: string;
  referred_by_services: string;
  referred_to: string;
  services_provided: string;
  consent_reporting: boolean;
}

function cells(i: IncidentLine): ExportCell[] {
  return [
    i.survivor_code,
    i.incident_month,
    word('ageBand', i.age_band),
    word('gender', i.gender),
    i.age,
    i.birth_year,
    i.country,
    word('yearsInItaly', i.years_in_italy),
    i.language,
    word('yesNoUnknown', i.disability),
    i.interpreter_needed,
    i.interpreter_used,
    i.municipality,
    word('coreType', i.core_type),
    word('nonGbvReason', i.non_gbv_reason),
    words('violenceForm', i.forms),
    i.stalking,
    i.children_present,
    i.children_witnessed,
    word('authorRelationship', i.author_relationship),
    words('authorAddiction', i.author_addictions),
    word('yesNoUnknown', i.author_previous_complaints),
    words('protectionOrder', i.protection_orders),
    riskWords(i.risk_assessment),
    i.harmful_practice,
    word('harmfulPracticeType', i.harmful_practice_type),
    word('yesNoUnknown', i.money_exchanged),
    word('abduction', i.abduction),
    words('context', i.contexts),
    words('helpSource', i.sought_help_from),
    words('referrer', i.referred_by),
    words('pathwayService', i.referred_by_services),
    words('pathwayService', i.referred_to),
    words('serviceProvided', i.services_provided),
    i.consent_reporting,
  ];
}

const ZRegisterParams = z.strictObject({ year: ZYearParams.shape.year.optional() });
type RegisterParams = z.infer<typeof ZRegisterParams>;

const registerFilter = (ctx: AccessContext, params: RegisterParams) =>
  sql`i.status = 'recorded' and ${ownService(ctx)}${params.year === undefined ? sql`` : sql` and ${yearOf(params.year)}`}`;

/**
 * The service's recorded incidents, one row each, pseudonymous (the survivor's code, never a name),
 * in words: the register a centre works from. Incidents outside the six GBVIMS types are in it
 * (they are the service's records), with their reason. Only the requester's own service.
 */
export const incidentsExport: ExportKind<RegisterParams> = {
  name: 'observatory.incidents',
  label: { it: 'Registro degli episodi (righe)', en: 'Incident register (rows)' },
  permission: 'incidents.record',
  params: ZRegisterParams,
  dataClass: 'special',
  columns: [
    'Codice della persona',
    'Mese',
    'Fascia d’età',
    'Genere',
    'Età all’episodio',
    'Anno di nascita',
    'Cittadinanza',
    'Anni in Italia',
    'Lingua',
    'Disabilità',
    'Interprete necessario',
    'Interprete presente',
    'Comune',
    'Tipo di violenza (GBVIMS)',
    'Motivo (fuori dai sei tipi GBVIMS)',
    'Forme',
    'Stalking',
    'Figli presenti',
    'Figli testimoni (violenza assistita)',
    'Relazione con l’autore',
    'Dipendenze dell’autore',
    'Denunce precedenti contro l’autore',
    'Misure di protezione',
    'Valutazione del rischio',
    'Pratica dannosa',
    'Tipo di pratica dannosa',
    'Denaro, beni o vantaggi scambiati',
    'Rapimento o tratta',
    'Contesti',
    'A chi si era rivolta prima',
    'Chi l’ha inviata',
    'Servizi che l’hanno inviata',
    'Inviata a',
    'Servizi forniti',
    'Consenso alla segnalazione',
  ],
  count: ({ tx, ctx, params }) =>
    countOf(tx, sql`select count(*)::int as n from incidents i where ${registerFilter(ctx, params)}`),
  async page({ tx, ctx, params, after, limit }) {
    const rows = await queryRows<IncidentLine>(
      tx,
      sql`select i.id, i.survivor_code, i.incident_month, i.age, i.age_band, i.birth_year, i.gender, c.name_it as country,
            i.years_in_italy, l.name_it as language, i.disability, i.interpreter_needed, i.interpreter_used,
            m.name as municipality, i.core_type, i.non_gbv_reason, array_to_string(i.forms, '|') as forms, i.stalking,
            i.children_present, i.children_witnessed, i.author_relationship,
            array_to_string(i.author_addictions, '|') as author_addictions, i.author_previous_complaints,
            array_to_string(i.protection_orders, '|') as protection_orders, i.risk_assessment, i.harmful_practice,
            i.harmful_practice_type, i.money_exchanged, i.abduction, array_to_string(i.contexts, '|') as contexts,
            array_to_string(i.sought_help_from, '|') as sought_help_from,
            array_to_string(i.referred_by, '|') as referred_by,
            array_to_string(i.referred_by_services, '|') as referred_by_services,
            array_to_string(i.referred_to, '|') as referred_to,
            array_to_string(i.services_provided, '|') as services_provided, i.consent_reporting
          from incidents i
          left join countries c on c.code = i.citizenship
          left join languages l on l.code = i.language
          left join municipalities m on m.istat_code = i.municipality
          where ${registerFilter(ctx, params)}${after ? sql` and i.id > ${after}::uuid` : sql``}
          order by i.id limit ${limit}`,
    );
    return { rows: rows.map(cells), last: rows.at(-1)?.id ?? null };
  },
};
