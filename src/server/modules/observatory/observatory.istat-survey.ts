import { sql } from 'drizzle-orm';
import {
  AUTHOR_ADDICTIONS,
  ageForStatistics,
  HELP_SOURCES,
  istatAgeClassOf,
  PATHWAY_SERVICES,
  PROTECTION_ORDERS,
  REFERRERS,
  SERVICES_PROVIDED,
  VIOLENCE_FORMS,
} from '../../../contracts/observatory.js';
import type { AccessContext } from '../../platform/access/access-context.js';
import { countOf, queryRows } from '../../platform/db/client.js';
import type { ExportCell, ExportKind } from '../../platform/exports/export-kind.js';
import { enumLabel, enumLabels } from '../../platform/i18n/enum-labels.js';
import { ownService, splitList, type YearParams, yearOf, ZYearParams } from './observatory.exports.js';

/*
 * ISTAT's survey of the users of anti-violence centres counts women, not incidents: one row per
 * woman (a distinct survivor code of the service) with at least one counted incident in the year,
 * in ISTAT's variables and Italian words. Counted incidents are the dashboard's: recorded, with
 * consent to be counted, one of the six GBVIMS types. A woman is a survivor whose first counted
 * incident of the year records her as female, as the dashboard's survivors table counts her.
 * docs/observatory-exports.md gives the mapping variable by variable.
 */

/** ISTAT's classes of the author (partner, ex partner, relative, other known person, stranger). */
const ISTAT_AUTHOR: Record<string, string> = {
  spouse_partner: 'Partner attuale',
  non_cohabiting_partner: 'Partner attuale',
  former_partner: 'Ex partner',
  parent: 'Altro familiare o parente',
  other_relative: 'Altro familiare o parente',
  acquaintance: 'Altra persona conosciuta (amico, collega, conoscente)',
  colleague: 'Altra persona conosciuta (amico, collega, conoscente)',
  stranger: 'Sconosciuto',
  other: 'Altro',
  unknown: 'Non noto',
};

export const ISTAT_SURVEY_COLUMNS = [
  'Codice della donna',
  'Anno',
  'Classe di età',
  'Cittadinanza',
  'Cittadinanza italiana o straniera',
  'Da quanto tempo vive in Italia',
  'Disabilità',
  ...VIOLENCE_FORMS.map((form) => enumLabel('violenceForm', form)),
  'Stalking (atti persecutori)',
  'Autore: relazione con la donna',
  'Autore: classe ISTAT',
  'Autore: dipendenze',
  'Autore: denunce precedenti',
  'Provvedimenti di protezione',
  'Figli presenti alla violenza',
  'Figli che hanno assistito alla violenza (violenza assistita)',
  'A chi si è rivolta prima',
  'Chi l’ha indirizzata al servizio',
  'Servizi che l’hanno indirizzata',
  'Servizi erogati',
  'Episodi nell’anno',
] as const;

interface SurveyLine {
  survivor_code: string;
  incident_month: string;
  age: number | null;
  birth_year: number | null;
  country: string | null;
  citizenship_group: string | null;
  years_in_italy: string | null;
  disability: string | null;
  forms: string;
  stalking: boolean;
  author_relationship: string | null;
  author_addictions: string;
  author_previous_complaints: string | null;
  protection_orders: string;
  children_present: boolean;
  children_witnessed: boolean;
  sought_help_from: string;
  referred_by: string;
  referred_by_services: string;
  services_provided: string;
}

const yesNo = (value: boolean) => enumLabel('yesNoUnknown', value ? 'yes' : 'no');

/**
 * The answers given over her incidents, in the list's order; an answer that excludes the others
 * ("nobody", "none") stays only when no other answer was given. Nothing recorded: an empty cell.
 */
function union(
  group: string,
  order: readonly string[],
  lines: readonly SurveyLine[],
  pick: (line: SurveyLine) => string,
  alone?: string,
): string | null {
  const given = new Set(lines.flatMap((line) => splitList(pick(line))));
  if (alone && given.size > 1) given.delete(alone);
  if (given.size === 0) return null;
  return enumLabels(
    group,
    order.filter((value) => given.has(value)),
  );
}

/** The first answer recorded in the year (her incidents in order), for facts about her. */
function firstAnswer<T>(lines: readonly SurveyLine[], pick: (line: SurveyLine) => T | null): T | null {
  for (const line of lines) {
    const value = pick(line);
    if (value !== null && value !== '') return value;
  }
  return null;
}

const word = (group: string, value: string | null) => (value ? enumLabel(group, value) : null);

function cells(year: number, lines: readonly SurveyLine[]): ExportCell[] {
  const first = lines[0]!;
  const age = ageForStatistics({
    age: first.age,
    birthYear: first.birth_year,
    incidentMonth: first.incident_month,
  });
  const forms = new Set(lines.flatMap((line) => splitList(line.forms)));
  const firstAuthorAddictions = splitList(first.author_addictions);
  return [
    first.survivor_code,
    year,
    age === null ? null : enumLabel('istatAgeClass', istatAgeClassOf(age)),
    firstAnswer(lines, (line) => line.country),
    word(
      'citizenshipGroup',
      firstAnswer(lines, (line) => (line.citizenship_group === 'unknown' ? null : line.citizenship_group)),
    ),
    word(
      'yearsInItaly',
      firstAnswer(lines, (line) => line.years_in_italy),
    ),
    word(
      'yesNoUnknown',
      firstAnswer(lines, (line) => line.disability),
    ),
    ...VIOLENCE_FORMS.map((form) => yesNo(forms.has(form))),
    yesNo(lines.some((line) => line.stalking)),
    // The author of her first incident of the year: relationship, addictions, earlier complaints.
    word('authorRelationship', first.author_relationship),
    first.author_relationship ? (ISTAT_AUTHOR[first.author_relationship] ?? null) : null,
    firstAuthorAddictions.length > 0
      ? enumLabels(
          'authorAddiction',
          AUTHOR_ADDICTIONS.filter((value) => firstAuthorAddictions.includes(value)),
        )
      : null,
    word('yesNoUnknown', first.author_previous_complaints),
    union('protectionOrder', PROTECTION_ORDERS, lines, (line) => line.protection_orders, 'none'),
    yesNo(lines.some((line) => line.children_present)),
    yesNo(lines.some((line) => line.children_witnessed)),
    union('helpSource', HELP_SOURCES, lines, (line) => line.sought_help_from, 'nobody'),
    union('referrer', REFERRERS, lines, (line) => line.referred_by),
    union('pathwayService', PATHWAY_SERVICES, lines, (line) => line.referred_by_services),
    union('serviceProvided', SERVICES_PROVIDED, lines, (line) => line.services_provided),
    lines.length,
  ];
}

/** Counted incidents of the service in the year, as the observatory's tables count them. */
const counted = (ctx: AccessContext, params: YearParams) =>
  sql`i.status = 'recorded' and i.consent_reporting and i.core_type <> 'non_gbv' and i.survivor_code is not null
      and ${ownService(ctx)} and ${yearOf(params.year)}`;

/** Her incidents in order: the first decides her gender and age class, as observatory_survivor_years. */
const IN_ORDER = sql`i.incident_month, i.created_at, i.id`;

/** Survivor codes of the women, in code order (the key pages are read by). */
const women = (ctx: AccessContext, params: YearParams, after: string | null = null) =>
  sql`select i.survivor_code from incidents i
      where ${counted(ctx, params)}${after ? sql` and i.survivor_code > ${after}` : sql``}
      group by i.survivor_code having (array_agg(i.gender order by ${IN_ORDER}))[1] = 'female'`;

export const istatSurveyExport: ExportKind<YearParams> = {
  name: 'observatory.istat-survey',
  label: {
    it: 'Indagine ISTAT sull’utenza dei centri antiviolenza (una donna per riga)',
    en: 'ISTAT survey of anti-violence centre users (one woman a row)',
  },
  permission: 'incidents.record',
  params: ZYearParams,
  dataClass: 'special',
  columns: ISTAT_SURVEY_COLUMNS,
  count: ({ tx, ctx, params }) => countOf(tx, sql`select count(*)::int as n from (${women(ctx, params)}) w`),
  async page({ tx, ctx, params, after, limit }) {
    const lines = await queryRows<SurveyLine>(
      tx,
      sql`with page as (
            ${women(ctx, params, after)}
            order by i.survivor_code limit ${limit}
          )
          select i.survivor_code, i.incident_month, i.age, i.birth_year, c.name_it as country, i.citizenship_group,
            i.years_in_italy, i.disability, array_to_string(i.forms, '|') as forms, i.stalking,
            i.author_relationship, array_to_string(i.author_addictions, '|') as author_addictions,
            i.author_previous_complaints, array_to_string(i.protection_orders, '|') as protection_orders,
            i.children_present, i.children_witnessed, array_to_string(i.sought_help_from, '|') as sought_help_from,
            array_to_string(i.referred_by, '|') as referred_by,
            array_to_string(i.referred_by_services, '|') as referred_by_services,
            array_to_string(i.services_provided, '|') as services_provided
          from incidents i
          join page p on p.survivor_code = i.survivor_code
          left join countries c on c.code = i.citizenship
          where ${counted(ctx, params)}
          order by i.survivor_code, ${IN_ORDER}`,
    );
    const byWoman = new Map<string, SurveyLine[]>();
    for (const line of lines) {
      const hers = byWoman.get(line.survivor_code);
      if (hers) hers.push(line);
      else byWoman.set(line.survivor_code, [line]);
    }
    const rows = [...byWoman.values()].map((hers) => cells(params.year, hers));
    return { rows, last: [...byWoman.keys()].at(-1) ?? null };
  },
};
