import { sql } from 'drizzle-orm';
import { afterAll, beforeAll } from 'vitest';
import type { THousehold } from '../../src/contracts/households.js';
import type { TReferral } from '../../src/contracts/referrals.js';
import { queryRows } from '../../src/server/platform/db/client.js';
import { createTestApp, type Session, type TestApp } from '../harness/test-app.js';

/**
 * What every case-management test file needs: its own app on its own copy of the seeded database,
 * signed-in sessions, call helpers, the demo family and builders (`registerFamily`, `openCaseFor`)
 * so that no test depends on another test having run first.
 */
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const USERS = [
  'operatrice',
  'responsabile',
  'clinica',
  'supervisora',
  'mediatrice',
  'coordinatrice',
  'ricercatrice',
  'operatore.romano',
  'dpo',
];

export const mother = {
  givenName: 'Fatima',
  familyName: 'Zahra',
  relationship: 'reference_person',
  caseRole: 'victim',
  birthYear: 1990,
  gender: 'female',
  citizenship: 'MA',
  languages: ['ar', 'fr'],
  preferredLanguage: 'ar',
  interpreterNeeded: true,
  municipality: '016219',
};
export const child = {
  ...mother,
  givenName: 'Omar',
  relationship: 'child',
  caseRole: 'child',
  birthYear: 2016,
  gender: 'male',
};
// RSSMRA85T10A562S is a valid codice fiscale: male, born 1985.
export const father = {
  ...mother,
  givenName: 'Mario',
  relationship: 'partner',
  caseRole: 'perpetrator',
  birthYear: 1985,
  gender: 'male',
  identifierType: 'codice_fiscale',
  identifier: 'RSSMRA85T10A562S',
};
export const SECTIONS = ['family_migration', 'languages', 'protection'];

export function consentFor(recipientServiceId: string, extra: object = {}) {
  return {
    givenBy: 'self',
    purpose: 'taking_into_care',
    recipientServiceId,
    sections: SECTIONS,
    givenOn: '2026-01-10',
    method: 'written',
    ...extra,
  };
}
export const minorConsent = (recipient: string) =>
  consentFor(recipient, { givenBy: 'legal_representative', representativeName: 'Fatima Zahra' });

/** Call in a test file's top level: it registers that file's beforeAll and afterAll. */
export function casesTestKit() {
  let app: TestApp | undefined;
  const as: Record<string, Session> = {};
  const ids: Record<string, string> = {};
  // The app exists only once beforeAll ran; the tests reach it through this stand-in.
  const t = new Proxy({} as TestApp, {
    get: (_target, key) => {
      if (!app) throw new Error('the test app is created in beforeAll');
      return app[key as keyof TestApp];
    },
  });

  async function serviceId(name: string) {
    const [row] = await queryRows<{ id: string }>(
      t.database.db,
      sql`select id from services where name like ${`${name}%`}`,
    );
    return row!.id;
  }

  beforeAll(async () => {
    app = await createTestApp();
    for (const u of USERS) as[u] = await app.signIn(u);
    ids.etno = await serviceId('Équipe etnoclinica');
    ids.tmTreviglio = await serviceId('Tutela Minori — Ambito di Treviglio');
    ids.tmRomano = await serviceId('Tutela Minori — Ambito di Romano');
  });
  afterAll(() => app?.close());

  async function call(who: string, method: Method, url: string, payload?: unknown) {
    return as[who]!.request({
      method,
      url,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  }
  async function ok<T>(who: string, method: Method, url: string, payload?: unknown) {
    const res = await call(who, method, url, payload);
    if (res.statusCode >= 300) throw new Error(`${method} ${url} → ${res.statusCode} ${res.body}`);
    return (res.body ? res.json() : null) as T;
  }
  const fields = (res: { json(): unknown }) =>
    ((res.json() as { errors?: { field: string }[] }).errors ?? []).map((e) => e.field);
  const system = (query: ReturnType<typeof sql>) => queryRows(t.database.db, query);

  /**
   * operatrice registers the demo family; ids.household, .mother, .child, .father name it. Tests
   * register it afresh each time, so the duplicate warning is acknowledged (it has its own test).
   */
  async function registerFamily() {
    const h = await ok<THousehold>('operatrice', 'POST', '/api/households', {
      municipality: '016219',
      members: [mother, child, father],
      acknowledgeDuplicates: true,
    });
    ids.household = h.id;
    [ids.mother, ids.child, ids.father] = h.members.map((m) => m.id) as [string, string, string];
    return h;
  }

  /** The mother's safety details: a shelter, and e-mail as the only safe channel, never to be written to. */
  async function recordMotherSafety() {
    await ok('operatrice', 'PUT', `/api/people/${ids.mother}/safety`, {
      address: 'Via Sicura 1, Treviglio',
      phone: '+39 333 1234567',
      shelter: 'Casa rifugio',
      safeContact: { channels: ['email'], email: 'casa@example.org', neverWriteTo: ['casa@example.org'] },
    });
  }

  /** Consents, a sent referral of these people and its acceptance: the case is open. */
  async function openCaseFor(
    personIds: string[],
    recipient = ids.etno!,
    acceptor = 'responsabile',
    extra: object = {},
  ) {
    for (const p of personIds)
      await ok(
        'operatrice',
        'POST',
        `/api/people/${p}/consents`,
        p === ids.child ? minorConsent(recipient) : consentFor(recipient, extra),
      );
    const r = await ok<TReferral>('operatrice', 'POST', '/api/referrals', {
      householdId: ids.household,
      personIds,
      toServiceId: recipient,
      purpose: 'taking_into_care',
      urgency: 'urgent',
      sections: SECTIONS,
      message: 'Nuovo invio',
    });
    await ok('operatrice', 'POST', `/api/referrals/${r.id}/send`, {});
    const { caseId } = await ok<{ caseId: string }>(acceptor, 'POST', `/api/referrals/${r.id}/accept`);
    return { referralId: r.id, caseId };
  }

  /**
   * A consultation referral of the family's mother and child from Tutela Minori Treviglio, sent and
   * accepted by the team's responsabile (the lead): a consultation opens, not a case.
   */
  async function openConsultation({ court = false } = {}) {
    await registerFamily();
    const consultation = { purpose: 'consultation' };
    await ok('operatrice', 'POST', `/api/people/${ids.mother}/consents`, consentFor(ids.etno!, consultation));
    await ok('operatrice', 'POST', `/api/people/${ids.child}/consents`, {
      ...minorConsent(ids.etno!),
      ...consultation,
    });
    const r = await ok<TReferral>('operatrice', 'POST', '/api/referrals', {
      householdId: ids.household,
      personIds: [ids.mother, ids.child],
      toServiceId: ids.etno,
      purpose: 'consultation',
      courtInvestigation: court,
      urgency: 'priority',
      sections: SECTIONS,
      message: 'Il lavoro con la famiglia è bloccato: chiediamo una consulenza etnoclinica.',
    });
    await ok('operatrice', 'POST', `/api/referrals/${r.id}/send`, {});
    const accepted = await ok<{ consultationId?: string; caseId?: string }>(
      'responsabile',
      'POST',
      `/api/referrals/${r.id}/accept`,
    );
    return { referralId: r.id, id: accepted.consultationId!, caseId: accepted.caseId };
  }

  /** Tutela Minori Treviglio opens its own case from a school report (no referral): operatrice leads it. */
  async function openOwnCase(personIds: string[], extra: object = {}) {
    return ok<{ caseId: string }>('operatrice', 'POST', '/api/cases', {
      householdId: ids.household,
      personIds,
      origin: 'report',
      reporterKind: 'school',
      receivedOn: '2026-09-14',
      urgency: 'priority',
      summary: 'La scuola segnala assenze ripetute e segni di trascuratezza.',
      ...extra,
    });
  }

  return {
    t,
    as,
    ids,
    call,
    ok,
    fields,
    system,
    registerFamily,
    recordMotherSafety,
    openCaseFor,
    openConsultation,
    openOwnCase,
  };
}
