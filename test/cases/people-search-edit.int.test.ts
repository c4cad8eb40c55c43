import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { TSession } from '../../src/contracts/cases.js';
import type { THousehold, TPerson, TPersonChange } from '../../src/contracts/households.js';
import { casesTestKit, child, consentFor, father, mother } from './support.js';

/** Finding people by name or code, the duplicate warning, correcting and removing a member, the mediator's note. */
const { t, ids, call, ok, fields, system, registerFamily, openCaseFor } = casesTestKit();

type Page = { items: { id: string; code: string; matches: { givenName: string; familyName: string }[] }[] };
const search = (who: string, q: string) => ok<Page>(who, 'GET', `/api/households?q=${encodeURIComponent(q)}`);
const householdCount = async () =>
  ((await system(sql`select count(*)::int as n from households`))[0] as { n: number }).n;

describe('search, duplicates and editing of people', () => {
  it('find a household by part of a name, accents and case ignored, by codice fiscale and STP; audited per household found', async () => {
    const h = await ok<THousehold>('operatrice', 'POST', '/api/households', {
      municipality: '016219',
      members: [
        { ...mother, givenName: 'Émilie', familyName: 'D’Arco-Benoît', citizenship: 'FR' },
        {
          ...child,
          givenName: 'Ayoub',
          familyName: 'Benali',
          identifierType: 'stp',
          identifier: 'STP0300000123456',
        },
      ],
    });
    for (const q of ['emilie', 'EMIL', 'benoit', 'arco benoit', 'STP03000001', 'ayoub benali'])
      expect(
        (await search('operatrice', q)).items.map((i) => i.code),
        q,
      ).toEqual([h.code]);
    const found = await search('operatrice', 'benoit');
    expect(found.items[0]!.matches).toEqual([
      expect.objectContaining({ givenName: 'Émilie', familyName: 'D’Arco-Benoît' }),
    ]);
    // Every word must match; a wildcard typed by the user is a character, not a pattern.
    expect((await search('operatrice', 'emilie rossi')).items).toEqual([]);
    expect((await search('operatrice', '%')).items).toEqual([]);
    // Another Ambito's practitioner finds nothing of it.
    expect((await search('operatore.romano', 'emilie')).items).toEqual([]);
    const audited = await system(
      sql`select record_id, details from audit_events where action = 'household.searched' and record_id = ${h.id}`,
    );
    expect(audited.length).toBeGreaterThanOrEqual(6);
    // The text searched names someone: it is never written into the audit trail.
    expect(JSON.stringify(audited)).not.toMatch(/emilie|benoit/i);
  });

  it('warn about a person already registered (codice fiscale, or name and birth year), linking the household; nothing written until confirmed', async () => {
    const first = await registerFamily();
    const before = await householdCount();
    const again = await call('operatrice', 'POST', '/api/households', {
      municipality: '016219',
      members: [
        { ...mother, givenName: 'FATIMA', familyName: 'zahra' },
        { ...child, birthYear: 2017 },
        father,
      ],
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().type).toContain('possible-duplicate');
    const errors = again.json().errors as { field: string; relatedRecord: { code: string; id: string } }[];
    expect(errors.map((e) => e.field)).toEqual(
      expect.arrayContaining(['members.0.familyName', 'members.2.identifier']),
    );
    expect(errors.map((e) => e.field)).not.toContain('members.1.familyName');
    expect(errors.find((e) => e.field === 'members.2.identifier')!.relatedRecord).toMatchObject({
      code: first.code,
      id: first.id,
    });
    expect(await householdCount()).toBe(before);
    // Adding the same person to another household warns the same way.
    const single = await ok<THousehold>('operatrice', 'POST', '/api/households', {
      municipality: '016219',
      members: [{ ...mother, givenName: 'Leila', birthYear: 1970 }],
    });
    const add = await call('operatrice', 'POST', `/api/households/${single.id}/people`, father);
    expect(add.statusCode).toBe(409);
    // Confirmed as someone else: registered, and the confirmation is audited.
    const confirmed = await ok<TPerson>('operatrice', 'POST', `/api/households/${single.id}/people`, {
      ...father,
      acknowledgeDuplicates: true,
    });
    const [audit] = await system(
      sql`select details from audit_events where action = 'person.created' and record_id = ${confirmed.id}`,
    );
    expect(audit).toEqual({ details: { duplicatesAcknowledged: 1 } });
    // Another service's households are not its scope: no warning, and nothing about them is said.
    const romano = await call('operatore.romano', 'POST', '/api/households', {
      municipality: '016010',
      members: [father],
    });
    expect(romano.statusCode, romano.body).toBe(201);
  });

  it('correct a member, keeping who changed what; nothing changed writes no history', async () => {
    await registerFamily();
    // Earlier tests registered the same family: the edit is confirmed as this person.
    const updated = await ok<TPerson>('operatrice', 'PUT', `/api/people/${ids.mother}`, {
      ...mother,
      familyName: 'Zahrā',
      languages: ['ar', 'fr', 'it'],
      acknowledgeDuplicates: true,
    });
    expect(updated).toMatchObject({ familyName: 'Zahrā', languages: ['ar', 'fr', 'it'] });
    await ok('operatrice', 'PUT', `/api/people/${ids.mother}`, {
      ...mother,
      familyName: 'Zahrā',
      languages: ['ar', 'fr', 'it'],
      acknowledgeDuplicates: true,
    });
    const history = await ok<TPersonChange[]>('operatrice', 'GET', `/api/people/${ids.mother}/changes`);
    expect(history).toHaveLength(1);
    expect(history[0]!.changedBy).not.toBe('');
    expect(history[0]!.changes).toEqual([
      { field: 'familyName', from: 'Zahra', to: 'Zahrā' },
      { field: 'languages', from: ['ar', 'fr'], to: ['ar', 'fr', 'it'] },
    ]);
    const [audit] = await system(
      sql`select details from audit_events where action = 'person.updated' and record_id = ${ids.mother}`,
    );
    expect(audit).toEqual({ details: { fields: ['familyName', 'languages'] } });
    // The edit goes through the same checks as registration, and another Ambito cannot reach the person.
    const badCf = await call('operatrice', 'PUT', `/api/people/${ids.father}`, {
      ...father,
      identifier: 'RSSMRA85T10A562X',
    });
    expect(fields(badCf)).toEqual(['identifier']);
    expect((await call('operatore.romano', 'PUT', `/api/people/${ids.mother}`, mother)).statusCode).toBe(404);
    expect((await call('operatore.romano', 'GET', `/api/people/${ids.mother}/changes`)).statusCode).toBe(404);
    // The at-risk mark is not part of an edit: it has its own route, with a reason.
    expect(
      (await call('operatrice', 'PUT', `/api/people/${ids.mother}`, { ...mother, atRisk: true })).statusCode,
    ).toBe(400);
  });

  it('keep the role in the case once referred, and warn when an edit makes a duplicate', async () => {
    await registerFamily();
    const taken = await call('operatrice', 'PUT', `/api/people/${ids.child}`, {
      ...child,
      identifierType: 'codice_fiscale',
      identifier: father.identifier,
      gender: 'male',
      birthYear: 1985,
    });
    expect(taken.statusCode).toBe(409);
    await openCaseFor([ids.mother!]);
    const role = await call('operatrice', 'PUT', `/api/people/${ids.mother}`, {
      ...mother,
      caseRole: 'other',
    });
    expect(fields(role)).toEqual(['caseRole']);
    // Birth data decide who is a minor, and so who is kept from the perpetrator's team: fixed too.
    const birth = await call('operatrice', 'PUT', `/api/people/${ids.mother}`, {
      ...mother,
      birthYear: 2012,
    });
    expect(fields(birth)).toEqual(['birthYear']);
    const [row] = await system(sql`select case_role from people where id = ${ids.mother}`);
    expect(row).toEqual({ case_role: 'victim' });
  });

  it('remove a member registered by mistake, never one something refers to, never the last', async () => {
    await registerFamily();
    await ok('operatrice', 'PUT', `/api/people/${ids.child}`, {
      ...child,
      givenName: 'Omarr',
      acknowledgeDuplicates: true,
    });
    const reason = { reason: 'Registrato per errore nel nucleo sbagliato' };
    expect((await call('operatrice', 'POST', `/api/people/${ids.child}/remove`, reason)).statusCode).toBe(
      204,
    );
    const h = await ok<THousehold>('operatrice', 'GET', `/api/households/${ids.household}`);
    expect(h.members.map((m) => m.givenName)).toEqual(['Fatima', 'Mario']);
    expect(await system(sql`select 1 from person_changes where person_id = ${ids.child}`)).toEqual([]);
    const [audit] = await system(
      sql`select purpose from audit_events where action = 'person.removed' and record_id = ${ids.child}`,
    );
    expect(audit).toEqual({ purpose: reason.reason });
    // A consent refers to the mother: she stays.
    await ok('operatrice', 'POST', `/api/people/${ids.mother}/consents`, consentFor(ids.etno!));
    const kept = await call('operatrice', 'POST', `/api/people/${ids.mother}/remove`, reason);
    expect(kept.statusCode).toBe(409);
    expect(kept.json().detail).toMatch(/consenso/);
    expect((await call('operatrice', 'POST', `/api/people/${ids.father}/remove`, reason)).statusCode).toBe(
      204,
    );
    const last = await call('operatrice', 'POST', `/api/people/${ids.mother}/remove`, reason);
    expect(last.statusCode).toBe(409);
    expect(
      (await ok<THousehold>('operatrice', 'GET', `/api/households/${ids.household}`)).members,
    ).toHaveLength(1);
  });
});

describe('the mediator’s own note', () => {
  it('let the session’s mediator see who attended and write the mediation note once; never another section', async () => {
    await registerFamily();
    const { caseId } = await openCaseFor([ids.mother!]);
    await ok('responsabile', 'PUT', `/api/cases/${caseId}/team`, {
      members: [
        { userId: await t.userId('responsabile'), teamRole: 'lead' },
        { userId: await t.userId('mediatrice'), teamRole: 'mediator' },
      ],
    });
    const s = await ok<TSession>('responsabile', 'POST', `/api/cases/${caseId}/sessions`, {
      kind: 'consultation',
      startsAt: '2026-05-01T10:00:00Z',
      durationMinutes: 60,
      place: 'service',
      language: 'ar',
      personIds: [ids.mother],
      mediatorId: await t.userId('mediatrice'),
      notes: { social: 'Nota sociale' },
    });
    // The lead, a clinician, may still write the sections left empty.
    expect(s.writableSections.sort()).toEqual(['mediation', 'psychological']);
    const seen = await ok<TSession>('mediatrice', 'GET', `/api/sessions/${s.id}`);
    expect(seen.people.map((p) => p.givenName)).toEqual(['Fatima']);
    expect(seen.staff.length).toBeGreaterThan(0);
    expect(seen.writableSections).toEqual(['mediation']);
    const other = await call('mediatrice', 'POST', `/api/sessions/${s.id}/notes`, {
      section: 'psychological',
      body: 'Non è sua',
    });
    expect(other.statusCode).toBe(403);
    const written = await ok<TSession>('mediatrice', 'POST', `/api/sessions/${s.id}/notes`, {
      section: 'mediation',
      body: 'La signora ha chiesto un’interprete donna.',
    });
    expect(written.notes.map((n) => n.section)).toEqual(['mediation']);
    expect(written.writableSections).toEqual([]);
    const twice = await call('mediatrice', 'POST', `/api/sessions/${s.id}/notes`, {
      section: 'mediation',
      body: 'Di nuovo',
    });
    expect(twice.statusCode).toBe(409);
    const [stored] = await system(
      sql`select body_encrypted from session_notes where session_id = ${s.id} and section = 'mediation'`,
    );
    expect(JSON.stringify(stored)).not.toContain('interprete');
    // The team reads it; someone who is not the session's mediator cannot write it.
    const lead = await ok<TSession>('responsabile', 'GET', `/api/sessions/${s.id}`);
    expect(lead.notes.map((n) => n.section).sort()).toEqual(['mediation', 'social']);
    const [audit] = await system(
      sql`select details from audit_events where action = 'session.note_added' and record_id = ${s.id}`,
    );
    expect(audit).toEqual({ details: { section: 'mediation' } });
    expect(
      (
        await call('operatore.romano', 'POST', `/api/sessions/${s.id}/notes`, {
          section: 'mediation',
          body: 'x',
        })
      ).statusCode,
    ).toBe(404);
    // Once the case is closed, nothing is offered and nothing is written.
    await system(sql`update cases set status = 'closed', closed_at = now() where id = ${caseId}`);
    expect((await ok<TSession>('responsabile', 'GET', `/api/sessions/${s.id}`)).writableSections).toEqual([]);
    const closed = await call('responsabile', 'POST', `/api/sessions/${s.id}/notes`, {
      section: 'psychological',
      body: 'Dopo la chiusura',
    });
    expect(closed.statusCode).toBe(409);
  });
});
