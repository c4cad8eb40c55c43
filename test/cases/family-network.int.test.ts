import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { THousehold, TPerson } from '../../src/contracts/households.js';
import type { TFamilyNetwork, TResidenceRecord } from '../../src/contracts/tutela.js';
import { MODULES } from '../../src/server/app.js';
import { indicatorsOf } from '../../src/server/platform/module.js';
import { casesTestKit, consentFor, mother } from './support.js';

/**
 * The family network, legal roles and residence status (issue 15, items 4 and 8): who reads, who
 * writes, who gets 404, and what a viewer locked out of someone never sees of them.
 */
const { t, ids, call, ok, fields, system, registerFamily, openCaseFor, openOwnCase } = casesTestKit();

const network = (who: string, householdId = ids.household!) =>
  ok<TFamilyNetwork>(who, 'GET', `/api/households/${householdId}/network`);
const relate = (who: string, body: object, householdId = ids.household!) =>
  call(who, 'POST', `/api/households/${householdId}/relations`, body);
const addRole = (who: string, body: object, householdId = ids.household!) =>
  call(who, 'POST', `/api/households/${householdId}/legal-roles`, body);

/** A court order on the case, written as the system (court orders have their own tests). */
async function orderOn(caseId: string) {
  const [row] = (await system(
    sql`insert into court_orders (case_id, court, docket_number, kind, decided_on, created_by)
        values (${caseId}, 'Tribunale per i Minorenni di Brescia', '77/2026', 'parental_limitation', '2026-01-20',
          ${await t.userId('operatrice')})
        returning id`,
  )) as [{ id: string }];
  return row.id;
}

/** A break-the-glass grant into the case for clinica (same service, not on the team). */
async function breakGlass(caseId: string) {
  await ok('clinica', 'POST', '/api/break-glass', {
    recordType: 'case',
    recordId: caseId,
    reason: 'Emergenza: il tribunale chiede notizie fuori orario',
  });
}

describe('family network and legal roles', () => {
  it('record relations and legal roles, shown in the network and audited', async () => {
    await registerFamily();
    const rel = await relate('operatrice', {
      fromPersonId: ids.mother,
      toPersonId: ids.child,
      kind: 'parent',
    });
    expect(rel.statusCode).toBe(201);
    const role = await addRole('operatrice', {
      personId: ids.child,
      role: 'parental_responsibility',
      holderPersonId: ids.mother,
      startsOn: '2024-01-01',
    });
    expect(role.statusCode).toBe(201);
    const tutore = await addRole('operatrice', {
      personId: ids.child,
      role: 'curatore_speciale',
      holderName: 'Avv. Laura Bianchi',
      holderOrganisation: 'Foro di Bergamo',
      startsOn: '2024-02-01',
    });
    expect(tutore.statusCode).toBe(201);

    const seen = await network('operatrice');
    expect(seen.people.map((p) => [p.givenName, p.livesInHousehold])).toEqual([
      ['Fatima', true],
      ['Omar', true],
      ['Mario', true],
    ]);
    expect(seen.relations).toEqual([
      { id: rel.json().id, fromPersonId: ids.mother, toPersonId: ids.child, kind: 'parent' },
    ]);
    expect(seen.legalRoles.map((r) => [r.role, r.holderPersonId, r.holderName, r.endsOn])).toEqual([
      ['parental_responsibility', ids.mother, null, null],
      ['curatore_speciale', null, 'Avv. Laura Bianchi', null],
    ]);

    // Ending a role: never before it started; then it shows its end.
    const early = await call(
      'operatrice',
      'POST',
      `/api/households/${ids.household}/legal-roles/${role.json().id}/end`,
      { endsOn: '2023-12-31' },
    );
    expect(early.statusCode).toBe(400);
    expect(fields(early)).toEqual(['endsOn']);
    await ok('operatrice', 'POST', `/api/households/${ids.household}/legal-roles/${role.json().id}/end`, {
      endsOn: '2025-06-30',
    });
    expect((await network('operatrice')).legalRoles[0]!.endsOn).toBe('2025-06-30');

    // Removing a relation recorded by mistake.
    await ok('operatrice', 'DELETE', `/api/households/${ids.household}/relations/${rel.json().id}`);
    expect((await network('operatrice')).relations).toEqual([]);

    const events = await system(
      sql`select action, record_type from audit_events where record_id in (${ids.household}, ${ids.child})
          and actor_username = 'operatrice' and (action like 'family_network.%' or action like 'legal_role.%')
          order by occurred_at, id`,
    );
    expect(events.map((e) => (e as { action: string }).action)).toEqual(
      expect.arrayContaining([
        'family_network.relation_added',
        'legal_role.created',
        'family_network.read',
        'legal_role.ended',
        'family_network.relation_removed',
      ]),
    );
    // The audit names the records, never the relation or the role itself (special data).
    const details = await system(
      sql`select details::text as d from audit_events where action like 'legal_role.%' and record_id = ${ids.child}`,
    );
    expect(JSON.stringify(details)).not.toContain('parental_responsibility');
  });

  it('refuse with field errors: a person of another household, oneself, both or neither holder, a duplicate', async () => {
    const other = await registerFamily();
    const otherMother = other.members[0]!.id;
    await registerFamily();
    const foreign = await relate('operatrice', {
      fromPersonId: ids.mother,
      toPersonId: otherMother,
      kind: 'sibling',
    });
    expect(foreign.statusCode).toBe(400);
    expect(fields(foreign)).toEqual(['toPersonId']);
    const self = await relate('operatrice', {
      fromPersonId: ids.mother,
      toPersonId: ids.mother,
      kind: 'sibling',
    });
    expect(self.statusCode).toBe(400);
    expect(fields(self)).toEqual(['toPersonId']);

    const base = { personId: ids.child, role: 'tutore', startsOn: '2024-01-01' };
    const both = await addRole('operatrice', { ...base, holderPersonId: ids.mother, holderName: 'Qualcuno' });
    expect(fields(both)).toEqual(['holderName']);
    expect(both.json().errors[0].message.it).toBe('una persona della rete oppure un nome, uno dei due');
    const neither = await addRole('operatrice', base);
    expect(fields(neither)).toEqual(['holderName']);
    const outsider = await addRole('operatrice', { ...base, holderPersonId: otherMother });
    expect(fields(outsider)).toEqual(['holderPersonId']);
    const ownHolder = await addRole('operatrice', { ...base, holderPersonId: ids.child });
    expect(fields(ownHolder)).toEqual(['holderPersonId']);
    const strangerChild = await addRole('operatrice', {
      ...base,
      personId: otherMother,
      holderName: 'Tizio',
    });
    expect(fields(strangerChild)).toEqual(['personId']);
    const unknownOrder = await addRole('operatrice', {
      ...base,
      holderName: 'Tizio',
      orderId: '00000000-0000-4000-8000-000000000000',
    });
    expect(fields(unknownOrder)).toEqual(['orderId']);

    const parent = { fromPersonId: ids.mother, toPersonId: ids.child, kind: 'parent' };
    expect((await relate('operatrice', parent)).statusCode).toBe(201);
    const again = await relate('operatrice', parent);
    expect(again.statusCode).toBe(409);
    expect(fields(again)).toEqual(['kind']);
    const [{ n }] = (await system(
      sql`select count(*)::int as n from person_relations where household_id = ${ids.household}`,
    )) as [{ n: number }];
    expect(n).toBe(1);
    // Italian and English in every field error.
    expect(foreign.json().errors[0].message).toEqual({
      it: 'Persona non presente nel nucleo.',
      en: 'Person not in this household.',
    });
  });

  it('tie a role to a court order of one of the household’s cases, never another household’s', async () => {
    await registerFamily();
    const theirs = (await openOwnCase([ids.child!])).caseId;
    const foreignOrder = await orderOn(theirs);
    await registerFamily();
    const { caseId } = await openOwnCase([ids.child!]);
    const order = await orderOn(caseId);
    const role = { personId: ids.child, role: 'tutore', holderName: 'Avv. Rossi', startsOn: '2026-02-01' };
    const tied = await addRole('operatrice', { ...role, orderId: order });
    expect(tied.statusCode).toBe(201);
    expect((await network('operatrice')).legalRoles.map((r) => r.orderId)).toEqual([order]);
    const foreign = await addRole('operatrice', { ...role, orderId: foreignOrder });
    expect(fields(foreign)).toEqual(['orderId']);
  });

  it('give every role its answer: read, write, 403 or 404', async () => {
    await registerFamily();
    const { caseId } = await openCaseFor([ids.mother!, ids.child!]);
    await breakGlass(caseId);
    const relation = (n: number) => ({
      fromPersonId: ids.mother,
      toPersonId: ids.child,
      kind: (['parent', 'step_parent', 'other', 'significant_adult', 'grandparent'] as const)[n],
    });
    const expected: Record<string, [number, number]> = {
      operatrice: [200, 201], // the household's own service
      responsabile: [200, 201], // the clinical team of its case
      coordinatrice: [200, 403], // supervises the household's service: reads (no cases.write)
      clinica: [200, 403], // a break-the-glass grant reads, never writes
      supervisora: [200, 403], // supervises a case of the household: reads its people of that case, never writes
      'operatore.romano': [404, 404],
      mediatrice: [403, 403],
      ricercatrice: [403, 403],
      dpo: [403, 403],
    };
    const actual: Record<string, [number, number]> = {};
    let n = 0;
    for (const who of Object.keys(expected)) {
      const read = await call(who, 'GET', `/api/households/${ids.household}/network`);
      const write = await relate(who, relation(n % 5));
      if (write.statusCode === 201) n++;
      actual[who] = [read.statusCode, write.statusCode];
    }
    expect(actual).toEqual(expected);
    // An outsider's refusal is audited like any out-of-scope record.
    const denied = await system(
      sql`select 1 from audit_events where action = 'access.denied' and record_id = ${ids.household}
          and actor_username = 'operatore.romano'`,
    );
    expect(denied.length).toBeGreaterThan(0);
  });

  it('show the clinical team only its case’s people, and a perpetrator’s team none of those he may harm', async () => {
    await registerFamily();
    await ok('operatrice', 'POST', `/api/households/${ids.household}/relations`, {
      fromPersonId: ids.father,
      toPersonId: ids.child,
      kind: 'parent',
    });
    await ok('operatrice', 'POST', `/api/households/${ids.household}/relations`, {
      fromPersonId: ids.mother,
      toPersonId: ids.child,
      kind: 'parent',
    });
    await ok('operatrice', 'POST', `/api/households/${ids.household}/legal-roles`, {
      personId: ids.child,
      role: 'parental_responsibility',
      holderPersonId: ids.father,
      startsOn: '2024-01-01',
    });
    // The father's case, accepted by clinica: she follows the perpetrator.
    await ok('operatrice', 'POST', `/api/people/${ids.father}/consents`, consentFor(ids.etno!));
    await openCaseFor([ids.father!], ids.etno!, 'clinica');
    const his = await network('clinica');
    expect(his.people.map((p) => p.givenName)).toEqual(['Mario']);
    expect(his.relations).toEqual([]);
    expect(his.legalRoles).toEqual([]);
    expect(JSON.stringify(his)).not.toContain(ids.child);
    expect(JSON.stringify(his)).not.toContain(ids.mother);
    // Nor can his team write about them.
    const role = await addRole('clinica', {
      personId: ids.child,
      role: 'tutore',
      holderName: 'Tizio',
      startsOn: '2024-01-01',
    });
    expect(fields(role)).toEqual(['personId']);
    const rel = await relate('clinica', {
      fromPersonId: ids.father,
      toPersonId: ids.mother,
      kind: 'former_partner',
    });
    expect(fields(rel)).toEqual(['toPersonId']);
  });

  it('let a relative living elsewhere be added, corrected with its history, and kept by an edit that does not name it', async () => {
    await registerFamily();
    const aunt = await ok<TPerson>('operatrice', 'POST', `/api/households/${ids.household}/people`, {
      ...mother,
      givenName: 'Khadija',
      relationship: 'other_relative',
      caseRole: 'other',
      birthYear: 1970,
      livesInHousehold: false,
      acknowledgeDuplicates: true,
    });
    expect(aunt.livesInHousehold).toBe(false);
    const seen = await network('operatrice');
    expect(seen.people.find((p) => p.id === aunt.id)?.livesInHousehold).toBe(false);
    const {
      id: _id,
      householdId: _h,
      minor: _m,
      thirdCountryNational: _t,
      hasSafetyDetails: _s,
      atRisk: _a,
      mergedIntoId: _merged,
      processingRestricted: _restricted,
      ...edit
    } = aunt;
    // A correction that does not send the field leaves it as it was.
    const { livesInHousehold: _l, ...withoutIt } = edit;
    const kept = await ok<TPerson>('operatrice', 'PUT', `/api/people/${aunt.id}`, {
      ...withoutIt,
      givenName: 'Khadijah',
      acknowledgeDuplicates: true,
    });
    expect(kept.livesInHousehold).toBe(false);
    const moved = await ok<TPerson>('operatrice', 'PUT', `/api/people/${aunt.id}`, {
      ...withoutIt,
      givenName: 'Khadijah',
      livesInHousehold: true,
      acknowledgeDuplicates: true,
    });
    expect(moved.livesInHousehold).toBe(true);
    const history = await ok<{ changes: { field: string; from: unknown; to: unknown }[] }[]>(
      'operatrice',
      'GET',
      `/api/people/${aunt.id}/changes`,
    );
    expect(history[0]!.changes).toEqual([{ field: 'livesInHousehold', from: false, to: true }]);
    // Registered without the field: lives in the household.
    const household = await ok<THousehold>('operatrice', 'GET', `/api/households/${ids.household}`);
    expect(household.members.filter((m) => m.id !== aunt.id).every((m) => m.livesInHousehold)).toBe(true);
  });
});

describe('residence status', () => {
  const residence = (who: string, personId = ids.child!) =>
    call(who, 'GET', `/api/people/${personId}/residence`);
  const record = (who: string, body: object, personId = ids.child!) =>
    call(who, 'PUT', `/api/people/${personId}/residence`, body);
  const permit = { status: 'permit_holder', permitType: 'family', expiresOn: '2030-05-31' };

  it('record a permit, read it one person at a time, audited, and refuse a permit without a permit status', async () => {
    await registerFamily();
    const none = await ok<TResidenceRecord>('operatrice', 'GET', `/api/people/${ids.child}/residence`);
    expect(none).toMatchObject({ status: null, permitType: null, expiresOn: null, updatedAt: null });
    const saved = await record('operatrice', permit);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ ...permit, expired: false });
    const wrong = await record('operatrice', {
      status: 'italian_citizen',
      permitType: 'work',
      expiresOn: '2030-01-01',
    });
    expect(wrong.statusCode).toBe(400);
    expect(fields(wrong).sort()).toEqual(['expiresOn', 'permitType']);
    expect(wrong.json().errors[0].message.it).toMatch(/permesso di soggiorno/);
    const expired = await record('operatrice', { ...permit, expiresOn: '2020-01-01' });
    expect(expired.json()).toMatchObject({ expired: true });
    const events = await system(
      sql`select action, record_type, details::text as details from audit_events where record_id = ${ids.child}
          and action like 'residence.%' order by occurred_at, id`,
    );
    expect(events.map((e) => (e as { action: string }).action)).toEqual([
      'residence.read',
      'residence.updated',
      'residence.updated',
    ]);
    // The status itself is special data: never in the audit trail.
    expect(JSON.stringify(events)).not.toContain('permit_holder');
  });

  it('never put it in a household, a household list or a case', async () => {
    await registerFamily();
    const { caseId } = await openCaseFor([ids.mother!, ids.child!]);
    await ok('operatrice', 'PUT', `/api/people/${ids.child}/residence`, permit);
    const answers = [
      await ok('operatrice', 'GET', `/api/households/${ids.household}`),
      await ok('operatrice', 'GET', '/api/households'),
      await ok('responsabile', 'GET', `/api/cases/${caseId}`),
      await ok('operatrice', 'GET', `/api/households/${ids.household}/network`),
    ];
    for (const answer of answers) {
      const text = JSON.stringify(answer);
      expect(text).not.toContain('permit_holder');
      expect(text).not.toContain('2030-05-31');
      expect(text).not.toMatch(/residence|permit/i);
    }
  });

  it('count regularly residing third-country nationals in care by case code, nobody else', async () => {
    const found = indicatorsOf(MODULES).find(
      (i) => i.key === 'cases.regular_third_country_nationals_in_care',
    );
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date());
    const period = { from: today, to: today };
    const before = await found!.compute({ on: t.database.db, keyring: t.deps.keyring, period });
    await registerFamily();
    const { caseId } = await openCaseFor([ids.mother!, ids.child!]);
    await ok('operatrice', 'PUT', `/api/people/${ids.mother}/residence`, permit);
    // Expired, outside the case, or an EU citizen: not counted.
    await ok('operatrice', 'PUT', `/api/people/${ids.child}/residence`, {
      ...permit,
      expiresOn: '2020-01-01',
    });
    await ok('operatrice', 'PUT', `/api/people/${ids.father}/residence`, permit);
    const after = await found!.compute({ on: t.database.db, keyring: t.deps.keyring, period });
    const [{ code }] = (await system(sql`select code from cases where id = ${caseId}`)) as [{ code: string }];
    expect(after.value).toBe(before.value! + 1);
    expect(after.recordIds).toContain(code);
    await ok('operatrice', 'PUT', `/api/people/${ids.child}/residence`, { status: 'asylum_seeker' });
    expect((await found!.compute({ on: t.database.db, keyring: t.deps.keyring, period })).value).toBe(
      before.value! + 2,
    );
    await system(sql`update people set citizenship = 'RO' where id = ${ids.child}`);
    const eu = await found!.compute({ on: t.database.db, keyring: t.deps.keyring, period });
    expect(eu.value).toBe(before.value! + 1);
    // Codes only: no person, no name, no status.
    for (const leak of [ids.mother!, ids.child!, 'Fatima', 'permit_holder'])
      expect(JSON.stringify(eu)).not.toContain(leak);
  });

  it('give every role its answer: read, write, 403 or 404', async () => {
    await registerFamily();
    const { caseId } = await openCaseFor([ids.mother!, ids.child!]);
    await breakGlass(caseId);
    const expected: Record<string, [number, number]> = {
      operatrice: [200, 200],
      responsabile: [200, 200],
      coordinatrice: [200, 403],
      clinica: [200, 403],
      supervisora: [200, 403], // supervises a case of the household
      'operatore.romano': [404, 404],
      mediatrice: [403, 403],
      ricercatrice: [403, 403],
      dpo: [403, 403],
    };
    const actual: Record<string, [number, number]> = {};
    for (const who of Object.keys(expected))
      actual[who] = [(await residence(who)).statusCode, (await record(who, permit)).statusCode];
    expect(actual).toEqual(expected);
    // The case's team does not reach a person outside the case (the father).
    expect((await residence('responsabile', ids.father)).statusCode).toBe(404);
  });
});
