import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { TPlan, TTutorOptions } from '../../src/contracts/autonomy.js';
import type { TAddressRequest, TLedger, TRentRequest, TUnit } from '../../src/contracts/housing.js';
import { reviewKit, today } from './review-support.js';
import { FINANCE, HOUSING, TUTOR } from './support.js';

/**
 * The security review of autonomy and housing (issue 20), on access: what a colleague blocked from
 * a person (a perpetrator's follower, a conflict-of-interest lock), a practitioner or a case worker
 * of another district could reach, and must not. Money written straight to the database, dates and
 * races: review-money.int.test.ts. Each test fails without the fix it names in the report.
 */
const {
  t,
  ok,
  call,
  fields,
  system,
  userId,
  stepUp,
  family,
  newUnit,
  host,
  lock,
  reveal,
  askAddress,
  hostedRequest,
} = reviewKit();

describe('a colleague blocked from someone of the household', () => {
  it('finds no apartment in a plan of another member, and neither asks for nor sees its address', async () => {
    const { household, motherId, sonId } = await family();
    const plan = await ok<TPlan>('operatrice', 'POST', '/api/autonomy/plans', {
      personId: sonId,
      origin: 'direct',
      tutorUserId: await userId(TUTOR),
      startedOn: '2026-10-01',
      nextReviewOn: null,
    });
    const now = await newUnit();
    const before = await newUnit();
    expect((await host(now.id, household.code, '2026-01-10')).statusCode).toBe(201);
    expect((await host(before.id, household.code, '2025-01-01', '2025-06-01')).statusCode).toBe(201);
    const approved = await ok<TAddressRequest>(
      'operatrice',
      'POST',
      `/api/housing/units/${now.id}/address-requests`,
      {
        reason: 'Colloquio a domicilio',
      },
    );
    await ok(HOUSING, 'POST', `/api/housing/address-requests/${approved.id}/decision`, { approve: true });
    const seen = await ok<TPlan>('operatrice', 'GET', `/api/autonomy/plans/${plan.id}`);
    expect(seen.housing.map((h) => h.unitId).sort()).toEqual([now.id, before.id].sort());

    await lock(motherId, 'operatrice');
    // The son's plan is still hers to read, but not where his mother lives or lived.
    const after = await ok<TPlan>('operatrice', 'GET', `/api/autonomy/plans/${plan.id}`);
    expect(after.person.id).toBe(sonId);
    expect(after.housing).toEqual([]);
    expect(JSON.stringify(after)).not.toContain(now.label);
    // The approval granted before the lock no longer opens the address, and is not used up.
    await stepUp('operatrice');
    const shown = await reveal('operatrice', now.id);
    expect(shown.statusCode).toBe(404);
    expect(shown.body).not.toContain('Riservata');
    const [kept] = await system<{ used_at: Date | null }>(
      sql`select used_at from housing_address_requests where id = ${approved.id}`,
    );
    expect(kept!.used_at).toBeNull();
    // Nor does the household's stay justify a new request, even for a unit she has left.
    expect((await askAddress('operatrice', before.id)).statusCode).toBe(404);
  });

  it('in the housing team sees the stay counted but not whose it is, and the coordinator neither reveals nor places', async () => {
    const { household, motherId } = await family();
    const unit = await newUnit();
    expect((await host(unit.id, household.code, '2026-02-01')).statusCode).toBe(201);
    await lock(motherId, TUTOR);
    const asTutor = await ok<TUnit>(TUTOR, 'GET', `/api/housing/units/${unit.id}`);
    expect(asTutor.occupiedToday).toBe(2);
    expect(asTutor.occupancies.map((o) => o.householdCode)).toEqual(['—']);
    const listed = await ok<{ items: TUnit[] }>(TUTOR, 'GET', '/api/housing/units');
    expect(JSON.stringify(listed)).not.toContain(household.code);
    expect((await askAddress(TUTOR, unit.id)).statusCode).toBe(404);

    await lock(motherId, HOUSING);
    const asCoordinator = await ok<TUnit>(HOUSING, 'GET', `/api/housing/units/${unit.id}`);
    expect(asCoordinator.occupancies[0]!.householdCode).toBe('—');
    await stepUp(HOUSING);
    expect((await reveal(HOUSING, unit.id)).statusCode).toBe(404);
    const other = await newUnit();
    const placed = await host(other.id, household.code, '2027-01-01');
    expect(placed.statusCode).toBe(400);
    expect(fields(placed)).toEqual(['householdCode']);
    // Each refusal is audited as a denied access, like a unit that does not exist.
    const [denied] = await system<{ n: number }>(
      sql`select count(*)::int as n from audit_events where action = 'access.denied' and record_id = ${unit.id}`,
    );
    expect(denied!.n).toBeGreaterThanOrEqual(2);
  });

  it('in finance does not reach the household’s rent support, and the ledger withholds its code', async () => {
    const { household, motherId, budget, body, request: paid } = await hostedRequest('2026-01-15', 40_000);
    await ok(FINANCE, 'POST', `/api/payments/requests/${paid.id}/approve`, {});
    await ok(FINANCE, 'POST', `/api/payments/requests/${paid.id}/pay`, {
      paidOn: today(),
      reference: 'CRO 42',
    });
    const waiting = await ok<TRentRequest>(HOUSING, 'POST', '/api/payments/requests', body);

    await lock(motherId, FINANCE);
    expect((await call(FINANCE, 'GET', `/api/payments/requests/${waiting.id}`)).statusCode).toBe(404);
    const approve = await call(FINANCE, 'POST', `/api/payments/requests/${waiting.id}/approve`, {});
    expect(approve.statusCode).toBe(404);
    const list = await ok<{ items: TRentRequest[] }>(FINANCE, 'GET', '/api/payments/requests');
    expect(list.items.map((r) => r.id)).not.toContain(waiting.id);
    const ledger = await ok<TLedger>(FINANCE, 'GET', `/api/payments/ledger?budgetId=${budget.id}`);
    expect(ledger.entries.map((e) => [e.householdCode, e.amountCents])).toEqual([['—', 40_000]]);
    expect(ledger.lines[0]).toMatchObject({ paidCents: 40_000, committedCents: 40_000 });
    const byCode = await ok<TLedger>(FINANCE, 'GET', `/api/payments/ledger?householdCode=${household.code}`);
    expect(byCode.entries).toEqual([]);
    const exported = await call(
      FINANCE,
      'GET',
      `/api/payments/ledger/export?format=csv&budgetId=${budget.id}`,
    );
    expect(exported.body).not.toContain(household.code);
    const own = await call(FINANCE, 'POST', '/api/payments/requests', body);
    expect(own.statusCode).toBe(400);
    expect(fields(own)).toEqual(['householdCode']);
    // The housing coordinator, not blocked, still reads it.
    const asCoordinator = await ok<TRentRequest>(HOUSING, 'GET', `/api/payments/requests/${waiting.id}`);
    expect(asCoordinator.householdCode).toBe(household.code);
  });
});

/** A browser form with one file in the field `file`. */
function multipart(name: string, text: string) {
  const boundary = '----tramaReview';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/plain\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), Buffer.from(text), Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe('a lease attached to a rent request', () => {
  it('opens for finance and the coordinators, not for a practitioner who did not add it', async () => {
    const { motherId, request } = await hostedRequest('2026-01-20');
    const coordinator = await t.signIn(HOUSING);
    const added = await coordinator.request({
      method: 'POST',
      url: `/api/payments/requests/${request.id}/documents`,
      ...multipart('contratto.txt', 'Contratto di locazione, Via Riservata 1.'),
    });
    expect(added.statusCode).toBe(201);
    const doc = (added.json() as TRentRequest).documents[0]!;
    const why = { reason: 'Controllo del contratto prima del pagamento' };
    // The practitioner reads the request, not the lease (it names the apartment's address).
    expect((await call(TUTOR, 'GET', `/api/payments/requests/${request.id}`)).statusCode).toBe(200);
    for (const who of [TUTOR, FINANCE, HOUSING]) await stepUp(who);
    expect((await call(TUTOR, 'POST', `/api/files/${doc.id}/link`, why)).statusCode).toBe(404);
    expect((await call(HOUSING, 'POST', `/api/files/${doc.id}/link`, why)).statusCode).toBe(200);
    expect((await call(FINANCE, 'POST', `/api/files/${doc.id}/link`, why)).statusCode).toBe(200);
    // Blocked from the mother, finance no longer opens it either.
    await lock(motherId, FINANCE);
    expect((await call(FINANCE, 'POST', `/api/files/${doc.id}/link`, why)).statusCode).toBe(404);
  });
});

describe('a plan’s tutor', () => {
  it('is one the tutors’ list offers: someone of another organisation and district is refused', async () => {
    const { sonId } = await family();
    const tutors = await ok<TTutorOptions>('operatrice', 'GET', '/api/autonomy/tutors');
    const names = tutors.items.map((u) => u.id);
    const [romano, clinician] = [await userId('operatore.romano'), await userId('clinica')];
    expect(names).not.toContain(romano);
    // The district's ethnoclinical clinician is offered, as the API accepts her.
    expect(names).toContain(clinician);
    const body = { personId: sonId, origin: 'direct', startedOn: '2026-10-01', nextReviewOn: null };
    const far = await call('operatrice', 'POST', '/api/autonomy/plans', { ...body, tutorUserId: romano });
    expect(far.statusCode).toBe(400);
    expect(fields(far)).toEqual(['tutorUserId']);
    const plan = await ok<TPlan>('operatrice', 'POST', '/api/autonomy/plans', {
      ...body,
      tutorUserId: await userId(TUTOR),
    });
    const handed = await call('operatrice', 'PATCH', `/api/autonomy/plans/${plan.id}`, {
      tutorUserId: romano,
    });
    expect(fields(handed)).toEqual(['tutorUserId']);
    expect((await call('operatore.romano', 'GET', `/api/autonomy/plans/${plan.id}`)).statusCode).toBe(404);
  });

  it('is given a first review on or after the start', async () => {
    const { sonId } = await family();
    const res = await call('operatrice', 'POST', '/api/autonomy/plans', {
      personId: sonId,
      origin: 'direct',
      tutorUserId: await userId(TUTOR),
      startedOn: '2026-10-01',
      nextReviewOn: '2026-09-01',
    });
    expect(res.statusCode).toBe(400);
    expect(fields(res)).toEqual(['nextReviewOn']);
  });
});
