import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { TBudget, TLedger, TRentRequest } from '../../src/contracts/housing.js';
import { detail, path, paymentsKit, problemType, today } from './payments-support.js';
import { FINANCE, HOUSING, TUTOR } from './support.js';

/**
 * Rent support (issue 20, item 5): budgets per year and funding line, requests by the housing team,
 * approved and paid by a finance officer who did not ask (four eyes, in the API and as a CHECK), never
 * beyond the line's remaining budget even when approvals race, paid orders frozen and undone only
 * by a counter-entry, an append-only ledger that reconciles with the budget and with its export.
 * Landlords and documents: payments-sealed.int.test.ts.
 */
const {
  ok,
  call,
  fields,
  system,
  newHousehold,
  hostedHousehold,
  newBudget,
  requestBody,
  newRequest,
  refusal,
  budgetOf,
} = paymentsKit();

describe('rent support budgets', () => {
  it('are created by finance once per year and line, read by the housing team, by nobody else', async () => {
    const budget = await newBudget(300_000);
    expect(budget).toMatchObject({
      amountCents: 300_000,
      committedCents: 0,
      paidCents: 0,
      remainingCents: 300_000,
    });
    const again = await call(FINANCE, 'POST', '/api/payments/budgets', {
      year: 2026,
      fundingLine: budget.fundingLine,
      amountCents: 1000,
    });
    expect(again.statusCode).toBe(409);
    expect(fields(again)).toEqual(['fundingLine']);
    expect(
      (await call(HOUSING, 'POST', '/api/payments/budgets', { year: 2027, fundingLine: 'X', amountCents: 5 }))
        .statusCode,
    ).toBe(403);
    for (const who of [HOUSING, TUTOR]) {
      const asHousing = await ok<{ items: TBudget[] }>(who, 'GET', '/api/payments/budgets');
      expect(asHousing.items.map((b) => b.id)).toContain(budget.id);
    }
    // A coordinator of another service holds payments.read and reads nothing.
    expect(await ok<{ items: TBudget[] }>('coordinatrice', 'GET', '/api/payments/budgets')).toEqual({
      items: [],
    });
  });
});

describe('a rent support request', () => {
  it('is asked for a household hosted by the service, within the remaining budget', async () => {
    const budget = await newBudget(100_000);
    const { code, unitId } = await hostedHousehold();
    const created = await ok<TRentRequest>(
      TUTOR,
      'POST',
      '/api/payments/requests',
      requestBody(budget.id, code, { unitId }),
    );
    expect(created.code).toMatch(/^RS-[A-Z0-9]{6}$/);
    expect(created).toMatchObject({
      status: 'requested',
      householdCode: code,
      payeeName: 'Cooperativa sociale Il Cerchio',
    });
    expect(created.can).toMatchObject({ approve: false, cancel: true, pay: false });
    expect((await ok<TRentRequest>(FINANCE, 'GET', path(created.id))).can.approve).toBe(true);

    const stranger = (await newHousehold()).household.code;
    const notHosted = await call(TUTOR, 'POST', '/api/payments/requests', requestBody(budget.id, stranger));
    expect(notHosted.statusCode).toBe(400);
    expect(fields(notHosted)).toEqual(['householdCode']);
    const other = await hostedHousehold();
    const wrongUnit = await call(
      TUTOR,
      'POST',
      '/api/payments/requests',
      requestBody(budget.id, code, { unitId: other.unitId }),
    );
    expect(fields(wrongUnit)).toEqual(['unitId']);
    const noPartner = await call(
      TUTOR,
      'POST',
      '/api/payments/requests',
      requestBody(budget.id, code, { payeeOrganisationId: randomUUID() }),
    );
    expect(fields(noPartner)).toEqual(['payeeOrganisationId']);
    const tooMuch = await call(
      TUTOR,
      'POST',
      '/api/payments/requests',
      requestBody(budget.id, code, { amountCents: 100_001 }),
    );
    expect(tooMuch.statusCode).toBe(409);
    expect(fields(tooMuch)).toEqual(['amountCents']);
    expect(detail(tooMuch)).toContain('€ 1.000,00');
  });

  it('is nobody’s business outside the service: an empty list, a 404, a refusal to ask', async () => {
    const budget = await newBudget();
    const request = await newRequest(HOUSING, budget.id);
    const list = await ok<{ items: TRentRequest[] }>('operatrice', 'GET', '/api/payments/requests');
    expect(list.items).toEqual([]);
    expect((await call('operatrice', 'GET', path(request.id))).statusCode).toBe(404);
    expect((await call('operatrice', 'POST', path(request.id, '/cancel'), {})).statusCode).toBe(404);
    const asked = await call(
      'operatrice',
      'POST',
      '/api/payments/requests',
      requestBody(budget.id, request.householdCode),
    );
    expect(asked.statusCode).toBe(403);
    const mine = await ok<{ items: TRentRequest[] }>(
      TUTOR,
      'GET',
      `/api/payments/requests?budgetId=${budget.id}`,
    );
    expect(mine.items.map((r) => r.id)).toEqual([request.id]);
  });

  it('is withdrawn by its requester only, while nobody has decided it', async () => {
    const budget = await newBudget();
    const request = await newRequest(TUTOR, budget.id);
    expect((await call(HOUSING, 'POST', path(request.id, '/cancel'), {})).statusCode).toBe(403);
    const cancelled = await ok<TRentRequest>(TUTOR, 'POST', path(request.id, '/cancel'), {});
    expect(cancelled.status).toBe('cancelled');
    expect((await call(TUTOR, 'POST', path(request.id, '/cancel'), {})).statusCode).toBe(409);
    expect((await call(FINANCE, 'POST', path(request.id, '/approve'), {})).statusCode).toBe(409);
  });
});

describe('four eyes', () => {
  it('let finance approve a request made by someone else, never her own (API and database)', async () => {
    const budget = await newBudget(200_000);
    const theirs = await newRequest(HOUSING, budget.id);
    const approved = await ok<TRentRequest>(FINANCE, 'POST', path(theirs.id, '/approve'), {});
    expect(approved).toMatchObject({ status: 'approved', approvedBy: 'Marta Ragioniera' });
    expect((await budgetOf(budget.id)).committedCents).toBe(45_000);

    const own = await newRequest(FINANCE, budget.id);
    expect(own.can.approve).toBe(false);
    for (const action of ['/approve', '/pay'] as const) {
      const res = await call(
        FINANCE,
        'POST',
        path(own.id, action),
        action === '/pay' ? { paidOn: '2026-12-01', reference: 'CRO 1' } : {},
      );
      expect(res.statusCode, action).toBe(403);
      expect(problemType(res)).toContain('four-eyes');
    }
    const refused = await call(FINANCE, 'POST', path(own.id, '/refuse'), { reason: 'Manca il contratto.' });
    expect(problemType(refused)).toContain('four-eyes');
    // Whatever path writes it, the database refuses the requester as approver or payer.
    const byOwner = await refusal(
      sql`update rent_requests set status = 'approved', approved_by = requested_by, approved_at = now() where id = ${own.id}`,
    );
    expect(byOwner).toMatch(/rent_requests_four_eyes_check/);
    expect(await refusal(sql`update rent_requests set paid_by = requested_by where id = ${own.id}`)).toMatch(
      /rent_requests_four_eyes_check/,
    );
    expect((await ok<TRentRequest>(FINANCE, 'GET', path(own.id))).status).toBe('requested');
  });

  it('never approve beyond the remaining budget, naming what is left', async () => {
    const budget = await newBudget(80_000);
    const first = await newRequest(TUTOR, budget.id, { amountCents: 50_000 });
    const second = await newRequest(TUTOR, budget.id, { amountCents: 50_000 });
    await ok(FINANCE, 'POST', path(first.id, '/approve'), {});
    const over = await call(FINANCE, 'POST', path(second.id, '/approve'), {});
    expect(over.statusCode).toBe(409);
    expect(fields(over)).toEqual(['amountCents']);
    expect(detail(over)).toContain('€ 300,00');
    expect((await ok<TRentRequest>(FINANCE, 'GET', path(second.id))).status).toBe('requested');
    expect((await budgetOf(budget.id)).committedCents).toBe(50_000);
  });

  it('hold when approvals race: the line never commits more than its amount', async () => {
    const budget = await newBudget(100_000);
    const requests = [];
    for (let i = 0; i < 6; i++) requests.push(await newRequest(TUTOR, budget.id, { amountCents: 30_000 }));
    const answers = await Promise.all(requests.map((r) => call(FINANCE, 'POST', path(r.id, '/approve'), {})));
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes).toEqual([200, 200, 200, 409, 409, 409]);
    const [sum] = await system<{ committed: string; approved: string }>(
      sql`select b.committed_cents as committed,
                 (select coalesce(sum(amount_cents), 0) from rent_requests where budget_id = b.id and status = 'approved') as approved
            from rent_budgets b where b.id = ${budget.id}`,
    );
    expect(Number(sum!.committed)).toBe(90_000);
    expect(Number(sum!.approved)).toBe(90_000);
  });
});

describe('a paid order', () => {
  it('is frozen: changed by no route nor by the owner, undone only by a counter-entry', async () => {
    const budget = await newBudget(200_000);
    const request = await newRequest(HOUSING, budget.id);
    await ok(FINANCE, 'POST', path(request.id, '/approve'), {});
    const early = await call(FINANCE, 'POST', path(request.id, '/pay'), {
      paidOn: '2020-01-01',
      reference: 'CRO 9',
    });
    expect(fields(early)).toEqual(['paidOn']);
    const paid = await ok<TRentRequest>(FINANCE, 'POST', path(request.id, '/pay'), {
      paidOn: today,
      reference: 'CRO 0001',
    });
    expect(paid).toMatchObject({
      status: 'paid',
      paidOn: today,
      paymentReference: 'CRO 0001',
      reversed: false,
    });
    for (const [action, body] of [
      ['/approve', {}],
      ['/pay', { paidOn: today, reference: 'CRO 2' }],
      ['/refuse', { reason: 'Ripensamento tardivo.' }],
    ] as const)
      expect((await call(FINANCE, 'POST', path(request.id, action), body)).statusCode, action).toBe(409);
    expect(await refusal(sql`update rent_requests set amount_cents = 1 where id = ${request.id}`)).toMatch(
      /paid/,
    );
    expect(await refusal(sql`delete from rent_requests where id = ${request.id}`)).toMatch(
      /is paid: reverse it in the ledger/,
    );

    const reversed = await ok<TRentRequest>(FINANCE, 'POST', path(request.id, '/reverse'), {
      reversedOn: today,
      reason: 'Bonifico respinto dalla banca.',
    });
    expect(reversed).toMatchObject({ status: 'paid', reversed: true, amountCents: 45_000 });
    expect(reversed.can.reverse).toBe(false);
    expect(
      (
        await call(FINANCE, 'POST', path(request.id, '/reverse'), {
          reversedOn: today,
          reason: 'Di nuovo, per errore.',
        })
      ).statusCode,
    ).toBe(409);
    const lines = await system<{ kind: string; amount_cents: string }>(
      sql`select kind, amount_cents from rent_ledger_entries where request_id = ${request.id} order by kind`,
    );
    expect(lines.map((l) => [l.kind, Number(l.amount_cents)])).toEqual([
      ['payment', 45_000],
      ['reversal', -45_000],
    ]);
    expect(await budgetOf(budget.id)).toMatchObject({
      committedCents: 0,
      paidCents: 0,
      remainingCents: 200_000,
    });
  });

  it('leaves a ledger nobody edits or deletes', async () => {
    const budget = await newBudget();
    const request = await newRequest(TUTOR, budget.id);
    await ok(FINANCE, 'POST', path(request.id, '/approve'), {});
    await ok(FINANCE, 'POST', path(request.id, '/pay'), { paidOn: today, reference: 'CRO 77' });
    expect(
      await refusal(sql`update rent_ledger_entries set amount_cents = 1 where request_id = ${request.id}`),
    ).toMatch(/append-only/);
    expect(await refusal(sql`delete from rent_ledger_entries where request_id = ${request.id}`)).toMatch(
      /append-only/,
    );
  });
});

describe('the ledger and its export', () => {
  it('reconcile with the budget, and the export holds no unit and no landlord', async () => {
    const budget = await newBudget(400_000);
    const { code, unitId, label } = await hostedHousehold();
    const landlord = {
      name: 'Giuseppe Padrone',
      iban: 'IT60 X054 2811 1010 0000 0123 456',
      taxCode: null,
      leaseNote: null,
    };
    const byLandlord = await ok<TRentRequest>(HOUSING, 'POST', '/api/payments/requests', {
      ...requestBody(budget.id, code, { unitId, amountCents: 60_000 }),
      payeeKind: 'landlord',
      payeeOrganisationId: null,
      landlord,
    });
    const toPartner = await newRequest(TUTOR, budget.id, { amountCents: 70_000 });
    const waiting = await newRequest(TUTOR, budget.id, { amountCents: 20_000 });
    const reversedOne = await newRequest(TUTOR, budget.id, { amountCents: 10_000 });
    for (const r of [byLandlord, toPartner, waiting, reversedOne])
      await ok(FINANCE, 'POST', path(r.id, '/approve'), {});
    for (const r of [byLandlord, toPartner, reversedOne])
      await ok(FINANCE, 'POST', path(r.id, '/pay'), { paidOn: today, reference: `CRO ${r.code}` });
    await ok(FINANCE, 'POST', path(reversedOne.id, '/reverse'), {
      reversedOn: today,
      reason: 'Importo errato.',
    });

    const ledger = await ok<TLedger>(FINANCE, 'GET', `/api/payments/ledger?budgetId=${budget.id}`);
    const [line] = ledger.lines;
    expect(line).toMatchObject({ paidCents: 130_000, approvedUnpaidCents: 20_000, remainingCents: 250_000 });
    expect(line!.paidCents + line!.approvedUnpaidCents + line!.remainingCents).toBe(line!.amountCents);
    expect(ledger.totalPaidCents).toBe(130_000);
    expect(ledger.entries.reduce((s, e) => s + e.amountCents, 0)).toBe(130_000);
    expect(ledger.entries.find((e) => e.requestCode === byLandlord.code)?.payeeName).toBeNull();
    const byHousehold = await ok<TLedger>(FINANCE, 'GET', `/api/payments/ledger?householdCode=${code}`);
    expect(byHousehold.entries.map((e) => e.requestCode)).toEqual([byLandlord.code]);

    const csv = await call(FINANCE, 'GET', `/api/payments/ledger/export?format=csv&budgetId=${budget.id}`);
    expect(csv.statusCode).toBe(200);
    const [header, ...rows] = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(header).toBe(
      'Data;Anno;Linea di finanziamento;Codice nucleo;Codice richiesta;Beneficiario;Tipo;Importo (€);Riferimento',
    );
    const amounts = rows.map((r) => Number(r.split(';')[7]!.replace(',', '.')));
    expect(Math.round(amounts.reduce((s, a) => s + a, 0) * 100)).toBe(line!.paidCents);
    expect(rows.find((r) => r.includes(byLandlord.code))).toContain('Locatore privato');
    expect(rows.some((r) => r.includes('Storno') && r.includes('-100,00'))).toBe(true);
    const xlsx = await call(FINANCE, 'GET', `/api/payments/ledger/export?format=xlsx&budgetId=${budget.id}`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    let sheetSum = 0;
    book.worksheets[0]!.eachRow((row, n) => {
      cells.push(JSON.stringify(row.values));
      if (n > 1 && row.getCell(5).value) sheetSum += Number(row.getCell(8).value);
    });
    expect(Math.round(sheetSum * 100)).toBe(line!.paidCents);
    for (const text of [csv.body, cells.join('\n')])
      for (const secret of [label, landlord.name, 'IT60', '0123456', 'sealed', 'Importo errato'])
        expect(text, secret).not.toContain(secret);
    const [audited] = await system<{ n: number }>(
      sql`select count(*)::int as n from audit_events where action = 'payments.ledger_exported' and actor_username = ${FINANCE}`,
    );
    expect(audited!.n).toBeGreaterThanOrEqual(2);
    // A coordinator of another service reads an empty ledger.
    expect((await ok<TLedger>('coordinatrice', 'GET', '/api/payments/ledger')).entries).toEqual([]);
  });
});
