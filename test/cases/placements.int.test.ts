import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { TPlacement } from '../../src/contracts/tutela.js';
import { casesTestKit, consentFor } from './support.js';

/**
 * Placements (issue 15, item 5): the clinical team records them; a supervisor and a break-the-glass
 * grant read them; the address is encrypted, shown in the list only to the clinical team and only
 * when no order protects it, revealed after a step-up with a reason, never on a perpetrator's case.
 */
const { t, ids, call, ok, fields, system, registerFamily, openCaseFor, openOwnCase } = casesTestKit();

const PROTECTED_ADDRESS = 'Via Nascosta 3, Bergamo';
const OPEN_ADDRESS = 'Comunità Il Faro, Via Aperta 1, Treviglio';
const REASON = 'Accompagnamento del minore alla visita protetta';

/** A court order on the case, written as the system (court orders have their own tests). */
async function orderOn(caseId: string, addressProtected: boolean) {
  const [row] = (await system(
    sql`insert into court_orders (case_id, court, docket_number, kind, decided_on, address_protected, created_by)
        values (${caseId}, 'Tribunale per i Minorenni di Brescia', '123/2026', 'placement_5bis', '2026-01-15',
          ${addressProtected}, ${await t.userId('responsabile')})
        returning id`,
  )) as [{ id: string }];
  return row.id;
}

const place = (who: string, caseId: string, body: object) =>
  call(who, 'POST', `/api/cases/${caseId}/placements`, {
    personId: ids.child,
    kind: 'residential_community',
    providerName: 'Comunità Il Faro',
    startsOn: '2026-02-01',
    ...body,
  });
const list = (who: string, caseId: string) => ok<TPlacement[]>(who, 'GET', `/api/cases/${caseId}/placements`);
const reveal = (who: string, caseId: string, placementId: string) =>
  call(who, 'POST', `/api/cases/${caseId}/placements/${placementId}/address`, { reason: REASON });
const stepUp = (username: string) =>
  system(
    sql`update sessions set step_up_at = now() where user_id = (select id from users where username = ${username})`,
  );

describe('placements', () => {
  it('keep a protected address out of every list, encrypted, revealed only after a step-up with a reason', async () => {
    await registerFamily();
    const { caseId } = await openCaseFor([ids.mother!, ids.child!]);
    const protecting = await orderOn(caseId, true);
    const created = await place('responsabile', caseId, { orderId: protecting, address: PROTECTED_ADDRESS });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ address: null, addressProtected: true, hasAddress: true });
    const placementId = created.json().id as string;
    const open = await place('responsabile', caseId, {
      kind: 'foster_family',
      startsOn: '2026-03-01',
      address: OPEN_ADDRESS,
    });
    expect(open.json()).toMatchObject({ address: OPEN_ADDRESS, addressProtected: false });

    // Stored encrypted, bound to its row: the plain text is nowhere in the table.
    const [raw] = (await system(sql`select address_encrypted from placements where id = ${placementId}`)) as [
      { address_encrypted: string },
    ];
    expect(raw.address_encrypted).toMatch(/^v1\./);
    expect(raw.address_encrypted).not.toContain('Nascosta');

    const mine = await list('responsabile', caseId);
    expect(mine.map((p) => [p.id, p.address, p.addressProtected, p.hasAddress])).toEqual([
      [open.json().id, OPEN_ADDRESS, false, true],
      [placementId, null, true, true],
    ]);
    expect(JSON.stringify(mine)).not.toContain('Nascosta');

    // The clinical team, without a recent step-up: refused.
    const refused = await reveal('responsabile', caseId, placementId);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().type).toContain('step-up-required');
    expect(
      await system(
        sql`select 1 from audit_events where action = 'placement.address_read' and record_id = ${caseId}`,
      ),
    ).toEqual([]);
    await stepUp('responsabile');
    const shown = await reveal('responsabile', caseId, placementId);
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toEqual({ address: PROTECTED_ADDRESS });
    const audit = await system(
      sql`select purpose, record_type, details->>'placementId' as placement from audit_events
          where action = 'placement.address_read' and record_id = ${caseId}`,
    );
    expect(audit).toEqual([{ purpose: REASON, record_type: 'case', placement: placementId }]);

    // A supervisor reads the placements, never an address, and cannot reveal one even after a step-up.
    const supervised = await list('supervisora', caseId);
    expect(supervised.map((p) => p.address)).toEqual([null, null]);
    expect(JSON.stringify(supervised)).not.toContain('Via ');
    await stepUp('supervisora');
    expect((await reveal('supervisora', caseId, placementId)).statusCode).toBe(403);
    // The list's audit says how many addresses it showed, never which.
    const listed = await system(
      sql`select details->>'addressesShown' as shown from audit_events where action = 'placement.listed'
          and record_id = ${caseId} order by occurred_at, id`,
    );
    expect(listed).toEqual([{ shown: '1' }, { shown: '0' }]);
  });

  it('never show an address on a perpetrator’s case, whatever the order', async () => {
    await registerFamily();
    await ok('operatrice', 'POST', `/api/people/${ids.father}/consents`, consentFor(ids.etno!));
    const { caseId } = await openCaseFor([ids.father!]);
    const created = await place('responsabile', caseId, {
      personId: ids.father,
      kind: 'kinship_care',
      address: OPEN_ADDRESS,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ address: null, addressProtected: true, hasAddress: true });
    expect(JSON.stringify(await list('responsabile', caseId))).not.toContain('Aperta');
    await stepUp('responsabile');
    expect((await reveal('responsabile', caseId, created.json().id)).statusCode).toBe(403);
  });

  it('refuse with field errors: a person outside the case, an order of another case, an end before the start', async () => {
    await registerFamily();
    const other = (await openCaseFor([ids.mother!, ids.child!])).caseId;
    const elsewhere = await orderOn(other, false);
    await registerFamily();
    const { caseId } = await openCaseFor([ids.mother!, ids.child!]);
    const outsider = await place('responsabile', caseId, { personId: ids.father });
    expect(outsider.statusCode).toBe(400);
    expect(fields(outsider)).toEqual(['personId']);
    const foreignOrder = await place('responsabile', caseId, { orderId: elsewhere });
    expect(fields(foreignOrder)).toEqual(['orderId']);
    expect(await system(sql`select 1 from placements where case_id = ${caseId}`)).toEqual([]);

    const created = (await place('responsabile', caseId, {})).json() as TPlacement;
    const base = `/api/cases/${caseId}/placements/${created.id}`;
    const early = await call('responsabile', 'POST', `${base}/end`, { endsOn: '2026-01-31' });
    expect(early.statusCode).toBe(400);
    expect(fields(early)).toEqual(['endsOn']);
    const beforeVisit = await call('responsabile', 'POST', `${base}/visits`, { visitedOn: '2026-01-01' });
    expect(fields(beforeVisit)).toEqual(['visitedOn']);

    const visited = await ok<TPlacement>('responsabile', 'POST', `${base}/visits`, {
      visitedOn: '2026-02-10',
      note: 'Il minore si è ambientato.',
    });
    expect(visited.visits.map((v) => [v.visitedOn, v.note, v.by])).toEqual([
      ['2026-02-10', 'Il minore si è ambientato.', 'Luca Responsabile Etnoclinica'],
    ]);
    const ended = await ok<TPlacement>('responsabile', 'POST', `${base}/end`, { endsOn: '2026-06-30' });
    expect(ended.endsOn).toBe('2026-06-30');
    expect((await call('responsabile', 'POST', `${base}/end`, { endsOn: '2026-07-01' })).statusCode).toBe(
      409,
    );
    // A placement of another case is not found through this one.
    expect(
      (
        await call('responsabile', 'POST', `/api/cases/${other}/placements/${created.id}/end`, {
          endsOn: '2026-06-30',
        })
      ).statusCode,
    ).toBe(404);
  });

  it('on Tutela Minori’s own case: its practitioner records and sees, the organisation’s coordinator reads without the address', async () => {
    await registerFamily();
    const { caseId } = await openOwnCase([ids.child!]);
    const created = await place('operatrice', caseId, { kind: 'kinship_care', address: OPEN_ADDRESS });
    expect(created.statusCode).toBe(201);
    expect(created.json().address).toBe(OPEN_ADDRESS);
    const expected: Record<string, [number, boolean | null]> = {
      operatrice: [200, true],
      coordinatrice: [200, false],
      responsabile: [404, null],
      supervisora: [404, null],
      'operatore.romano': [404, null],
    };
    const actual: typeof expected = {};
    for (const who of Object.keys(expected)) {
      const read = await call(who, 'GET', `/api/cases/${caseId}/placements`);
      actual[who] = [
        read.statusCode,
        read.statusCode === 200
          ? (read.json() as TPlacement[]).some((p) => p.address === OPEN_ADDRESS)
          : null,
      ];
    }
    expect(actual).toEqual(expected);
  });

  it('give every role its answer: read, write, 403 or 404', async () => {
    await registerFamily();
    const { caseId } = await openCaseFor([ids.mother!, ids.child!]);
    const created = (await place('responsabile', caseId, { address: OPEN_ADDRESS })).json() as TPlacement;
    const before: Record<string, number> = {};
    // clinica, of the same service but not on the team, is an outsider until she breaks the glass.
    before.clinica = (await call('clinica', 'GET', `/api/cases/${caseId}/placements`)).statusCode;
    await ok('clinica', 'POST', '/api/break-glass', {
      recordType: 'case',
      recordId: caseId,
      reason: 'Emergenza: il tribunale chiede notizie fuori orario',
    });
    const expected: Record<string, [number, number, number, boolean | null]> = {
      responsabile: [200, 201, 201, true], // the clinical team
      supervisora: [200, 403, 403, false], // supervises the case's service
      clinica: [200, 403, 403, false], // break-the-glass: reads, never writes, no address
      operatrice: [403, 403, 403, null], // the referrer knows the case exists (status only): 403, not 404
      coordinatrice: [404, 403, 403, null], // supervises the household's service, not the case's
      'operatore.romano': [404, 404, 404, null],
      mediatrice: [403, 403, 403, null],
      ricercatrice: [403, 403, 403, null],
      dpo: [403, 403, 403, null],
    };
    const actual: typeof expected = {};
    for (const who of Object.keys(expected)) {
      const read = await call(who, 'GET', `/api/cases/${caseId}/placements`);
      const write = await place(who, caseId, {});
      const visit = await call(who, 'POST', `/api/cases/${caseId}/placements/${created.id}/visits`, {
        visitedOn: '2026-03-01',
      });
      const shows =
        read.statusCode === 200
          ? (read.json() as TPlacement[]).some((p) => p.address === OPEN_ADDRESS)
          : null;
      actual[who] = [read.statusCode, write.statusCode, visit.statusCode, shows];
    }
    expect(before).toEqual({ clinica: 404 });
    expect(actual).toEqual(expected);
  });
});
