import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { THousehold } from '../../src/contracts/households.js';
import type { TAddressRequest, TUnit } from '../../src/contracts/housing.js';
import { autonomyTestKit, HOUSING, TREVIGLIO, TUTOR } from './support.js';

/**
 * Protected apartments (issue 20, item 4): the address never in a list or a unit's answer; seen by
 * its housing coordinator after a step-up with a reason, by anyone else once after another
 * coordinator approved their request; never more people than the capacity on any day, even when
 * requests arrive at once; messages about the stay under the household's safe-contact rules.
 */
const { t, ok, call, fields, system, stepUp, newHousehold } = autonomyTestKit();

let organisationId: string;
let districtId: string;
let serial = 0;

beforeAll(async () => {
  const [org] = await system<{ id: string }>(
    sql`select id from organisations where name = 'Cooperativa sociale Il Cerchio'`,
  );
  const [district] = await system<{ id: string }>(sql`select id from districts order by code limit 1`);
  organisationId = org!.id;
  districtId = district!.id;
});

async function newUnit(capacity = 4) {
  serial += 1;
  const address = `Via del Rifugio ${100 + serial}, scala B, Treviglio`;
  const unit = await ok<TUnit>(HOUSING, 'POST', '/api/housing/units', {
    label: `Alloggio ${serial}`,
    managingOrganisationId: organisationId,
    capacity,
    accessibility: ['lift'],
    districtId,
    address,
  });
  return { unit, address };
}

const stay = (unitId: string, body: object) =>
  call(HOUSING, 'POST', `/api/housing/units/${unitId}/occupancies`, body);
const reveal = (who: string, unitId: string, reason = 'Visita domiciliare programmata') =>
  call(who, 'POST', `/api/housing/units/${unitId}/address/reveal`, { reason });
const problemType = (res: { json(): unknown }) => (res.json() as { type?: string }).type ?? '';

describe('the address of a protected apartment', () => {
  it('is in no answer of the unit and list routes, nor in the audit trail', async () => {
    const { unit, address } = await newUnit();
    const { household } = await newHousehold();
    const bodies: string[] = [JSON.stringify(unit)];
    const started = await stay(unit.id, { householdCode: household.code, people: 2, startsOn: '2026-01-10' });
    expect(started.statusCode).toBe(201);
    bodies.push(started.body);
    const patched = await call(HOUSING, 'PATCH', `/api/housing/units/${unit.id}`, { notes: 'Piano terra' });
    bodies.push(patched.body);
    for (const who of [HOUSING, TUTOR]) {
      const list = await call(who, 'GET', '/api/housing/units');
      expect(list.statusCode).toBe(200);
      bodies.push(list.body, (await call(who, 'GET', `/api/housing/units/${unit.id}`)).body);
    }
    const asked = await call(TUTOR, 'POST', `/api/housing/units/${unit.id}/address-requests`, {
      reason: 'Accompagnamento al trasloco',
    });
    expect(asked.statusCode).toBe(201);
    bodies.push(asked.body, (await call(HOUSING, 'GET', '/api/housing/address-requests')).body);
    const street = address.split(',')[0]!;
    for (const body of bodies) expect(body).not.toContain(street);
    const listed = await ok<{ items: TUnit[] }>(HOUSING, 'GET', '/api/housing/units');
    const mine = listed.items.find((u) => u.id === unit.id)!;
    expect(mine).toMatchObject({ occupiedToday: 2, addressAccess: 'reveal', canManage: true });
    expect(mine.occupancies[0]!.householdCode).toBe(household.code);
    const asTutor = await ok<TUnit>(TUTOR, 'GET', `/api/housing/units/${unit.id}`);
    expect(asTutor).toMatchObject({ addressAccess: 'request', canManage: false });
    // Stored encrypted; the trail knows who saw what, never the street.
    const [row] = await system<{ address_encrypted: string }>(
      sql`select address_encrypted from housing_units where id = ${unit.id}`,
    );
    expect(row!.address_encrypted).not.toContain(street);
    const [trail] = await system<{ n: number }>(
      sql`select count(*)::int as n from audit_events where (details::text || coalesce(purpose, '')) like ${`%${street}%`}`,
    );
    expect(trail!.n).toBe(0);
    // Outside a housing team the list is empty and the unit a 404.
    for (const who of ['operatrice', 'operatore.romano']) {
      expect((await ok<{ items: TUnit[] }>(who, 'GET', '/api/housing/units')).items).toEqual([]);
      expect((await call(who, 'GET', `/api/housing/units/${unit.id}`)).statusCode).toBe(404);
    }
  });

  it('is revealed to its housing coordinator only after a step-up, with the reason audited', async () => {
    const { unit, address } = await newUnit();
    const before = await reveal(HOUSING, unit.id);
    expect(before.statusCode).toBe(403);
    expect(problemType(before)).toMatch(/step-up-required$/);
    await stepUp(HOUSING);
    const shown = await reveal(HOUSING, unit.id, 'Consegna delle chiavi al nucleo');
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toEqual({ unitId: unit.id, label: unit.label, address });
    const [audit] = await system<{ purpose: string; details: Record<string, unknown> }>(
      sql`select purpose, details from audit_events where action = 'housing.address_revealed' and record_id = ${unit.id}`,
    );
    expect(audit!.purpose).toBe('Consegna delle chiavi al nucleo');
    expect(JSON.stringify(audit!.details)).not.toContain('Rifugio');
    // Changing it also needs the step-up and leaves the street out of the trail.
    const changed = await ok<TUnit>(HOUSING, 'PUT', `/api/housing/units/${unit.id}/address`, {
      address: 'Viale Nuovo 7, Treviglio',
      reason: 'Trasferimento dell’alloggio',
    });
    expect(JSON.stringify(changed)).not.toContain('Viale Nuovo');
    expect((await reveal(HOUSING, unit.id)).json()).toMatchObject({ address: 'Viale Nuovo 7, Treviglio' });
  });

  it('is not revealed to the housing team’s practitioner or the case team without an approved request', async () => {
    const { unit } = await newUnit();
    const { household } = await newHousehold();
    await stay(unit.id, { householdCode: household.code, people: 2, startsOn: '2026-02-01' });
    for (const who of [TUTOR, 'operatrice']) {
      await stepUp(who);
      const res = await reveal(who, unit.id);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('Rifugio');
    }
    const denied = await system(
      sql`select 1 from audit_events where action = 'access.denied' and record_id = ${unit.id}`,
    );
    expect(denied.length).toBeGreaterThanOrEqual(2);
  });

  it('is seen once by someone outside the team after another coordinator approved their request', async () => {
    const { unit, address } = await newUnit();
    const { household } = await newHousehold();
    await stay(unit.id, { householdCode: household.code, people: 2, startsOn: '2026-03-01' });
    const reason = { reason: 'Colloquio a domicilio con la madre' };
    const url = `/api/housing/units/${unit.id}/address-requests`;
    // Nobody outside the household's team asks; the unit's coordinator reveals instead.
    expect((await call('operatore.romano', 'POST', url, reason)).statusCode).toBe(404);
    expect((await call(HOUSING, 'POST', url, reason)).statusCode).toBe(409);
    const asked = await ok<TAddressRequest>('operatrice', 'POST', url, reason);
    expect(asked).toMatchObject({ status: 'pending', canDecide: false, unitLabel: unit.label });
    expect((await call('operatrice', 'POST', url, reason)).statusCode).toBe(409);

    // Her own decision is refused: by the service when she also coordinates the housing service …
    const [me] = await system<{ id: string }>(sql`select id from users where username = 'operatrice'`);
    await system(
      sql`insert into memberships (user_id, role, service_id)
          select ${me!.id}, 'coordinator', id from services where kind = 'autonomy_housing' limit 1`,
    );
    const asCoordinator = await t.signIn('operatrice', 1);
    const own = await asCoordinator.request({
      method: 'POST',
      url: `/api/housing/address-requests/${asked.id}/decision`,
      payload: { approve: true, note: null },
    });
    expect(own.statusCode).toBe(403);
    expect(problemType(own)).toMatch(/own-address-request$/);
    // … and by the database, whatever path writes it.
    await expect(
      system(sql`update housing_address_requests set decided_by = requested_by where id = ${asked.id}`),
    ).rejects.toThrow();

    const pending = await ok<{ items: TAddressRequest[] }>(HOUSING, 'GET', '/api/housing/address-requests');
    expect(pending.items.find((r) => r.id === asked.id)?.canDecide).toBe(true);
    const decided = await ok<TAddressRequest>(
      HOUSING,
      'POST',
      `/api/housing/address-requests/${asked.id}/decision`,
      {
        approve: true,
        note: 'Per il colloquio di giovedì',
      },
    );
    expect(decided.status).toBe('approved');
    expect(decided.usableUntil).not.toBeNull();
    expect(
      (await call(HOUSING, 'POST', `/api/housing/address-requests/${asked.id}/decision`, { approve: false }))
        .statusCode,
    ).toBe(409);

    // An approved request still needs her own step-up.
    await system(
      sql`update sessions set step_up_at = null where user_id = (select id from users where username = 'operatrice')`,
    );
    const without = await reveal('operatrice', unit.id);
    expect(problemType(without)).toMatch(/step-up-required$/);
    await stepUp('operatrice');
    const first = await reveal('operatrice', unit.id, 'Colloquio a domicilio giovedì');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ address });
    expect((await reveal('operatrice', unit.id)).statusCode).toBe(404);
    const mine = await ok<{ items: TAddressRequest[] }>('operatrice', 'GET', '/api/housing/address-requests');
    expect(mine.items.find((r) => r.id === asked.id)).toMatchObject({ used: true, usableUntil: null });
    const [audit] = await system<{ purpose: string; actor_username: string }>(
      sql`select purpose, actor_username from audit_events
           where action = 'housing.address_revealed' and record_id = ${unit.id} and actor_username = 'operatrice'`,
    );
    expect(audit!.purpose).toBe('Colloquio a domicilio giovedì');
  });
});

describe('a request to see an address', () => {
  it('shows nothing once refused or expired', async () => {
    const { unit } = await newUnit();
    const url = `/api/housing/units/${unit.id}/address-requests`;
    await stepUp(TUTOR);
    const refused = await ok<TAddressRequest>(TUTOR, 'POST', url, { reason: 'Accompagnamento al trasloco' });
    await ok(HOUSING, 'POST', `/api/housing/address-requests/${refused.id}/decision`, { approve: false });
    expect((await reveal(TUTOR, unit.id)).statusCode).toBe(404);
    const late = await ok<TAddressRequest>(TUTOR, 'POST', url, { reason: 'Accompagnamento al trasloco' });
    await ok(HOUSING, 'POST', `/api/housing/address-requests/${late.id}/decision`, { approve: true });
    await system(
      sql`update housing_address_requests set usable_until = now() - interval '1 minute' where id = ${late.id}`,
    );
    expect((await reveal(TUTOR, unit.id)).statusCode).toBe(404);
    const [row] = await system<{ used_at: Date | null }>(
      sql`select used_at from housing_address_requests where id = ${late.id}`,
    );
    expect(row!.used_at).toBeNull();
  });
});

describe('stays in a protected apartment', () => {
  it('count the fullest day, not the sum of the stays, and refuse what goes over', async () => {
    const { unit } = await newUnit(4);
    const code = async () => (await newHousehold()).household.code;
    const a = await code();
    expect(
      (await stay(unit.id, { householdCode: a, people: 2, startsOn: '2027-01-01', endsOn: '2027-03-01' }))
        .statusCode,
    ).toBe(201);
    expect(
      (
        await stay(unit.id, {
          householdCode: await code(),
          people: 2,
          startsOn: '2027-03-01',
          endsOn: '2027-05-01',
        })
      ).statusCode,
    ).toBe(201);
    // Overlaps both (6 people in all) but never more than 4 on one day.
    expect(
      (
        await stay(unit.id, {
          householdCode: await code(),
          people: 2,
          startsOn: '2027-02-01',
          endsOn: '2027-04-01',
        })
      ).statusCode,
    ).toBe(201);
    const over = await stay(unit.id, { householdCode: await code(), people: 1, startsOn: '2027-02-15' });
    expect(over.statusCode).toBe(409);
    expect(fields(over)).toEqual(['people']);
    expect(JSON.stringify(over.json())).toContain('0 places');
    // Open-ended stays count to infinity.
    expect(
      (await stay(unit.id, { householdCode: await code(), people: 1, startsOn: '2027-05-01' })).statusCode,
    ).toBe(201);
    const later = await stay(unit.id, { householdCode: await code(), people: 4, startsOn: '2028-06-01' });
    expect(later.statusCode).toBe(409);
    expect(JSON.stringify(later.json())).toContain('3 places');
    // The same household twice at once, and an unknown household.
    const twice = await stay(unit.id, {
      householdCode: a,
      people: 1,
      startsOn: '2027-02-20',
      endsOn: '2027-02-25',
    });
    expect(twice.statusCode).toBe(409);
    expect(fields(twice)).toEqual(['householdCode']);
    const unknown = await stay(unit.id, { householdCode: 'N-ZZZZ9999', people: 1, startsOn: '2027-01-01' });
    expect(unknown.statusCode).toBe(400);
    expect(fields(unknown)).toEqual(['householdCode']);
  });

  it('keep the capacity from going below what is booked from today', async () => {
    const { unit } = await newUnit(4);
    const { household } = await newHousehold();
    const today = new Date().toISOString().slice(0, 10);
    const started = await ok<TUnit>(HOUSING, 'POST', `/api/housing/units/${unit.id}/occupancies`, {
      householdCode: household.code,
      people: 3,
      startsOn: today,
    });
    expect(started.occupiedToday).toBe(3);
    const below = await call(HOUSING, 'PATCH', `/api/housing/units/${unit.id}`, { capacity: 2 });
    expect(below.statusCode).toBe(409);
    expect(fields(below)).toEqual(['capacity']);
    expect(
      (await ok<TUnit>(HOUSING, 'PATCH', `/api/housing/units/${unit.id}`, { capacity: 3 })).capacity,
    ).toBe(3);
    // Ended, the seats are free again; a second end is refused.
    const stayId = started.occupancies[0]!.id;
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const end = { endsOn: tomorrow, exitReason: 'autonomy_reached' };
    const ended = await ok<TUnit>(HOUSING, 'POST', `/api/housing/occupancies/${stayId}/end`, end);
    expect(ended.occupancies[0]).toMatchObject({ endsOn: tomorrow, exitReason: 'autonomy_reached' });
    expect((await call(HOUSING, 'POST', `/api/housing/occupancies/${stayId}/end`, end)).statusCode).toBe(409);
    expect((await call(TUTOR, 'POST', `/api/housing/occupancies/${stayId}/end`, end)).statusCode).toBe(403);
  });

  it('never go over capacity when requests arrive at once', async () => {
    const { unit } = await newUnit(3);
    const codes: string[] = [];
    for (let i = 0; i < 6; i += 1) codes.push((await newHousehold()).household.code);
    await call(HOUSING, 'GET', '/api/housing/units');
    const answers = await Promise.all(
      codes.map((householdCode) => stay(unit.id, { householdCode, people: 1, startsOn: '2027-09-01' })),
    );
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses).toEqual([201, 201, 201, 409, 409, 409]);
    const [sum] = await system<{ n: number }>(
      sql`select coalesce(sum(people), 0)::int as n from housing_occupancies where unit_id = ${unit.id}`,
    );
    expect(sum!.n).toBe(3);
  });
});

describe('messages about a stay', () => {
  const SAFE = 'rifugio.sicuro@example.org';
  const FORBIDDEN = 'casa.vecchia@example.org';

  async function family() {
    const adult = {
      givenName: 'Leila',
      familyName: 'Haddad',
      relationship: 'reference_person',
      caseRole: 'victim',
      birthYear: 1985,
      gender: 'female',
      citizenship: 'MA',
      languages: ['ar'],
      preferredLanguage: 'ar',
      interpreterNeeded: false,
      municipality: TREVIGLIO,
    };
    const h = await ok<THousehold>('operatrice', 'POST', '/api/households', {
      municipality: TREVIGLIO,
      members: [
        adult,
        { ...adult, givenName: 'Karim', relationship: 'partner', caseRole: 'perpetrator', gender: 'male' },
        { ...adult, givenName: 'Nour', relationship: 'child', caseRole: 'child', birthYear: 2018 },
      ],
      acknowledgeDuplicates: true,
    });
    const [mother, father] = h.members;
    return { household: h, motherId: mother!.id, fatherId: father!.id };
  }
  const rules = (personId: string, safeContact: object) =>
    ok('operatrice', 'PUT', `/api/people/${personId}/safety`, { safeContact });
  const messages = (householdCode: string) =>
    system<{ person_id: string; channel: string; status: string }>(
      sql`select m.person_id, m.channel, m.status from housing_messages m
            join housing_occupancies o on o.id = m.occupancy_id join households h on h.id = o.household_id
           where h.code = ${householdCode}`,
    );

  it('go to the adults who are not the perpetrator, by the safe channel, naming no address', async () => {
    const { unit, address } = await newUnit();
    const { household, motherId, fatherId } = await family();
    await rules(motherId, { channels: ['email'], email: SAFE });
    await rules(fatherId, { channels: ['email'], email: 'karim@example.org' });
    await ok(HOUSING, 'POST', `/api/housing/units/${unit.id}/occupancies`, {
      householdCode: household.code,
      people: 3,
      startsOn: '2026-04-01',
    });
    const planned = await messages(household.code);
    expect(planned).toEqual([{ person_id: motherId, channel: 'email', status: 'planned' }]);
    await t.runJobs();
    await t.runJobs();
    const sent = t.mails.filter((m) => m.to === SAFE);
    expect(sent).toHaveLength(1);
    expect(t.mails.some((m) => m.to === 'karim@example.org')).toBe(false);
    const text = `${sent[0]!.subject}\n${sent[0]!.text}`;
    expect(text).toContain('Il servizio che ti segue ti contatterà');
    for (const secret of [address.split(',')[0]!, unit.label, unit.district.name, 'Autonomia', 'Cerchio'])
      expect(text).not.toContain(secret);
    expect((await messages(household.code))[0]!.status).toBe('sent');
    const [audit] = await system<{ details: unknown }>(
      sql`select details from audit_events where action = 'housing.message_planned' and record_id = ${motherId}`,
    );
    expect(audit!.details).toEqual({ channel: 'email' });
  });

  it('never write to an address the rules forbid, when planned or when due', async () => {
    const { unit } = await newUnit();
    const first = await family();
    await rules(first.motherId, { channels: ['email'], email: FORBIDDEN, neverWriteTo: [FORBIDDEN] });
    await ok(HOUSING, 'POST', `/api/housing/units/${unit.id}/occupancies`, {
      householdCode: first.household.code,
      people: 2,
      startsOn: '2027-05-01',
      endsOn: '2027-06-01',
    });
    expect(await messages(first.household.code)).toEqual([
      { person_id: first.motherId, channel: 'none', status: 'not_sent:address_forbidden' },
    ]);
    // Allowed when planned, forbidden by the time it is due: withheld.
    const second = await family();
    await rules(second.motherId, { channels: ['email', 'phone_call'], email: FORBIDDEN });
    await ok(HOUSING, 'POST', `/api/housing/units/${unit.id}/occupancies`, {
      householdCode: second.household.code,
      people: 2,
      startsOn: '2027-05-01',
      endsOn: '2027-06-01',
    });
    expect((await messages(second.household.code))[0]!.status).toBe('planned');
    await rules(second.motherId, {
      channels: ['email', 'phone_call'],
      email: FORBIDDEN,
      neverWriteTo: [FORBIDDEN],
    });
    await t.runJobs();
    await t.runJobs();
    expect(t.mails.filter((m) => m.to === FORBIDDEN)).toEqual([]);
    expect((await messages(second.household.code))[0]).toMatchObject({
      channel: 'phone_call',
      status: 'task:phone_call',
    });
  });
});
