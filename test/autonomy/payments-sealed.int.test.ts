import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { TLandlord, TRentRequest } from '../../src/contracts/housing.js';
import { path, paymentsKit, problemType } from './payments-support.js';
import { FINANCE, HOUSING, TUTOR } from './support.js';

/**
 * Rent support's sealed parts (issue 20, item 5): a private landlord's name, tax code, IBAN and lease
 * are in no answer but the reveal (after a step-up, with a reason, audited); supporting documents
 * are safety files (no name in lists, a step-up and a reason to open one), read by the service only.
 */
const { t, ok, call, system, stepUp, userId, hostedHousehold, newBudget, requestBody, newRequest } =
  paymentsKit();

describe('a private landlord’s details', () => {
  it('are in no answer but the reveal, after a step-up, with a reason, audited', async () => {
    const budget = await newBudget();
    const { code, unitId } = await hostedHousehold();
    const landlord = {
      name: 'Anna Proprietaria',
      taxCode: 'PRPNNA70A41L400X',
      iban: 'IT60X0542811101000000654321',
      leaseNote: 'Contratto 4+4',
    };
    const created = await call(TUTOR, 'POST', '/api/payments/requests', {
      ...requestBody(budget.id, code, { unitId }),
      payeeKind: 'landlord',
      payeeOrganisationId: null,
      landlord,
    });
    expect(created.statusCode).toBe(201);
    const request = created.json() as TRentRequest;
    expect(request.payeeName).toBeNull();
    const seen = [
      created.body,
      (await call(FINANCE, 'GET', path(request.id))).body,
      (await call(HOUSING, 'GET', '/api/payments/requests')).body,
    ];
    for (const body of seen)
      for (const secret of [landlord.name, landlord.iban, landlord.taxCode])
        expect(body).not.toContain(secret);
    expect((await ok<TRentRequest>(HOUSING, 'GET', path(request.id))).can.revealLandlord).toBe(true);

    const reveal = (who: string) =>
      call(who, 'POST', path(request.id, '/landlord/reveal'), { reason: 'Verifica IBAN prima del bonifico' });
    const noStepUp = await reveal(FINANCE);
    expect(noStepUp.statusCode).toBe(403);
    expect(problemType(noStepUp)).toContain('step-up-required');
    expect((await reveal(TUTOR)).statusCode).toBe(403);
    await stepUp(FINANCE);
    const shown = await reveal(FINANCE);
    expect(shown.statusCode).toBe(200);
    expect(shown.json() as TLandlord).toMatchObject({
      name: landlord.name,
      iban: landlord.iban,
      taxCode: landlord.taxCode,
    });
    const [event] = await system<{ purpose: string }>(
      sql`select purpose from audit_events where action = 'payments.landlord_revealed' and record_id = ${request.id}`,
    );
    expect(event!.purpose).toBe('Verifica IBAN prima del bonifico');
    // The service's housing coordinator too, after her own step-up.
    await stepUp(HOUSING);
    expect((await reveal(HOUSING)).statusCode).toBe(200);
    // A coordinator of another service holds payments.read: after a step-up, the same 404 as for nothing.
    expect((await call('coordinatrice', 'GET', '/api/payments/requests')).statusCode).toBe(200);
    await stepUp('coordinatrice');
    expect((await reveal('coordinatrice')).statusCode).toBe(404);
    const partner = await newRequest(TUTOR, budget.id);
    expect(
      (
        await call(FINANCE, 'POST', path(partner.id, '/landlord/reveal'), {
          reason: 'Verifica IBAN prima del bonifico',
        })
      ).statusCode,
    ).toBe(409);
  });
});

/** A browser form with one file in the field `file`. */
function multipart(name: string, type: string, text: string) {
  const boundary = '----tramaRentRequest';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), Buffer.from(text), Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe('supporting documents', () => {
  it('are stored as safety files: listed without a name, fetched by the service after a step-up', async () => {
    const budget = await newBudget();
    const request = await newRequest(TUTOR, budget.id);
    const url = path(request.id, '/documents');
    const lease = multipart(
      'contratto-via-segreta-7.txt',
      'text/plain',
      'Contratto di locazione, via Segreta 7.',
    );
    const outsider = await t.signIn('operatrice');
    expect((await outsider.request({ method: 'POST', url, ...lease })).statusCode).toBe(404);
    const tutor = await t.signIn(TUTOR);
    const added = await tutor.request({ method: 'POST', url, ...lease });
    expect(added.statusCode).toBe(201);
    const [doc] = (added.json() as TRentRequest).documents;
    expect(doc).toMatchObject({ name: null, contentType: 'text/plain' });
    expect((await call(FINANCE, 'GET', '/api/payments/requests')).body).not.toContain('via-segreta');

    const why = { reason: 'Controllo del contratto prima del pagamento' };
    await system(sql`update sessions set step_up_at = null where user_id = ${await userId(FINANCE)}`);
    expect((await call(FINANCE, 'POST', `/api/files/${doc!.id}/link`, why)).statusCode).toBe(403);
    await stepUp(FINANCE);
    const link = await ok<{ url: string }>(FINANCE, 'POST', `/api/files/${doc!.id}/link`, why);
    const file = await call(FINANCE, 'GET', link.url);
    expect(file.body).toBe('Contratto di locazione, via Segreta 7.');
    expect((await call('operatrice', 'GET', '/api/payments/requests')).statusCode).toBe(200);
    await stepUp('operatrice');
    expect((await call('operatrice', 'POST', `/api/files/${doc!.id}/link`, why)).statusCode).toBe(404);
    await ok(TUTOR, 'POST', path(request.id, '/cancel'), {});
    expect((await tutor.request({ method: 'POST', url, ...lease })).statusCode).toBe(409);
  });
});
