import { describe, expect, it } from 'vitest';
import type { THousehold, TPerson, TPersonChange } from '../../src/contracts/households.js';
import type { TRequest } from '../../src/contracts/privacy-requests.js';
import { casesTestKit, mother } from '../cases/support.js';

/**
 * Rectification and restriction applied through the module holding the data (issue 23, item 3): a
 * rectification granted corrects the person's record with its history; a restriction granted keeps
 * the record from changes and from new referrals and sessions, on every path, until the DPO lifts it.
 */
const { ids, call, ok, fields, registerFamily, openCaseFor } = casesTestKit();

const requestOf = (household: THousehold, kind: string) =>
  ok<TRequest>('dpo', 'POST', '/api/privacy/requests', {
    kind,
    householdCode: household.code,
    givenName: 'Fatima',
    familyName: 'Zahra',
    identityCheck: 'Permesso di soggiorno esibito allo sportello.',
    receivedOn: '2026-11-20',
  });
const personOf = async (household: THousehold) =>
  (await ok<THousehold>('operatrice', 'GET', `/api/households/${household.id}`)).members.find(
    (m) => m.id === ids.mother,
  )!;

describe('rectification', () => {
  it('corrects the name in the person’s record with its history, and refuses birth data once referred', async () => {
    const household = await registerFamily();
    await openCaseFor([ids.mother!]);
    const request = await requestOf(household, 'rectification');
    const birth = await call('dpo', 'POST', `/api/privacy/requests/${request.id}/answer`, {
      status: 'answered',
      outcome: 'Data di nascita corretta.',
      corrections: { birthDate: '1991-03-04' },
    });
    expect(fields(birth)).toEqual(['corrections.birthDate']);

    const answered = await ok<TRequest>('dpo', 'POST', `/api/privacy/requests/${request.id}/answer`, {
      status: 'answered',
      outcome: 'Cognome corretto come da passaporto.',
      corrections: { familyName: 'Zahra Benali' },
    });
    expect(answered.status).toBe('answered');
    expect((await personOf(household)).familyName).toBe('Zahra Benali');
    const [change] = await ok<TPersonChange[]>('operatrice', 'GET', `/api/people/${ids.mother}/changes`);
    expect(change!.changes).toEqual([{ field: 'familyName', from: 'Zahra', to: 'Zahra Benali' }]);
  });

  it('applies corrections to a rectification granted only', async () => {
    const household = await registerFamily();
    const request = await requestOf(household, 'access');
    const res = await call('dpo', 'POST', `/api/privacy/requests/${request.id}/answer`, {
      status: 'answered',
      outcome: 'Copia consegnata.',
      corrections: { givenName: 'Fatma' },
    });
    expect(fields(res)).toEqual(['corrections']);
    expect((await personOf(household)).givenName).toBe('Fatima');
  });
});

describe('restriction', () => {
  it('keeps the record from edits and new referrals until the DPO lifts it with a reason', async () => {
    const household = await registerFamily();
    const request = await requestOf(household, 'restriction');
    const granted = await ok<TRequest>('dpo', 'POST', `/api/privacy/requests/${request.id}/answer`, {
      status: 'answered',
      outcome: 'Limitazione in attesa della verifica dei dati contestati.',
    });
    expect(granted.restrictionInForce).toBe(true);
    expect((await personOf(household)).processingRestricted).toBe(true);

    const edit = await call('operatrice', 'PUT', `/api/people/${ids.mother}`, {
      ...mother,
      familyName: 'Altro',
      acknowledgeDuplicates: true,
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().detail).toContain('limitazione del trattamento');
    const referral = await call('operatrice', 'POST', '/api/referrals', {
      householdId: ids.household,
      personIds: [ids.mother],
      toServiceId: ids.etno,
      purpose: 'taking_into_care',
      urgency: 'urgent',
      sections: ['languages'],
      message: 'Nuovo invio',
    });
    expect(referral.statusCode).toBe(409);
    const removed = await call('operatrice', 'POST', `/api/people/${ids.mother}/remove`, {
      reason: 'Registrata per errore',
    });
    expect(removed.statusCode).toBe(409);
    expect(removed.json().detail).toContain('limitazione del trattamento');
    // The household's other people are not restricted.
    const child = (await ok<THousehold>('operatrice', 'GET', `/api/households/${household.id}`)).members.find(
      (m) => m.id === ids.child,
    ) as TPerson;
    expect(child.processingRestricted).toBe(false);

    expect(
      (
        await call('responsabile', 'POST', `/api/privacy/requests/${request.id}/lift-restriction`, {
          reason: 'x',
        })
      ).statusCode,
    ).toBe(403);
    const lifted = await ok<TRequest>('dpo', 'POST', `/api/privacy/requests/${request.id}/lift-restriction`, {
      reason: 'Dati verificati con la persona, informata prima della revoca.',
    });
    expect(lifted).toMatchObject({
      restrictionInForce: false,
      restrictionLiftReason: expect.stringContaining('verificati'),
    });
    expect(
      (await call('dpo', 'POST', `/api/privacy/requests/${request.id}/lift-restriction`, { reason: 'y' }))
        .statusCode,
    ).toBe(409);
    const after = await call('operatrice', 'PUT', `/api/people/${ids.mother}`, {
      ...mother,
      familyName: 'Zahra',
      acknowledgeDuplicates: true,
    });
    expect(after.statusCode).toBe(200);
  });

  it('lets the DPO rectify a restricted record, and keeps the mark while another restriction is in force', async () => {
    const household = await registerFamily();
    const first = await requestOf(household, 'restriction');
    const second = await requestOf(household, 'restriction');
    for (const r of [first, second])
      await ok('dpo', 'POST', `/api/privacy/requests/${r.id}/answer`, {
        status: 'answered',
        outcome: 'Limitazione accolta in attesa della verifica.',
      });
    // Art. 18(1)(a): restricted while its accuracy is checked, then corrected.
    const fix = await requestOf(household, 'rectification');
    await ok('dpo', 'POST', `/api/privacy/requests/${fix.id}/answer`, {
      status: 'answered',
      outcome: 'Nome corretto dopo la verifica.',
      corrections: { givenName: 'Fatma' },
    });
    expect((await personOf(household)).givenName).toBe('Fatma');
    await ok('dpo', 'POST', `/api/privacy/requests/${first.id}/lift-restriction`, {
      reason: 'Verifica conclusa.',
    });
    expect((await personOf(household)).processingRestricted).toBe(true);
    await ok('dpo', 'POST', `/api/privacy/requests/${second.id}/lift-restriction`, {
      reason: 'Verifica conclusa.',
    });
    expect((await personOf(household)).processingRestricted).toBe(false);
  });
});
