import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnLabel } from '../../src/server/modules/observatory/observatory.import-vocabulary.js';
import { queryRows } from '../../src/server/platform/db/client.js';
import { createTestApp, type Session, type TestApp } from '../harness/test-app.js';

/*
 * A centre's register written with the incident form's words: headers as the form labels its
 * fields, values as its options show them, in Italian (or English); the API's names and codes still
 * work. Values are read from the operator app's catalogues, as the form reads them; headers are the
 * import's (the form's label, or the import's own words for a column the form has not).
 */
type Messages = Record<string, Record<string, string>>;
const catalogue = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const enums = {
  it: catalogue('src/web/i18n/it.json').enums as Messages,
  en: catalogue('src/web/i18n/en.json').enums as Messages,
};
/** A column's header as the template writes it. */
const label = (field: string, language: 'it' | 'en' = 'it') => columnLabel(field)[language];
const word = (group: string, code: string, language: 'it' | 'en' = 'it') => enums[language][group]![code]!;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let t: TestApp;
let cav: Session;
beforeAll(async () => {
  t = await createTestApp();
  cav = await t.signIn('operatrice.cav');
});
afterAll(() => t.close());

/** A CSV as Italian Excel saves it: ";" between cells, a byte-order mark, quotes where needed. */
const italianCsv = (rows: string[][]) => `\uFEFF${stringify(rows, { delimiter: ';' })}`;

async function importFile(payload: string | Buffer, contentType = 'text/csv') {
  return cav.request({
    method: 'POST',
    url: '/api/incidents/import',
    payload,
    headers: { 'content-type': contentType },
  });
}

async function incidentCount() {
  const [row] = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from incidents`);
  return row!.n;
}

type Problem = { field: string; message: { it: string; en: string } };
const problemsOf = (res: { json(): unknown }) => (res.json() as { errors: Problem[] }).errors;

const FIELDS = [
  'survivorReference',
  'incidentMonth',
  'age',
  'ageBand',
  'gender',
  'citizenship',
  'language',
  'disability',
  'interpreterNeeded',
  'interpreterUsed',
  'municipality',
  'coreType',
  'forms',
  'childrenPresent',
  'childrenWitnessed',
  'authorRelationship',
  'authorAddictions',
  'authorPreviousComplaints',
  'protectionOrders',
  'riskPresentNow',
  'riskPossiblePast',
  'soughtHelpFrom',
  'referredBy',
  'referredByServices',
  'referredTo',
  'consentReporting',
];

/** One incident in the form's Italian words, and the same one in the API's codes. */
const IN_WORDS = [
  'CAV/2019-7',
  '03/2019',
  '34',
  '26-40 anni',
  'Donna o ragazza',
  'Marocco',
  'arabo',
  'Sì',
  'Sì',
  'no',
  'Treviglio',
  'Aggressione fisica',
  'Violenza fisica; violenza psicologica; minacce',
  'No',
  'SI',
  'Coniuge o partner convivente',
  'Alcol; gioco d’azzardo',
  'Sì',
  'Ammonimento del questore',
  'Lei crede che lui possa ucciderla; Ha usato un’arma o l’ha minacciata con un’arma',
  'Violenza aumentata in frequenza o gravità negli ultimi sei mesi',
  'Pronto soccorso; familiari',
  'Si è rivolta da sola; un servizio',
  'Forze dell’ordine',
  'Centro antiviolenza; Avvocato o servizi legali',
  'Sì',
];
const IN_CODES = [
  'CAV/2019-7',
  '2019-03',
  '34',
  '26-40',
  'female',
  'MA',
  'ar',
  'yes',
  'yes',
  'no',
  '016219',
  'physical_assault',
  'physical;psychological;threats',
  'false',
  'true',
  'spouse_partner',
  'alcohol;gambling',
  'yes',
  'police_warning',
  'belief_could_kill;weapon_threat',
  'escalation_six_months',
  'emergency_room;family',
  'self;service',
  'police',
  'anti_violence_centre;legal',
  'yes',
];

describe('a register in the form\u2019s words', () => {
  it('imports Italian headers and values (";" CSV), stored as the same codes as a register in codes', async () => {
    const header = FIELDS.map((f) => label(f));
    // Headers compared without case, accents or typographic apostrophes, as people retype them.
    header[3] = "FASCIA D'ETA";
    header[10] = header[10]!.replace("'", '\u2019');
    const res = await importFile(italianCsv([header, IN_WORDS]));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ rows: 1, created: 1, alreadyPresent: 0 });

    const [stored] = await queryRows<Record<string, unknown>>(
      t.database.db,
      sql`select incident_month, age, age_band, gender, citizenship, language, disability, interpreter_needed,
                 interpreter_used, municipality, core_type, forms, children_present, children_witnessed,
                 author_relationship, author_addictions, author_previous_complaints, protection_orders,
                 risk_assessment, sought_help_from, referred_by, referred_by_services, referred_to,
                 consent_reporting, contexts
          from incidents where import_key is not null order by created_at desc limit 1`,
    );
    expect(stored).toEqual({
      incident_month: '2019-03',
      age: 34,
      age_band: '26-40',
      gender: 'female',
      citizenship: 'MA',
      language: 'ar',
      disability: 'yes',
      interpreter_needed: true,
      interpreter_used: false,
      municipality: '016219',
      core_type: 'physical_assault',
      forms: ['physical', 'psychological', 'threats'],
      // Two facts, as the law words them: witnessed, but not at the scene.
      children_present: false,
      children_witnessed: true,
      author_relationship: 'spouse_partner',
      author_addictions: ['alcohol', 'gambling'],
      author_previous_complaints: 'yes',
      protection_orders: ['police_warning'],
      risk_assessment: {
        // The brief assessment's items, not the broader factors of the old list.
        belief_could_kill: { now: 'present' },
        weapon_threat: { now: 'present' },
        escalation_six_months: { past: 'possible' },
      },
      sought_help_from: ['emergency_room', 'family'],
      referred_by: ['self', 'service'],
      referred_by_services: ['police'],
      referred_to: ['anti_violence_centre', 'legal'],
      consent_reporting: true,
      contexts: ['intimate_partner_violence'],
    });

    // The API's names and codes, comma-separated: the very same incident, so nothing new.
    const inCodes = await importFile(stringify([FIELDS, IN_CODES]));
    expect(inCodes.statusCode, inCodes.body).toBe(200);
    expect(inCodes.json()).toEqual({ rows: 1, created: 0, alreadyPresent: 1 });
  });

  it('reads English labels and an Excel date and yes/no cell in an XLSX', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Register');
    sheet.addRow(FIELDS.map((f) => label(f, 'en')));
    const english = FIELDS.map((field, i) => {
      if (field === 'incidentMonth') return new Date(Date.UTC(2019, 4, 17));
      if (field === 'childrenWitnessed') return false;
      if (field === 'survivorReference') return 'CAV/2019-8';
      if (field === 'age') return 41;
      if (field === 'ageBand') return '';
      const group: Record<string, [string, string]> = {
        gender: ['gender', 'female'],
        coreType: ['coreType', 'physical_assault'],
        authorRelationship: ['authorRelationship', 'former_partner'],
        disability: ['yesNoUnknown', 'not_known'],
        referredBy: ['referrer', 'relatives_friends'],
        soughtHelpFrom: ['helpSource', 'nobody'],
      };
      const coded = group[field];
      if (coded) return word(coded[0], coded[1], 'en');
      if (field === 'referredByServices') return '';
      if (field === 'citizenship') return 'Morocco';
      if (field === 'language') return 'Arabic';
      if (field === 'forms')
        return `${word('violenceForm', 'physical', 'en')}; ${word('violenceForm', 'economic', 'en')}`;
      return IN_CODES[i]!;
    });
    sheet.addRow(english);
    const res = await importFile(Buffer.from(await workbook.xlsx.writeBuffer()), XLSX);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().created).toBe(1);
    const [stored] = await queryRows<Record<string, unknown>>(
      t.database.db,
      sql`select incident_month, age, age_band, forms, children_present, disability, sought_help_from, referred_by
          from incidents where import_key is not null order by created_at desc limit 1`,
    );
    expect(stored).toEqual({
      incident_month: '2019-05',
      age: 41,
      // The band follows from the age.
      age_band: '41-60',
      forms: ['physical', 'economic'],
      children_present: false,
      disability: 'not_known',
      sought_help_from: ['nobody'],
      referred_by: ['relatives_friends'],
    });
  });
});

/** A register as the import read it before issue 16: the form's words then, old columns and all. */
const OLD_HEADER = [
  'Numero di registro del servizio',
  "Mese dell'episodio",
  "Fascia d'età",
  'Anno di nascita',
  'Genere',
  'Cittadinanza',
  'Serviva un interprete o un mediatore?',
  "Comune dell'episodio",
  'Tipo (GBVIMS)',
  'Forme di violenza',
  'Minori testimoni della violenza (violenza assistita)',
  "Relazione dell'autore con la persona",
  'Indicatori di rischio di nuova violenza',
  'Primo servizio a cui la persona si è rivolta',
  "La persona acconsente a essere conteggiata nelle statistiche dell'Osservatorio",
];
const OLD_ROWS = [
  [
    'CAV/2018-1',
    '04/2018',
    '18–25 anni',
    '1997',
    'Donna',
    'Marocco',
    'No',
    'Treviglio',
    'Matrimonio forzato',
    'Violenza psicologica',
    'Sì',
    'Altro familiare',
    'Minacce di morte; Violenze precedenti; Gelosia e controllo ossessivi',
    'Forze dell’ordine',
    'Sì',
  ],
  [
    'CAV/2018-2',
    '05/2018',
    '41–60 anni',
    '1970',
    'Donna',
    'Italia',
    'No',
    'Treviglio',
    'Aggressione fisica',
    'Violenza fisica',
    '',
    'Ex coniuge o ex partner',
    '',
    'Centro antiviolenza',
    'Sì',
  ],
];

/**
 * The key the import gave a row before issue 16: the row's stored values then, sorted by name,
 * hashed. What the database derived (service, survivor code, district, citizenship group) is read
 * back; the rest is the row as the old import stored it.
 */
function keyBefore(stored: Record<string, unknown>, row: Record<string, unknown>) {
  const values = {
    serviceId: stored.service_id,
    status: 'recorded',
    survivorCode: stored.survivor_code,
    citizenshipGroup: stored.citizenship_group,
    districtId: stored.district_id,
    yearsInItaly: null,
    language: null,
    interpreterUsed: false,
    stalking: false,
    harmfulPractice: false,
    referredTo: [],
    servicesProvided: [],
    ...row,
  };
  return createHash('sha256')
    .update(JSON.stringify(Object.entries(values).sort(([a], [b]) => a.localeCompare(b))))
    .digest('base64url');
}

describe('a register written before issue 16', () => {
  it('is refused as it was, before its rows are read, naming the two columns to add', async () => {
    const res = await importFile(italianCsv([OLD_HEADER, ...OLD_ROWS]));
    expect(res.statusCode).toBe(400);
    expect(problemsOf(res).map((e) => e.message.it)).toEqual([
      `Riga 1 (intestazioni): manca la colonna «${label('referredBy')}», che serve per registrare gli episodi.`,
    ]);
    expect(problemsOf(res)[0]!.message.en).toBe(
      `Row 1 (headers): the column "${label('referredBy', 'en')}" is missing; it is needed to record the incidents.`,
    );
  });

  it('with who sent her added, imports: old codes and words read into the new fields, the old keys kept', async () => {
    const header = [...OLD_HEADER, label('referredBy')];
    const rows = OLD_ROWS.map((row) => [...row, word('referrer', 'self')]);
    const res = await importFile(italianCsv([header, ...rows]));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ rows: 2, created: 2, alreadyPresent: 0 });
    const stored = await queryRows<Record<string, unknown>>(
      t.database.db,
      sql`select service_id, survivor_code, district_id, citizenship_group, import_key, gender, age_band,
                 risk_assessment, sought_help_from, children_present, children_witnessed, contexts, referred_by
          from incidents where incident_month in ('2018-04', '2018-05') and import_key is not null
          order by incident_month`,
    );
    expect(stored).toHaveLength(2);
    const [married, assaulted] = stored as [Record<string, unknown>, Record<string, unknown>];
    expect(married).toMatchObject({
      gender: 'female',
      // Threats to kill and jealousy at intake are present now; previous violence is the past.
      risk_assessment: {
        threats_to_kill: { now: 'present' },
        jealousy_control: { now: 'present' },
        previous_violence: { past: 'present' },
      },
      // The police were whom she turned to; an anti-violence centre says nothing of it.
      sought_help_from: ['police'],
      // Witnessed is no longer taken for present; early marriage is a minor's only (she was 21).
      children_present: false,
      children_witnessed: true,
      contexts: [],
      referred_by: ['self'],
    });
    expect(assaulted).toMatchObject({
      risk_assessment: {},
      sought_help_from: [],
      contexts: ['intimate_partner_violence'],
    });

    // The keys are those the import gave these rows before issue 16.
    expect(married.import_key).toBe(
      keyBefore(married, {
        incidentMonth: '2018-04',
        ageBand: '18-25',
        birthYear: 1997,
        gender: 'female',
        citizenship: 'MA',
        interpreterNeeded: false,
        municipality: '016219',
        coreType: 'forced_marriage',
        forms: ['psychological'],
        childrenPresent: true,
        childrenWitnessed: true,
        authorRelationship: 'other_relative',
        riskIndicators: ['threats_to_kill', 'previous_violence', 'jealousy_control'],
        contexts: ['early_forced_marriage'],
        firstContact: 'police',
        consentReporting: true,
      }),
    );
    expect(assaulted.import_key).toBe(
      keyBefore(assaulted, {
        incidentMonth: '2018-05',
        ageBand: '41-60',
        birthYear: 1970,
        gender: 'female',
        citizenship: 'IT',
        interpreterNeeded: false,
        municipality: '016219',
        coreType: 'physical_assault',
        forms: ['physical'],
        childrenPresent: false,
        childrenWitnessed: false,
        authorRelationship: 'former_partner',
        riskIndicators: [],
        contexts: ['intimate_partner_violence'],
        firstContact: 'anti_violence_centre',
        consentReporting: true,
      }),
    );

    // Imported again, now with the age too: nothing new.
    const again = await importFile(
      italianCsv([[...header, label('age')], ...rows.map((row, i) => [...row, i === 0 ? '21' : '48'])]),
    );
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toEqual({ rows: 2, created: 0, alreadyPresent: 2 });
  });

  it('refuses an old harmful practice without its kind, naming the column to add', async () => {
    const before = await incidentCount();
    const res = await importFile(
      italianCsv([
        [
          ...OLD_HEADER,
          label('referredBy'),
          'Pratica tradizionale dannosa (ad esempio mutilazioni genitali femminili)',
        ],
        [...OLD_ROWS[0]!.map((v, i) => (i === 0 ? 'CAV/2018-9' : v)), 'self', 'Sì'],
      ]),
    );
    expect(res.statusCode).toBe(400);
    expect(await incidentCount()).toBe(before);
    const [problem] = problemsOf(res);
    expect(problem!.field).toBe('harmfulPracticeType');
    expect(problem!.message.it).toMatch(
      new RegExp(
        `^Riga 2: manca la colonna «${label('harmfulPracticeType')}», che serve per registrare questo episodio \\(se «.+» è Sì\\): aggiungila\\. Valori ammessi: ${word('harmfulPracticeType', 'fgm')};`,
      ),
    );
    expect(problem!.message.en).toContain(`the column "${label('harmfulPracticeType', 'en')}" is missing`);
  });

  it('with a harmful practice, keeps the key it had once the kind is added: nothing created or counted twice', async () => {
    const PRACTICE = 'Pratica tradizionale dannosa (ad esempio mutilazioni genitali femminili)';
    // FGM of a girl of nine in 2017, in the old register's words.
    const oldRow = [
      'CAV/2017-1',
      '09/2017',
      '0–11 anni',
      '2008',
      'Donna',
      'Marocco',
      'No',
      'Treviglio',
      word('coreType', 'sexual_assault'),
      word('violenceForm', 'sexual'),
      '',
      word('authorRelationship', 'other_relative'),
      '',
      'Forze dell’ordine',
      'Sì',
    ];
    const fgm = word('harmfulPracticeType', 'fgm');
    // What the import needs of it now: who sent her here, and the kind of the practice.
    const first = await importFile(
      italianCsv([
        [...OLD_HEADER, PRACTICE, label('referredBy'), label('harmfulPracticeType')],
        [...oldRow, 'Sì', word('referrer', 'self'), fgm],
      ]),
    );
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ rows: 1, created: 1, alreadyPresent: 0 });
    const storedRow = async () => {
      const [row] = await queryRows<Record<string, unknown>>(
        t.database.db,
        sql`select id, service_id, survivor_code, district_id, citizenship_group, import_key, harmful_practice_type
            from incidents where incident_month = '2017-09' and import_key is not null`,
      );
      return row!;
    };
    const stored = await storedRow();
    expect(stored.harmful_practice_type).toBe('fgm');
    // The key the import gave this row before issue 16, when the kind had no column.
    const oldKey = keyBefore(stored, {
      incidentMonth: '2017-09',
      ageBand: '0-11',
      birthYear: 2008,
      gender: 'female',
      citizenship: 'MA',
      interpreterNeeded: false,
      municipality: '016219',
      coreType: 'sexual_assault',
      forms: ['sexual'],
      childrenPresent: false,
      childrenWitnessed: false,
      authorRelationship: 'other_relative',
      riskIndicators: [],
      harmfulPractice: true,
      contexts: ['child_sexual_abuse', 'harmful_traditional_practice'],
      firstContact: 'police',
      consentReporting: true,
    });
    expect(stored.import_key).toBe(oldKey);

    // The row as an import before issue 16 left it: under that key, its kind and who sent her
    // not recorded (migration 0025).
    await t.database.db.execute(
      sql`update incidents set import_key = ${oldKey}, harmful_practice_type = 'not_recorded', referred_by = '{}'
          where id = ${stored.id}`,
    );
    const countsOf2017 = () =>
      queryRows<Record<string, unknown>>(
        t.database.db,
        sql`select table_key, row_category, column_category, count from incident_counts
            where year = 2017 order by 1, 2, 3`,
      );
    const countsBefore = await countsOf2017();
    expect(countsBefore).toContainEqual({
      table_key: 'contexts',
      row_category: 'harmful_traditional_practice',
      column_category: 'all',
      count: 1,
    });
    const before = await incidentCount();

    // The old register again, with every column it must now add (the age, who sent her and which
    // service, the kind of the practice): the same incident, so nothing new.
    const again = await importFile(
      italianCsv([
        [
          ...OLD_HEADER,
          PRACTICE,
          label('age'),
          label('referredBy'),
          label('referredByServices'),
          label('harmfulPracticeType'),
        ],
        [...oldRow, 'Sì', '9', word('referrer', 'service'), word('pathwayService', 'police'), fgm],
      ]),
    );
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toEqual({ rows: 1, created: 0, alreadyPresent: 1 });
    expect(await incidentCount()).toBe(before);
    expect(await countsOf2017()).toEqual(countsBefore);
    // The stored record is left as it was.
    expect(await storedRow()).toMatchObject({ import_key: oldKey, harmful_practice_type: 'not_recorded' });
  });
});

describe('the categories of the second part', () => {
  const HEADER = [
    'survivorReference',
    'incidentMonth',
    'age',
    'gender',
    'interpreterNeeded',
    'coreType',
    'nonGbvReason',
    'forms',
    'authorRelationship',
    'harmfulPractice',
    'harmfulPracticeType',
    'moneyExchanged',
    'abduction',
    'referredBy',
    'consentReporting',
  ].map((f) => label(f));
  const row = (cells: Record<string, string>) =>
    [
      ['survivorReference', 'CAV/2020-1'],
      ['incidentMonth', '2020-02'],
      ['age', '30'],
      ['gender', word('gender', 'female')],
      ['interpreterNeeded', 'No'],
      ['coreType', word('coreType', 'psychological_abuse')],
      ['nonGbvReason', ''],
      ['forms', word('violenceForm', 'psychological')],
      ['authorRelationship', word('authorRelationship', 'former_partner')],
      ['harmfulPractice', ''],
      ['harmfulPracticeType', ''],
      ['moneyExchanged', ''],
      ['abduction', ''],
      ['referredBy', word('referrer', 'self')],
      ['consentReporting', 'Sì'],
    ].map(([field, value]) => cells[field!] ?? value!);

  const REGISTER = [
    HEADER,
    // Outside the six GBVIMS types, with its reason and no form.
    row({
      survivorReference: 'CAV/2020-1',
      coreType: word('coreType', 'non_gbv'),
      nonGbvReason: word('nonGbvReason', 'conflict_without_abuse'),
      forms: '',
    }),
    // FGM of a girl: sexual assault, a harmful practice, child sexual abuse.
    row({
      survivorReference: 'CAV/2020-2',
      age: '9',
      coreType: word('coreType', 'sexual_assault'),
      forms: word('violenceForm', 'sexual'),
      authorRelationship: word('authorRelationship', 'other_relative'),
      harmfulPractice: 'Sì',
      harmfulPracticeType: word('harmfulPracticeType', 'fgm'),
    }),
    // A forced marriage at 15 is early marriage; at 24 it is not.
    row({
      survivorReference: 'CAV/2020-3',
      age: '15',
      coreType: word('coreType', 'forced_marriage'),
      authorRelationship: word('authorRelationship', 'parent'),
      harmfulPractice: 'Sì',
      harmfulPracticeType: word('harmfulPracticeType', 'child_marriage'),
    }),
    row({
      survivorReference: 'CAV/2020-4',
      age: '24',
      coreType: word('coreType', 'forced_marriage'),
      authorRelationship: word('authorRelationship', 'parent'),
    }),
    // Rape with money exchanged, of a trafficked woman.
    row({
      survivorReference: 'CAV/2020-5',
      coreType: word('coreType', 'rape'),
      forms: word('violenceForm', 'sexual'),
      authorRelationship: word('authorRelationship', 'stranger'),
      moneyExchanged: 'Sì',
      abduction: word('abduction', 'trafficked'),
    }),
  ];

  it('imports each, with the contexts GBVIMS derives; importing again creates nothing', async () => {
    const res = await importFile(italianCsv(REGISTER));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ rows: 5, created: 5, alreadyPresent: 0 });
    const stored = await queryRows<Record<string, unknown>>(
      t.database.db,
      sql`select core_type, non_gbv_reason, forms, age_band, harmful_practice_type, money_exchanged, abduction, contexts
          from incidents where incident_month = '2020-02' order by age, core_type`,
    );
    expect(stored).toEqual([
      {
        core_type: 'sexual_assault',
        non_gbv_reason: null,
        forms: ['sexual'],
        age_band: '0-11',
        harmful_practice_type: 'fgm',
        money_exchanged: null,
        abduction: null,
        contexts: ['child_sexual_abuse', 'harmful_traditional_practice'],
      },
      {
        core_type: 'forced_marriage',
        non_gbv_reason: null,
        forms: ['psychological'],
        age_band: '12-17',
        harmful_practice_type: 'child_marriage',
        money_exchanged: null,
        abduction: null,
        contexts: ['early_marriage', 'harmful_traditional_practice'],
      },
      {
        core_type: 'forced_marriage',
        non_gbv_reason: null,
        forms: ['psychological'],
        age_band: '18-25',
        harmful_practice_type: null,
        money_exchanged: null,
        abduction: null,
        contexts: [],
      },
      {
        core_type: 'non_gbv',
        non_gbv_reason: 'conflict_without_abuse',
        forms: [],
        age_band: '26-40',
        harmful_practice_type: null,
        money_exchanged: null,
        abduction: null,
        contexts: [],
      },
      {
        core_type: 'rape',
        non_gbv_reason: null,
        forms: ['sexual'],
        age_band: '26-40',
        harmful_practice_type: null,
        money_exchanged: 'yes',
        abduction: 'trafficked',
        contexts: ['possible_sexual_exploitation', 'possible_sexual_slavery'],
      },
    ]);

    const again = await importFile(italianCsv(REGISTER));
    expect(again.json()).toEqual({ rows: 5, created: 0, alreadyPresent: 5 });
    // An empty column of the second part added to the file changes nothing either.
    const withEmpty = await importFile(
      italianCsv(REGISTER.map((r, i) => [...r, i === 0 ? label('disability') : ''])),
    );
    expect(withEmpty.json()).toEqual({ rows: 5, created: 0, alreadyPresent: 5 });
  });

  it('refuses FGM typed as physical assault, and a non-GBV row without its reason, by row and column', async () => {
    const before = await incidentCount();
    const res = await importFile(
      italianCsv([
        HEADER,
        row({
          survivorReference: 'CAV/2020-11',
          age: '10',
          coreType: word('coreType', 'physical_assault'),
          forms: word('violenceForm', 'physical'),
          harmfulPractice: 'Sì',
          harmfulPracticeType: word('harmfulPracticeType', 'fgm'),
        }),
        row({ survivorReference: 'CAV/2020-12', coreType: 'Non-GBV', forms: '' }),
      ]),
    );
    expect(res.statusCode).toBe(400);
    expect(await incidentCount()).toBe(before);
    const [fgm, reason] = problemsOf(res);
    expect(fgm).toMatchObject({ field: 'coreType' });
    expect(fgm!.message.it).toBe(
      `Riga 2, colonna «${label('coreType')}»: «${word('harmfulPracticeType', 'fgm')}» è un'aggressione sessuale in GBVIMS, mai un'aggressione fisica: il tipo è «${word('coreType', 'sexual_assault')}», o «${word('coreType', 'rape')}» se c'è stata penetrazione.`,
    );
    expect(fgm!.message.en).toContain(`Row 2, column "${label('coreType', 'en')}"`);
    expect(reason).toMatchObject({ field: 'nonGbvReason' });
    expect(reason!.message.it).toMatch(
      new RegExp(
        `^Riga 3, colonna «${label('nonGbvReason')}»: la cella è vuota, ma l'episodio non rientra nei sei tipi GBVIMS: controlla il tipo, poi indica il motivo\\. Valori ammessi: ${word('nonGbvReason', 'other_violence').replace(/[()]/g, '\\$&')};`,
      ),
    );
    for (const message of problemsOf(res).flatMap((e) => [e.message.it, e.message.en])) {
      expect(message).not.toMatch(/coreType|nonGbvReason|physical_assault|\bfgm\b/);
    }
  });
});

describe('a register with mistakes', () => {
  const header = FIELDS.map((f) => label(f));
  const withCell = (field: string, value: string, reference: string) =>
    IN_WORDS.map((v, i) => (FIELDS[i] === field ? value : i === 0 ? reference : v));

  it('names the spreadsheet row, the column in words and the allowed values; imports nothing', async () => {
    const before = await incidentCount();
    const res = await importFile(
      italianCsv([
        header,
        withCell('survivorReference', 'E-1', 'E-1'),
        withCell('ageBand', '70-80', 'E-2'),
        withCell('gender', 'F', 'E-3'),
        withCell('gender', 'F', 'E-4'),
        withCell('gender', 'F', 'E-5'),
        withCell('municipality', 'Milano', 'E-6'),
        withCell('forms', 'Violenza psicologica', 'E-7'),
        withCell('age', 'trenta', 'E-8'),
      ]),
    );
    expect(res.statusCode).toBe(400);
    expect(await incidentCount()).toBe(before);
    const body = res.json() as {
      detail: string;
      errors: { field: string; message: { it: string; en: string } }[];
    };
    const it = body.errors.map((e) => e.message.it);
    const ageBands = Object.values(enums.it.ageBand!).join('; ');
    expect(it).toContain(
      `Riga 3, colonna «${label('ageBand')}»: «70-80» non è un valore ammesso. Valori ammessi: ${ageBands}.`,
    );
    // One mistake repeated down a column is one problem, with its rows.
    expect(it).toContain(
      `Righe 4–6, colonna «${label('gender')}»: «F» non è un valore ammesso. Valori ammessi: ${Object.values(enums.it.gender!).join('; ')}.`,
    );
    const comune = it.find((m) => m.startsWith('Riga 7'))!;
    expect(comune).toContain(`colonna «${label('municipality')}»: «Milano» non è un valore ammesso`);
    expect(comune).toContain('Caravaggio; ');
    expect(comune).toContain('codice ISTAT');
    expect(it.find((m) => m.startsWith('Riga 8'))).toBe(
      `Riga 8, colonna «${label('forms')}»: deve comprendere «${enums.it.violenceForm!.physical}», la forma implicata dal tipo «${enums.it.coreType!.physical_assault}».`,
    );
    expect(it.find((m) => m.startsWith('Riga 9'))).toBe(
      `Riga 9, colonna «${label('age')}»: «trenta» non è un'età valida. Scrivi gli anni compiuti, un numero intero da 0 a 120.`,
    );
    expect(
      res.json().errors.find((e: { message: { en: string } }) => e.message.en.startsWith('Row 3'))?.message
        .en,
    ).toContain(`column "${label('ageBand', 'en')}"`);
    // Words for people, never the API's names or codes.
    for (const message of body.errors.flatMap((e) => [e.message.it, e.message.en])) {
      expect(message).not.toMatch(/ageBand|gender|municipality|physical_assault|\b26-40\b/);
    }
    expect(body.errors.map((e) => e.field)).toEqual(['ageBand', 'gender', 'municipality', 'forms', 'age']);
    expect(body.detail).toContain('7 righe hanno errori');
  });

  it('refuses an unknown or missing column before reading the rows', async () => {
    const unknown = await importFile(
      italianCsv([
        [...header, 'nome'],
        [...IN_WORDS, 'Fatima'],
      ]),
    );
    expect(unknown.statusCode).toBe(400);
    const [first] = unknown.json().errors;
    // The 27th column: the spreadsheet's letters, as the person sees them.
    expect(header).toHaveLength(26);
    expect(first.message.it).toMatch(
      /^Riga 1 \(intestazioni\), colonna AA: «nome» non è una colonna del registro/,
    );
    const missing = await importFile(italianCsv([header.slice(1), IN_WORDS.slice(1)]));
    expect(missing.json().errors[0].message.it).toBe(
      `Riga 1 (intestazioni): manca la colonna «${label('survivorReference')}», che serve per registrare gli episodi.`,
    );
    // Neither the age nor the year of birth; and no age band without the age.
    const ages = ['age', 'ageBand'].map((f) => FIELDS.indexOf(f));
    const noAge = await importFile(
      italianCsv([header.filter((_, i) => !ages.includes(i)), IN_WORDS.filter((_, i) => !ages.includes(i))]),
    );
    expect(noAge.json().errors.map((e: Problem) => e.message.it)).toEqual([
      `Riga 1 (intestazioni): manca la colonna «${label('age')}» (oppure «${label('birthYear')}»), che serve per registrare gli episodi.`,
      `Riga 1 (intestazioni): manca la colonna «${label('ageBand')}» (oppure «${label('age')}»), che serve per registrare gli episodi.`,
    ]);
  });

  it('refuses the old risk list beside the new columns in one row, and a factor twice in a period', async () => {
    const res = await importFile(
      italianCsv([
        [...header, 'Indicatori di rischio di nuova violenza', label('riskAbsentNow')],
        [...IN_WORDS, 'Minacce di morte', ''],
        // The weapon of the brief assessment is already present now in this row.
        [...withCell('survivorReference', 'R-2', 'R-2'), '', 'weapon_threat'],
      ]),
    );
    expect(res.statusCode).toBe(400);
    expect(problemsOf(res).map((e) => [e.field, e.message.it.split(':')[0]])).toEqual([
      ['riskIndicators', 'Riga 2, colonna «Indicatori di rischio di nuova violenza»'],
      ['riskAbsentNow', `Riga 3, colonna «${label('riskAbsentNow')}»`],
    ]);
  });

  it('lists the first 50 problems and counts the rest', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => [
      ...withCell('survivorReference', `R-${i}`, ''),
      `anno ${i}`,
    ]);
    const res = await importFile(italianCsv([[...header, label('birthYear')], ...rows]));
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.errors).toHaveLength(50);
    expect(body.errors[0].message.it).toBe(
      `Riga 2, colonna «${label('birthYear')}»: «anno 0» non è un anno. Scrivi quattro cifre, ad esempio 1990.`,
    );
    expect(body.localized.it.detail).toBe(
      'Non è stato importato nulla: 60 righe hanno errori. Correggi il file e caricalo di nuovo. Sono elencati i primi 50 errori; altri 10 non sono elencati.',
    );
    expect(body.localized.en.detail).toContain('The first 50 errors are listed; 10 more are not.');
  });
  it('answers a hostile file briefly: long cells are not echoed, and reading stops at the problem cap', async () => {
    const long = `a${' '.repeat(2_000)}a`;
    const rows = Array.from({ length: 1100 }, (_, i) => withCell('forms', i < 50 ? long : 'zzz', `H-${i}`));
    const res = await importFile(italianCsv([header, ...rows]));
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.errors[0].message.it).toContain('troppo lungo');
    expect(res.body.length).toBeLessThan(60_000);
    expect(res.body).not.toContain(' '.repeat(100));
    expect(body.localized.it.detail).toContain('La lettura si è fermata prima della fine del file');
  });
});

describe('the register template', () => {
  async function template(query = '') {
    const res = await cav.request({ method: 'GET', url: `/api/incidents/import/template${query}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    return { workbook, payload: res.rawPayload };
  }

  /** The values a cell's drop-down offers, read from the sheet its formula points to. */
  function dropDown(workbook: ExcelJS.Workbook, cell: ExcelJS.Cell): string[] {
    expect(cell.dataValidation?.type).toBe('list');
    const match = /^'?([^'!]+)'?!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)$/.exec(
      String(cell.dataValidation.formulae[0]),
    );
    expect(match).not.toBeNull();
    const [, sheetName, column, from, to] = match!;
    const sheet = workbook.getWorksheet(sheetName!)!;
    const values: string[] = [];
    for (let row = Number(from); row <= Number(to); row++)
      values.push(String(sheet.getCell(`${column}${row}`).value));
    return values;
  }

  it('has the form\u2019s Italian headers, drop-downs in words and a legend', async () => {
    const { workbook } = await template();
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Registro', 'Legenda', 'Valori']);
    const register = workbook.getWorksheet('Registro')!;
    const headers = (register.getRow(1).values as unknown[]).slice(1) as string[];
    expect(headers[0]).toBe(label('survivorReference'));
    for (const field of [
      'age',
      'ageBand',
      'gender',
      'disability',
      'interpreterNeeded',
      'coreType',
      'nonGbvReason',
      'forms',
      'harmfulPracticeType',
      'moneyExchanged',
      'abduction',
      'authorAddictions',
      'authorPreviousComplaints',
      'protectionOrders',
      'riskPresentNow',
      'riskPossibleNow',
      'riskAbsentNow',
      'riskPresentPast',
      'riskPossiblePast',
      'riskAbsentPast',
      'soughtHelpFrom',
      'referredBy',
      'referredByServices',
      'consentReporting',
    ]) {
      expect(headers).toContain(label(field));
    }
    // The old columns are read, never offered.
    expect(headers).not.toContain('Indicatori di rischio di nuova violenza');
    expect(headers).not.toContain('Primo servizio a cui la persona si è rivolta');
    const columnOf = (field: string) => headers.indexOf(label(field)) + 1;
    expect(dropDown(workbook, register.getCell(2, columnOf('ageBand')))).toEqual(
      Object.values(enums.it.ageBand!),
    );
    expect(dropDown(workbook, register.getCell(400, columnOf('interpreterNeeded')))).toEqual(['Sì', 'No']);
    expect(dropDown(workbook, register.getCell(2, columnOf('citizenship')))).toContain('Marocco');
    expect(dropDown(workbook, register.getCell(2, columnOf('coreType')))).toContain(
      word('coreType', 'non_gbv'),
    );
    expect(dropDown(workbook, register.getCell(2, columnOf('disability')))).toEqual([
      word('yesNoUnknown', 'yes'),
      word('yesNoUnknown', 'no'),
      word('yesNoUnknown', 'not_known'),
    ]);
    const factors = dropDown(workbook, register.getCell(2, columnOf('riskPossiblePast')));
    // The brief assessment first, then the other factors, each in its own words.
    const brief = [
      'escalation_six_months',
      'weapon_threat',
      'belief_could_kill',
      'violence_in_pregnancy',
      'violent_jealousy',
    ];
    expect(factors.slice(0, 5)).toEqual(brief.map((code) => word('riskFactor', code)));
    // The old list's factors keep their words, apart from the brief items.
    expect(factors.slice(5, 9)).toEqual(
      ['previous_violence', 'escalation', 'weapon', 'jealousy_control'].map((code) =>
        word('riskFactor', code),
      ),
    );
    expect(factors[6]).toBe('Violenza in aumento (escalation)');
    expect(factors).toHaveLength(16);
    expect(dropDown(workbook, register.getCell(2, columnOf('referredBy')))).toEqual(
      Object.values(enums.it.referrer!),
    );
    expect(dropDown(workbook, register.getCell(2, columnOf('harmfulPracticeType')))).not.toContain(
      word('harmfulPracticeType', 'not_recorded'),
    );

    const legend = workbook.getWorksheet('Legenda')!;
    const rows: string[][] = [];
    legend.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map(String)));
    expect(rows[0]).toEqual(['Colonna', 'Obbligatoria', 'Valori ammessi', 'Formato', 'Note']);
    const legendOf = (field: string) => rows.find((r) => r[0] === label(field))!;
    expect(legendOf('ageBand')[1]).toBe(`Sì, se manca «${label('age')}»`);
    expect(legendOf('ageBand')[2]).toBe(Object.values(enums.it.ageBand!).join('; '));
    expect(legendOf('age')[1]).toBe(`Sì, oppure «${label('birthYear')}»`);
    expect(legendOf('birthYear')[1]).toBe(`Sì, oppure «${label('age')}»`);
    expect(legendOf('birthYear')[3]).toMatch(/anno/i);
    expect(legendOf('referredBy')[1]).toBe('Sì');
    expect(legendOf('nonGbvReason')[1]).toBe(
      `Sì, se «${label('coreType')}» è «${word('coreType', 'non_gbv')}»`,
    );
    expect(legendOf('harmfulPracticeType')[1]).toBe(`Sì, se «${label('harmfulPractice')}» è Sì`);
    expect(legendOf('referredByServices')[1]).toBe(
      `Sì, se «${label('referredBy')}» comprende «${word('referrer', 'service')}»`,
    );
    expect(legendOf('riskPresentNow')[4]).toContain('DPCM');
    expect(legendOf('soughtHelpFrom')[4]).toContain(`«${word('helpSource', 'nobody')}» esclude le altre`);
    // How a register written before is read, in words.
    expect(
      rows.some((r) => r[0]!.startsWith('Registri compilati prima: la colonna «Indicatori di rischio')),
    ).toBe(true);
  });

  it('filled in with words from its own lists, imports', async () => {
    const { workbook } = await template();
    const register = workbook.getWorksheet('Registro')!;
    const headers = (register.getRow(1).values as unknown[]).slice(1) as string[];
    const fill: Record<string, string> = {
      [label('survivorReference')]: 'T/2019-1',
      [label('incidentMonth')]: '2019-06',
      [label('age')]: '45',
      [label('gender')]: word('gender', 'female'),
      [label('interpreterNeeded')]: 'No',
      [label('coreType')]: word('coreType', 'psychological_abuse'),
      [label('forms')]: word('violenceForm', 'psychological'),
      [label('authorRelationship')]: word('authorRelationship', 'former_partner'),
      [label('riskPresentNow')]: word('riskFactor', 'violent_jealousy'),
      [label('soughtHelpFrom')]: word('helpSource', 'helpline_1522'),
      [label('referredBy')]: word('referrer', 'service'),
      [label('referredByServices')]: word('pathwayService', 'help_desk'),
      [label('municipality')]: "Arzago d'Adda",
      [label('consentReporting')]: 'Sì',
    };
    headers.forEach((header, i) => {
      if (fill[header]) register.getCell(2, i + 1).value = fill[header];
    });
    const res = await importFile(Buffer.from(await workbook.xlsx.writeBuffer()), XLSX);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ rows: 1, created: 1, alreadyPresent: 0 });
  });

  it('comes in English when asked', async () => {
    const { workbook } = await template('?lang=en');
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Register', 'Legend', 'Values']);
    const headers = (workbook.getWorksheet('Register')!.getRow(1).values as unknown[]).slice(1);
    expect(headers[0]).toBe(label('survivorReference', 'en'));
    expect(headers).toContain(label('riskPossibleNow', 'en'));
    expect(headers).toContain(label('referredBy', 'en'));
  });
});
