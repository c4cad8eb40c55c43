import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { countOf, queryRows } from '../../platform/db/client.js';
import type { ExportCell, ExportKind } from '../../platform/exports/export-kind.js';
import { enumLabel, enumLabels } from '../../platform/i18n/enum-labels.js';

const ZParams = z.strictObject({ year: z.number().int().min(2000).max(2100).optional() });
type Params = z.infer<typeof ZParams>;

interface IncidentLine {
  id: string;
  survivor_code: string | null;
  incident_month: string | null;
  age_band: string | null;
  gender: string | null;
  country: string | null;
  years_in_italy: string | null;
  language: string | null;
  interpreter_needed: boolean | null;
  interpreter_used: boolean | null;
  municipality: string | null;
  core_type: string | null;
  forms: string;
  stalking: boolean;
  children_present: boolean;
  children_witnessed: boolean;
  author_relationship: string | null;
  risk_indicators: string;
  harmful_practice: boolean;
  contexts: string;
  referred_to: string;
  services_provided: string;
  consent_reporting: boolean;
}

const word = (group: string, value: string | null) => (value === null ? null : enumLabel(group, value));
// Lists come joined by the database ('|'): the driver parses text far faster than arrays.
const words = (group: string, joined: string) => enumLabels(group, joined ? joined.split('|') : []);

function cells(i: IncidentLine): ExportCell[] {
  return [
    i.survivor_code,
    i.incident_month,
    word('ageBand', i.age_band),
    word('gender', i.gender),
    i.country,
    word('yearsInItaly', i.years_in_italy),
    i.language,
    i.interpreter_needed,
    i.interpreter_used,
    i.municipality,
    word('coreType', i.core_type),
    words('violenceForm', i.forms),
    i.stalking,
    i.children_present,
    i.children_witnessed,
    word('authorRelationship', i.author_relationship),
    words('riskIndicator', i.risk_indicators),
    i.harmful_practice,
    words('context', i.contexts),
    words('pathwayService', i.referred_to),
    words('serviceProvided', i.services_provided),
    i.consent_reporting,
  ];
}

const yearFilter = (params: Params) =>
  params.year === undefined ? sql`` : sql` and i.incident_month like ${`${params.year}-%`}`;

/**
 * The service's recorded incidents, one row each, pseudonymous (the survivor's code, never a name),
 * in words: the register a centre works from. Row-level security gives the requester's own service.
 */
export const incidentsExport: ExportKind<Params> = {
  name: 'observatory.incidents',
  label: { it: 'Registro degli episodi (righe)', en: 'Incident register (rows)' },
  permission: 'incidents.record',
  params: ZParams,
  dataClass: 'special',
  columns: [
    'Codice della persona',
    'Mese',
    'Fascia d’età',
    'Genere',
    'Cittadinanza',
    'Anni in Italia',
    'Lingua',
    'Interprete necessario',
    'Interprete presente',
    'Comune',
    'Tipo di violenza (GBVIMS)',
    'Forme',
    'Stalking',
    'Figli presenti',
    'Figli testimoni',
    'Relazione con l’autore',
    'Indicatori di rischio',
    'Pratica dannosa',
    'Contesti',
    'Inviata a',
    'Servizi forniti',
    'Consenso alla segnalazione',
  ],
  count: ({ tx, params }) =>
    countOf(
      tx,
      sql`select count(*)::int as n from incidents i where i.status = 'recorded'${yearFilter(params)}`,
    ),
  async page({ tx, params, after, limit }) {
    const rows = await queryRows<IncidentLine>(
      tx,
      sql`select i.id, i.survivor_code, i.incident_month, i.age_band, i.gender, c.name_it as country, i.years_in_italy,
            l.name_it as language, i.interpreter_needed, i.interpreter_used, m.name as municipality, i.core_type,
            array_to_string(i.forms, '|') as forms, i.stalking, i.children_present, i.children_witnessed,
            i.author_relationship, array_to_string(i.risk_indicators, '|') as risk_indicators, i.harmful_practice,
            array_to_string(i.contexts, '|') as contexts, array_to_string(i.referred_to, '|') as referred_to,
            array_to_string(i.services_provided, '|') as services_provided, i.consent_reporting
          from incidents i
          left join countries c on c.code = i.citizenship
          left join languages l on l.code = i.language
          left join municipalities m on m.istat_code = i.municipality
          where i.status = 'recorded'${yearFilter(params)}${after ? sql` and i.id > ${after}::uuid` : sql``}
          order by i.id limit ${limit}`,
    );
    return { rows: rows.map(cells), last: rows.at(-1)?.id ?? null };
  },
};
