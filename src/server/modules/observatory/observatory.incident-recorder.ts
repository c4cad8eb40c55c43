import { sql } from 'drizzle-orm';
import type { TAgeBand, TIncidentType, TRiskAssessment } from '../../../contracts/observatory.js';
import type { AccessContext } from '../../platform/access/access-context.js';
import { countOf, queryRows } from '../../platform/db/client.js';
import type { ExportCell, ExportKind } from '../../platform/exports/export-kind.js';
import { ownService, splitList, type YearParams, yearOf, ZYearParams } from './observatory.exports.js';

/*
 * The GBVIMS Incident Recorder's "Incident Data" sheet, one row per incident, in the IR's own
 * column headers and value words (English, as the IR spreadsheet): the headers and their order
 * as Primero's `incident_recorder_xls` exporter writes them (app/models/exporters/
 * incident_recorder_exporter.rb, config/locales/incident_recorder/en.yml), the values from
 * Primero's GBV lookups. What Trama does not collect stays empty; docs/observatory-exports.md
 * lists every column and why.
 */

export const INCIDENT_RECORDER_COLUMNS = [
  'INCIDENT ID',
  'SURVIVOR CODE',
  'CASE MANAGER CODE',
  'DATE OF INTERVIEW',
  'DATE OF INCIDENT',
  'DATE OF BIRTH',
  'SEX',
  'ETHNICITY',
  'COUNTRY OF ORIGIN',
  'CIVIL / MARITAL STATUS',
  'DISPLACEMENT STATUS AT REPORT',
  'PERSON WITH DISABILITY?',
  'UNACCOMPANIED OR SEPARATED CHILD?',
  'STAGE OF DISPLACEMENT AT INCIDENT',
  'INCIDENT TIME OF DAY',
  'INCIDENT LOCATION',
  'INCIDENT COUNTY',
  'INCIDENT DISTRICT',
  'INCIDENT CAMP / TOWN',
  'GBV TYPE',
  'HARMFUL TRADITIONAL PRACTICE',
  'MONEY, GOODS, BENEFITS AND / OR SERVICES EXCHANGED ?',
  'TYPE OF ABDUCTION',
  'PREVIOUSLY REPORTED THIS INCIDENT?',
  'PREVIOUS GBV INCIDENTS?',
  'No. ALLEGED PRIMARY PERPETRATOR(S)',
  'ALLEGED PERPETRATOR SEX',
  'PREVIOUS INCIDENT WITH THIS PERPETRATOR',
  'ALLEGED PERPETRATOR AGE GROUP',
  'ALLEGED PERPETRATOR - SURVIVOR RELATIONSHIP',
  'ALLEGED PERPETRATOR OCCUPATION',
  'REFERRED TO YOU FROM?',
  'SAFE HOUSE / SHELTER',
  'HEALTH / MEDICAL SERVICES',
  'PSYCHOSOCIAL SERVICES',
  'WANTS LEGAL ACTION?',
  'LEGAL ASSISTANCE SERVICES',
  'POLICE / OTHER SECURITY ACTOR',
  'LIVELIHOODS PROGRAM',
  'CHILD PROTECTION SERVICES / EDUCATION SERVICES',
  'CONSENT GIVEN',
  'REPORTING AGENCY CODE',
  // Not a column of the IR's sheet: the IR computes the age from the two dates, which Trama keeps
  // only as a month and a year; this is the group it would compute (Trama's bands are GBVIMS's).
  'SURVIVOR AGE GROUP AT INCIDENT',
] as const;

const YES = 'Yes';
const NO = 'No';

/** lookup-gbv-sexual-violence-type. */
const GBV_TYPE: Record<TIncidentType, string> = {
  rape: 'Rape',
  sexual_assault: 'Sexual Assault',
  physical_assault: 'Physical Assault',
  forced_marriage: 'Forced Marriage',
  denial_of_resources: 'Denial of Resources, Opportunities or Services',
  psychological_abuse: 'Psychological / Emotional Abuse',
  non_gbv: 'Non-GBV',
};

/**
 * The IR lets each context name its practices (Primero's form: "No", "Type of Practice 1…5"); these
 * are the words the GBVIMS guidance uses. `not_recorded` (an old record) leaves the cell empty.
 */
const HARMFUL_PRACTICE: Record<string, string> = {
  fgm: 'Female Genital Mutilation / Cutting',
  child_marriage: 'Early Marriage',
  honour_crime: 'Honour Crime',
  other: 'Other Harmful Traditional Practice',
};

/** abduction_status_time_of_incident; `not_known` has no IR value. */
const ABDUCTION: Record<string, string> = {
  none: 'None',
  forced_conscription: 'Forced Conscription',
  trafficked: 'Trafficked',
  other_abduction: 'Other Abduction/Kidnapping',
};

/** lookup-perpetrator-relationship; only relationships Trama records exactly. */
const RELATIONSHIP: Record<string, string> = {
  spouse_partner: 'Intimate Partner / Former Partner',
  non_cohabiting_partner: 'Intimate Partner / Former Partner',
  former_partner: 'Intimate Partner / Former Partner',
  other_relative: 'Family other than spouse or caregiver',
  acquaintance: 'Other',
  colleague: 'Other',
  stranger: 'No relation',
  other: 'Other',
  unknown: 'Unknown',
};

/** service_referred_from: who sent her, and which services. */
const REFERRED_FROM_SERVICE: Record<string, string> = {
  anti_violence_centre: 'Psychosocial / Counseling Services',
  help_desk: 'Psychosocial / Counseling Services',
  child_protection: 'Other Government Service',
  social_services: 'Other Government Service',
  consultorio: 'Health / Medical Services',
  child_neuropsychiatry: 'Health / Medical Services',
  health_emergency: 'Health / Medical Services',
  police: 'Police / Other Security Actor',
  school: 'Teacher / School Official',
  shelter: 'Safe House / Shelter',
  legal: 'Legal Assistance Services',
  other: 'Other',
};

/** The IR's referral columns, each answered from lookup-service-referred. */
type ReferralColumn = 'safehouse' | 'medical' | 'psycho' | 'legal' | 'police' | 'livelihoods' | 'protection';
const REFERRAL_COLUMNS: readonly ReferralColumn[] = [
  'safehouse',
  'medical',
  'psycho',
  'legal',
  'police',
  'livelihoods',
  'protection',
];
const PROVIDED_IN: Record<string, ReferralColumn> = {
  shelter: 'safehouse',
  health_care: 'medical',
  listening: 'psycho',
  psychological_support: 'psycho',
  legal_advice: 'legal',
  job_support: 'livelihoods',
};
const REFERRED_IN: Record<string, ReferralColumn> = {
  shelter: 'safehouse',
  health_emergency: 'medical',
  consultorio: 'medical',
  child_neuropsychiatry: 'medical',
  anti_violence_centre: 'psycho',
  help_desk: 'psycho',
  legal: 'legal',
  police: 'police',
  child_protection: 'protection',
  school: 'protection',
};
const PROVIDED = 'Service provided by your agency';
const REFERRED = 'Referred';

/** The IR's age groups, as Primero words them. */
const AGE_GROUP: Record<TAgeBand, string> = {
  '0-11': 'Age 0 - 11',
  '12-17': 'Age 12 - 17',
  '18-25': 'Age 18 - 25',
  '26-40': 'Age 26 - 40',
  '41-60': 'Age 41 - 60',
  '61+': '61 & Older',
};

interface RecorderLine {
  id: string;
  survivor_code: string | null;
  incident_month: string | null;
  birth_year: number | null;
  age_band: TAgeBand | null;
  gender: string | null;
  country: string | null;
  district: string | null;
  municipality: string | null;
  core_type: TIncidentType | null;
  harmful_practice: boolean;
  harmful_practice_type: string | null;
  money_exchanged: string | null;
  abduction: string | null;
  risk_assessment: TRiskAssessment | string | null;
  author_relationship: string | null;
  minor: boolean;
  referred_by: string;
  referred_by_services: string;
  referred_to: string;
  services_provided: string;
  consent_reporting: boolean;
}

function harmfulPractice(line: RecorderLine): string | null {
  if (!line.harmful_practice) return NO;
  return HARMFUL_PRACTICE[line.harmful_practice_type ?? ''] ?? null;
}

function yesNo(value: string | null): string | null {
  return value === 'yes' ? YES : value === 'no' ? NO : null;
}

/** Previous violence rated in the past: present → Yes, absent → No; possible or not assessed → empty. */
function previousIncidents(stored: TRiskAssessment | string | null): string | null {
  const assessment: TRiskAssessment | null = typeof stored === 'string' ? JSON.parse(stored) : stored;
  const past = assessment?.previous_violence?.past;
  return past === 'present' ? YES : past === 'absent' ? NO : null;
}

/** A parent is the primary caregiver of a child; of an adult, family other than a caregiver. */
function relationship(line: RecorderLine): string | null {
  if (line.author_relationship === 'parent')
    return line.minor ? 'Primary Caregiver' : 'Family other than spouse or caregiver';
  return line.author_relationship ? (RELATIONSHIP[line.author_relationship] ?? null) : null;
}

/** Several answers in one cell, as Primero joins them. */
function referredFrom(line: RecorderLine): string | null {
  const answers = new Set<string>();
  for (const who of splitList(line.referred_by)) {
    if (who === 'self') answers.add('Self Referral / First Point of Contact');
    else if (who === 'relatives_friends') answers.add('Other');
  }
  for (const service of splitList(line.referred_by_services)) {
    const answer = REFERRED_FROM_SERVICE[service];
    if (answer) answers.add(answer);
  }
  return answers.size > 0 ? [...answers].join(' & ') : null;
}

/** What the service did itself comes first; a referral elsewhere second; else the cell is empty. */
function referrals(line: RecorderLine): (string | null)[] {
  const answer = new Map<ReferralColumn, string>();
  for (const service of splitList(line.referred_to)) {
    const column = REFERRED_IN[service];
    if (column) answer.set(column, REFERRED);
  }
  for (const service of splitList(line.services_provided)) {
    const column = PROVIDED_IN[service];
    if (column) answer.set(column, PROVIDED);
  }
  return REFERRAL_COLUMNS.map((column) => answer.get(column) ?? null);
}

function cells(line: RecorderLine): ExportCell[] {
  const [safehouse, medical, psycho, legal, police, livelihoods, protection] = referrals(line);
  return [
    line.id,
    line.survivor_code,
    null, // CASE MANAGER CODE
    null, // DATE OF INTERVIEW
    line.incident_month, // a month: Trama records no day
    line.birth_year, // a year: Trama records no date of birth
    line.gender === 'female' ? 'F' : line.gender === 'male' ? 'M' : null,
    null, // ETHNICITY
    line.country,
    null, // CIVIL / MARITAL STATUS
    null, // DISPLACEMENT STATUS AT REPORT
    null, // PERSON WITH DISABILITY? (the IR asks the kind; Trama records whether)
    null, // UNACCOMPANIED OR SEPARATED CHILD?
    null, // STAGE OF DISPLACEMENT AT INCIDENT
    null, // INCIDENT TIME OF DAY
    null, // INCIDENT LOCATION (a kind of place)
    null, // INCIDENT COUNTY
    line.district,
    line.municipality,
    line.core_type ? GBV_TYPE[line.core_type] : null,
    harmfulPractice(line),
    yesNo(line.money_exchanged),
    line.abduction ? (ABDUCTION[line.abduction] ?? null) : null,
    null, // PREVIOUSLY REPORTED THIS INCIDENT?
    previousIncidents(line.risk_assessment),
    null, // No. ALLEGED PRIMARY PERPETRATOR(S)
    null, // ALLEGED PERPETRATOR SEX
    null, // PREVIOUS INCIDENT WITH THIS PERPETRATOR
    null, // ALLEGED PERPETRATOR AGE GROUP
    relationship(line),
    null, // ALLEGED PERPETRATOR OCCUPATION
    referredFrom(line),
    safehouse ?? null,
    medical ?? null,
    psycho ?? null,
    null, // WANTS LEGAL ACTION?
    legal ?? null,
    police ?? null,
    livelihoods ?? null,
    protection ?? null,
    line.consent_reporting ? YES : NO,
    null, // REPORTING AGENCY CODE
    line.age_band ? AGE_GROUP[line.age_band] : null,
  ];
}

/**
 * Every recorded incident of the service in the year, its own register: with or without consent
 * to be counted (CONSENT GIVEN says which) and outside the six types too ("Non-GBV").
 */
const filter = (ctx: AccessContext, params: YearParams) =>
  sql`i.status = 'recorded' and ${ownService(ctx)} and ${yearOf(params.year)}`;

export const incidentRecorderExport: ExportKind<YearParams> = {
  name: 'observatory.incident-recorder',
  label: {
    it: 'Incident Recorder GBVIMS (un episodio per riga)',
    en: 'GBVIMS Incident Recorder (one incident a row)',
  },
  permission: 'incidents.record',
  params: ZYearParams,
  dataClass: 'special',
  columns: INCIDENT_RECORDER_COLUMNS,
  count: ({ tx, ctx, params }) =>
    countOf(tx, sql`select count(*)::int as n from incidents i where ${filter(ctx, params)}`),
  async page({ tx, ctx, params, after, limit }) {
    const rows = await queryRows<RecorderLine>(
      tx,
      sql`select i.id, i.survivor_code, i.incident_month, i.birth_year, i.age_band, i.gender, c.name_en as country,
            d.name as district, m.name as municipality, i.core_type, i.harmful_practice, i.harmful_practice_type,
            i.money_exchanged, i.abduction, i.risk_assessment, i.author_relationship,
            coalesce(i.age <= 17, i.age_band in ('0-11', '12-17'), false) as minor,
            array_to_string(i.referred_by, '|') as referred_by,
            array_to_string(i.referred_by_services, '|') as referred_by_services,
            array_to_string(i.referred_to, '|') as referred_to,
            array_to_string(i.services_provided, '|') as services_provided, i.consent_reporting
          from incidents i
          left join countries c on c.code = i.citizenship
          left join municipalities m on m.istat_code = i.municipality
          left join districts d on d.id = i.district_id
          where ${filter(ctx, params)}${after ? sql` and i.id > ${after}::uuid` : sql``}
          order by i.id limit ${limit}`,
    );
    return { rows: rows.map(cells), last: rows.at(-1)?.id ?? null };
  },
};
