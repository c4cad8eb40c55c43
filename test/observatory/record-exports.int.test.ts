import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TExport } from '../../src/contracts/exports.js';
import { INCIDENT_RECORDER_COLUMNS } from '../../src/server/modules/observatory/observatory.incident-recorder.js';
import { ISTAT_SURVEY_COLUMNS } from '../../src/server/modules/observatory/observatory.istat-survey.js';
import type { AccessContext } from '../../src/server/platform/access/access-context.js';
import { dbContextOf } from '../../src/server/platform/access/access-context.js';
import { queryRows } from '../../src/server/platform/db/client.js';
import { createTestApp, type Session, type TestApp } from '../harness/test-app.js';

/**
 * The Incident Recorder and ISTAT survey exports (issue 16, item 14), end to end: incidents
 * recorded through the API, each export asked for, run as a job and downloaded as XLSX, then one
 * record read cell by cell. 2018: the demo data has no incident that year, so every row is ours.
 */
const YEAR = 2018;
let t: TestApp;
let cav: Session;
let otherService: Session;
const codes = { woman: '', firstIncident: '', man: '', noConsent: '', old: '', elsewhere: '' };

function incident(overrides: Record<string, unknown> = {}) {
  return {
    status: 'recorded',
    survivorReference: 'CAV-2018/1',
    incidentMonth: `${YEAR}-02`,
    age: 34,
    gender: 'female',
    citizenship: 'MA',
    yearsInItaly: '1_5',
    language: 'ar',
    disability: 'yes',
    interpreterNeeded: true,
    interpreterUsed: true,
    municipality: '016219',
    // Female genital mutilation is sexual assault in GBVIMS (question 2).
    classification: { penetration: false, sexualContact: true },
    forms: ['sexual', 'threats'],
    childrenPresent: true,
    childrenWitnessed: false,
    authorRelationship: 'former_partner',
    authorAddictions: ['alcohol'],
    authorPreviousComplaints: 'yes',
    protectionOrders: ['police_warning'],
    riskAssessment: { previous_violence: { past: 'present' }, weapon_threat: { now: 'possible' } },
    harmfulPractice: true,
    harmfulPracticeType: 'fgm',
    moneyExchanged: 'yes',
    abduction: 'trafficked',
    soughtHelpFrom: ['family', 'police'],
    referredBy: ['self', 'service'],
    referredByServices: ['health_emergency', 'police'],
    referredTo: ['legal', 'shelter'],
    servicesProvided: ['listening', 'legal_advice'],
    consentReporting: true,
    ...overrides,
  };
}

/** A second incident of the same woman, later in the year: other forms, other answers. */
const later = {
  incidentMonth: `${YEAR}-05`,
  classification: { penetration: false, sexualContact: false, physicalAssault: true },
  forms: ['physical', 'technology_facilitated'],
  stalking: true,
  childrenPresent: false,
  childrenWitnessed: true,
  authorRelationship: 'spouse_partner',
  authorAddictions: ['none'],
  protectionOrders: ['none'],
  riskAssessment: {},
  harmfulPractice: false,
  harmfulPracticeType: null,
  moneyExchanged: 'no',
  abduction: 'none',
  soughtHelpFrom: ['nobody'],
  referredBy: ['relatives_friends'],
  referredByServices: [],
  referredTo: [],
  servicesProvided: ['psychological_support'],
};
const sixNoes = {
  penetration: false,
  sexualContact: false,
  physicalAssault: false,
  forcedMarriage: false,
  denialOfResources: false,
  psychologicalAbuse: false,
};

async function record(session: Session, payload: object) {
  const res = await session.request({ method: 'POST', url: '/api/incidents', payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; survivorCode: string };
}

beforeAll(async () => {
  t = await createTestApp();
  cav = await t.signIn('operatrice.cav');
  otherService = await t.signIn('operatrice');
  const first = await record(cav, incident());
  codes.woman = first.survivorCode;
  codes.firstIncident = first.id;
  await record(cav, incident(later));
  // Outside the six types: her register keeps it, the survey does not count it.
  await record(
    cav,
    incident({
      ...later,
      incidentMonth: `${YEAR}-06`,
      classification: sixNoes,
      forms: [],
      nonGbvReason: 'conflict_without_abuse',
    }),
  );
  // The year before: neither export of this year.
  await record(cav, incident({ incidentMonth: `${YEAR - 1}-11` }));
  codes.man = (
    await record(cav, incident({ ...later, survivorReference: 'CAV-2018/2', gender: 'male' }))
  ).survivorCode;
  codes.noConsent = (
    await record(cav, incident({ ...later, survivorReference: 'CAV-2018/3', consentReporting: false }))
  ).survivorCode;
  // A harmful practice recorded before its kind was asked (migration 0025): the kind is "not recorded".
  const old = await record(
    cav,
    incident({
      ...later,
      survivorReference: 'CAV-2018/4',
      harmfulPractice: true,
      harmfulPracticeType: 'other',
    }),
  );
  codes.old = old.survivorCode;
  await t.database.query(`update incidents set harmful_practice_type = 'not_recorded' where id = $1`, [
    old.id,
  ]);
  // Another service's woman with the same register number: never in this service's files.
  codes.elsewhere = (await record(otherService, incident())).survivorCode;
});
afterAll(() => t.close());

async function exportFile(kind: string, params: object = { year: YEAR }) {
  const asked = await cav.request({
    method: 'POST',
    url: '/api/exports',
    payload: { kind, format: 'xlsx', params },
  });
  expect(asked.statusCode, asked.body).toBe(202);
  const id = (asked.json() as TExport).id;
  await t.runJobs();
  const done = (await cav.request({ method: 'GET', url: `/api/exports/${id}` })).json() as TExport;
  expect(done.state, done.error ?? '').toBe('ready');
  const link = await cav.request({ method: 'POST', url: `/api/exports/${id}/download` });
  expect(link.statusCode).toBe(200);
  const file = await cav.request({ method: 'GET', url: (link.json() as { url: string }).url });
  expect(file.statusCode).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1);
  const rows: Record<string, unknown>[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const values = row.values as unknown[];
    rows.push(Object.fromEntries(header.map((name, index) => [String(name), values[index + 1] ?? null])));
  });
  return { id, done, header, rows };
}

async function auditOf(id: string) {
  const events = await queryRows<{ action: string }>(
    t.database.db,
    sql`select action from audit_events where record_id = ${id} order by id`,
  );
  return events.map((e) => e.action);
}

async function fileClassOf(id: string) {
  const [file] = await queryRows<{ data_class: string }>(
    t.database.db,
    sql`select f.data_class from export_runs r join stored_files f on f.id = r.file_id where r.id = ${id}`,
  );
  return file?.data_class;
}

describe('the GBVIMS Incident Recorder export', () => {
  it('writes the IR’s columns, one row per recorded incident of the service in the year, in the IR’s words', async () => {
    const { id, header, rows, done } = await exportFile('observatory.incident-recorder');
    expect(header).toEqual([...INCIDENT_RECORDER_COLUMNS]);
    expect(header.slice(0, 3)).toEqual(['INCIDENT ID', 'SURVIVOR CODE', 'CASE MANAGER CODE']);
    // Her three incidents of the year (the non-GBV one included), the man's, the one without consent, the old one.
    expect(rows).toHaveLength(6);
    expect(done.rowsTotal).toBe(6);
    expect(rows.map((r) => r['SURVIVOR CODE'])).not.toContain(codes.elsewhere);

    const first = rows.find((r) => r['INCIDENT ID'] === codes.firstIncident)!;
    expect(first).toMatchObject({
      'SURVIVOR CODE': codes.woman,
      'DATE OF INCIDENT': `${YEAR}-02`,
      SEX: 'F',
      'COUNTRY OF ORIGIN': 'Morocco',
      'INCIDENT CAMP / TOWN': 'Treviglio',
      'GBV TYPE': 'Sexual Assault',
      'HARMFUL TRADITIONAL PRACTICE': 'Female Genital Mutilation / Cutting',
      'MONEY, GOODS, BENEFITS AND / OR SERVICES EXCHANGED ?': 'Yes',
      'TYPE OF ABDUCTION': 'Trafficked',
      'PREVIOUS GBV INCIDENTS?': 'Yes',
      'ALLEGED PERPETRATOR - SURVIVOR RELATIONSHIP': 'Intimate Partner / Former Partner',
      'REFERRED TO YOU FROM?':
        'Self Referral / First Point of Contact & Health / Medical Services & Police / Other Security Actor',
      'SAFE HOUSE / SHELTER': 'Referred',
      // Referred elsewhere and given by the service itself: what the service did comes first.
      'LEGAL ASSISTANCE SERVICES': 'Service provided by your agency',
      'PSYCHOSOCIAL SERVICES': 'Service provided by your agency',
      'CONSENT GIVEN': 'Yes',
      'SURVIVOR AGE GROUP AT INCIDENT': 'Age 26 - 40',
    });
    expect(String(first['INCIDENT DISTRICT'])).toMatch(/Treviglio/);
    // What Trama does not collect stays empty, never guessed.
    for (const column of [
      'CASE MANAGER CODE',
      'ETHNICITY',
      'DISPLACEMENT STATUS AT REPORT',
      'PERSON WITH DISABILITY?',
      'INCIDENT TIME OF DAY',
      'INCIDENT LOCATION',
      'ALLEGED PERPETRATOR SEX',
      'ALLEGED PERPETRATOR OCCUPATION',
      'WANTS LEGAL ACTION?',
      'HEALTH / MEDICAL SERVICES',
    ])
      expect(first[column], column).toBeNull();

    const byCode = (code: string) => rows.filter((r) => r['SURVIVOR CODE'] === code);
    expect(
      byCode(codes.woman)
        .map((r) => r['GBV TYPE'])
        .sort(),
    ).toEqual(['Non-GBV', 'Physical Assault', 'Sexual Assault']);
    const second = byCode(codes.woman).find((r) => r['GBV TYPE'] === 'Physical Assault')!;
    expect(second).toMatchObject({
      'HARMFUL TRADITIONAL PRACTICE': 'No',
      'TYPE OF ABDUCTION': 'None',
      'REFERRED TO YOU FROM?': 'Other',
      'PSYCHOSOCIAL SERVICES': 'Service provided by your agency',
      'PREVIOUS GBV INCIDENTS?': null,
    });
    expect(byCode(codes.man)[0]).toMatchObject({ SEX: 'M' });
    expect(byCode(codes.noConsent)[0]).toMatchObject({ 'CONSENT GIVEN': 'No' });
    // An old practice whose kind was never asked: the cell is left empty.
    expect(byCode(codes.old)[0]).toMatchObject({ 'HARMFUL TRADITIONAL PRACTICE': null });

    expect(await fileClassOf(id)).toBe('special');
    expect(await auditOf(id)).toEqual([
      'export.requested',
      'file.stored',
      'export.completed',
      'export.downloaded',
      'file.link_created',
      'file.downloaded',
    ]);
  });
});

describe('the ISTAT survey export', () => {
  it('writes one row per woman of the service in the year, her incidents joined, in ISTAT’s words', async () => {
    const { id, header, rows } = await exportFile('observatory.istat-survey');
    expect(header).toEqual([...ISTAT_SURVEY_COLUMNS]);
    // Only the woman counted: the man, the record without consent and another service's woman are out;
    // the old record is hers, counted.
    expect(rows.map((r) => r['Codice della donna']).sort()).toEqual([codes.woman, codes.old].sort());
    const woman = rows.find((r) => r['Codice della donna'] === codes.woman)!;
    expect(woman).toMatchObject({
      Anno: YEAR,
      'Classe di età': '30–39 anni',
      Cittadinanza: 'Marocco',
      'Cittadinanza italiana o straniera': "Paese terzo (fuori dall'UE)",
      'Da quanto tempo vive in Italia': 'Da 1 a 5 anni',
      Disabilità: 'Sì',
      // Forms over her two counted incidents; threats and technology apart from psychological violence.
      'Violenza fisica': 'Sì',
      'Violenza sessuale': 'Sì',
      'Violenza psicologica': 'No',
      'Violenza economica': 'No',
      Minacce: 'Sì',
      'Violenza facilitata dalla tecnologia (online, telefono, localizzazione)': 'Sì',
      'Diffusione non consensuale di immagini o video sessuali': 'No',
      'Stalking (atti persecutori)': 'Sì',
      // The author of her first incident of the year.
      'Autore: relazione con la donna': 'Ex coniuge o ex partner',
      'Autore: classe ISTAT': 'Ex partner',
      'Autore: dipendenze': 'Alcol',
      'Autore: denunce precedenti': 'Sì',
      'Provvedimenti di protezione': 'Ammonimento del questore',
      'Figli presenti alla violenza': 'Sì',
      'Figli che hanno assistito alla violenza (violenza assistita)': 'Sì',
      // "Nobody" on one incident does not erase whom she turned to on another.
      'A chi si è rivolta prima': "Familiari; Forze dell'ordine",
      'Chi l’ha indirizzata al servizio': 'Si è rivolta da sola; Parenti, amici o amiche; Un servizio',
      'Servizi che l’hanno indirizzata': "Pronto soccorso o servizi sanitari; Forze dell'ordine",
      'Servizi erogati': 'Ascolto e accoglienza; Sostegno psicologico; Consulenza legale',
      // The non-GBV incident and the one of the year before are not counted.
      'Episodi nell’anno': 2,
    });

    expect(await fileClassOf(id)).toBe('special');
    expect(await auditOf(id)).toContain('export.requested');
    expect(await auditOf(id)).toContain('export.downloaded');
  });

  it('reads its pages by survivor code, each woman once', async () => {
    const { istatSurveyExport } = await import(
      '../../src/server/modules/observatory/observatory.istat-survey.js'
    );
    const { withDbContext } = await import('../../src/server/platform/db/context.js');
    // The membership she was recorded in: the service of her incidents.
    const [member] = await queryRows<{ user_id: string; service_id: string; role: string }>(
      t.database.db,
      sql`select u.id as user_id, m.service_id, m.role from users u join memberships m on m.user_id = u.id
            where u.username = 'operatrice.cav'
              and m.service_id = (select service_id from incidents where id = ${codes.firstIncident})`,
    );
    const ctx = {
      userId: member!.user_id,
      role: member!.role,
      organisationId: null,
      serviceId: member!.service_id,
    } as AccessContext;
    const read = (after: string | null) =>
      withDbContext(t.database.db, dbContextOf(ctx), (tx) =>
        istatSurveyExport.page({ tx, ctx, params: { year: YEAR }, after, limit: 1 }),
      );
    const one = await read(null);
    const two = await read(one.last);
    const three = await read(two.last);
    expect([one.rows.length, two.rows.length, three.rows.length]).toEqual([1, 1, 0]);
    expect([one.last, two.last].sort()).toEqual([codes.woman, codes.old].sort());
    // Her two incidents are on one row even when the page holds one woman.
    const hers = [one, two].find((page) => page.last === codes.woman)!;
    expect(hers.rows[0]!.at(-1)).toBe(2);
  });
});

describe('the register export', () => {
  it('carries the new answers in words: risk assessment, whom she turned to, who sent her, author data', async () => {
    const { rows } = await exportFile('observatory.incidents');
    const first = rows.find((r) => r['Codice della persona'] === codes.woman && r.Mese === `${YEAR}-02`)!;
    expect(first).toMatchObject({
      'Età all’episodio': 34,
      Disabilità: 'Sì',
      'Tipo di pratica dannosa': 'Mutilazione genitale femminile',
      'Rapimento o tratta': 'Vittima di tratta',
      'Dipendenze dell’autore': 'Alcol',
      'Valutazione del rischio':
        'Ha usato un’arma o l’ha minacciata con un’arma: ora forse presente; Violenze precedenti: in passato presente',
      'A chi si era rivolta prima': "Familiari; Forze dell'ordine",
      'Chi l’ha inviata': 'Si è rivolta da sola; Un servizio',
      'Servizi che l’hanno inviata': "Pronto soccorso o servizi sanitari; Forze dell'ordine",
    });
    const outside = rows.find((r) => r['Codice della persona'] === codes.woman && r.Mese === `${YEAR}-06`)!;
    expect(outside).toMatchObject({
      'Tipo di violenza (GBVIMS)': 'Non rientra nei sei tipi GBVIMS',
      'Motivo (fuori dai sei tipi GBVIMS)': 'Conflitto familiare o di coppia senza abuso',
    });
    expect(rows.map((r) => r['Codice della persona'])).not.toContain(codes.elsewhere);
  });
});

describe('asking for them', () => {
  it('requires a year, and the permission to record incidents', async () => {
    for (const kind of ['observatory.incident-recorder', 'observatory.istat-survey']) {
      const bare = await cav.request({
        method: 'POST',
        url: '/api/exports',
        payload: { kind, format: 'csv' },
      });
      expect(bare.statusCode).toBe(400);
      expect((bare.json() as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual([
        'params.year',
      ]);
      const clinic = await t.signIn('clinica');
      const refused = await clinic.request({
        method: 'POST',
        url: '/api/exports',
        payload: { kind, format: 'csv', params: { year: YEAR } },
      });
      expect(refused.statusCode).toBe(400);
    }
  });

  it('gives another service only its own records', async () => {
    const asked = await otherService.request({
      method: 'POST',
      url: '/api/exports',
      payload: { kind: 'observatory.istat-survey', format: 'csv', params: { year: YEAR } },
    });
    const id = (asked.json() as TExport).id;
    await t.runJobs();
    const link = await otherService.request({ method: 'POST', url: `/api/exports/${id}/download` });
    const file = await otherService.request({ method: 'GET', url: (link.json() as { url: string }).url });
    const text = file.rawPayload.toString('utf8');
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(codes.elsewhere);
    expect(text).not.toContain(codes.woman);
  });
});
