import { describe, expect, it } from 'vitest';
import type { TSession } from '../../src/contracts/cases.js';
import type { TBreach, TBreachSummary } from '../../src/contracts/privacy-breaches.js';
import { casesTestKit } from '../cases/support.js';

/**
 * The breach register (issue 23, item 5): the DPO records a suspected breach, Trama lists from the
 * audit trail what the named account reached (codes and counts, never contents) and keeps the
 * 72-hour clock until the Garante is notified or a notification is decided not required.
 */
const { ids, call, ok, fields, registerFamily, openCaseFor } = casesTestKit();

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

describe('breach register', () => {
  it('lists what the compromised account read, counts the households, and keeps the 72-hour clock', async () => {
    const start = hoursAgo(1);
    await registerFamily();
    const { caseId } = await openCaseFor([ids.mother!, ids.child!]);
    await ok<TSession[]>('responsabile', 'GET', `/api/cases/${caseId}/sessions`);
    await ok('responsabile', 'GET', `/api/cases/${caseId}`);

    const bad = await call('dpo', 'POST', '/api/privacy/breaches', {
      title: 'Credenziali rubate',
      description: 'Accesso anomalo dall’account di un’operatrice.',
      detectedAt: hoursAgo(80),
      detectedHow: 'Segnalazione dell’operatrice',
      occurredFrom: new Date().toISOString(),
      occurredTo: start,
      suspectedUsername: 'responsabile',
    });
    expect(bad.statusCode).toBe(400);
    expect(fields(bad)).toEqual(['occurredTo']);

    const breach = await ok<TBreach>('dpo', 'POST', '/api/privacy/breaches', {
      title: 'Credenziali rubate',
      description: 'Accesso anomalo dall’account di un’operatrice.',
      detectedAt: hoursAgo(80),
      detectedHow: 'Segnalazione dell’operatrice',
      occurredFrom: start,
      occurredTo: new Date(Date.now() + 60_000).toISOString(),
      suspectedUsername: 'responsabile',
    });
    const cases = breach.reached.find((r) => r.recordType === 'case');
    expect(cases?.records).toBeGreaterThanOrEqual(1);
    expect(cases?.codes.every((c) => /^C-/.test(c))).toBe(true);
    expect(breach.householdsReached).toBeGreaterThanOrEqual(1);
    // Detected 80 hours ago and nobody notified: past the Garante's 72 hours.
    expect(breach).toMatchObject({ status: 'suspected', garanteSettled: false, overdue: true });
    expect((await call('responsabile', 'GET', '/api/privacy/breaches')).statusCode).toBe(403);
    expect((await call('coordinatrice', 'GET', `/api/privacy/breaches/${breach.id}`)).statusCode).toBe(403);

    await ok('dpo', 'POST', `/api/privacy/breaches/${breach.id}/decision`, {
      status: 'confirmed',
      risk: 'high_risk',
      garanteDecision: 'notify',
      garanteReasons: 'Dati sanitari e di violenza di persone vulnerabili.',
      subjectsDecision: 'notify',
      subjectsReasons: 'Rischio elevato: le persone vanno avvisate tramite il servizio.',
    });
    const early = await call('dpo', 'POST', `/api/privacy/breaches/${breach.id}/notifications`, {
      recipient: 'garante',
      sentAt: hoursAgo(100),
      channel: 'Procedura telematica del Garante',
    });
    expect(fields(early)).toEqual(['sentAt']);
    const notified = await ok<TBreach>('dpo', 'POST', `/api/privacy/breaches/${breach.id}/notifications`, {
      recipient: 'garante',
      sentAt: hoursAgo(1),
      channel: 'Procedura telematica del Garante',
      reference: 'Prot. 123',
    });
    expect(notified).toMatchObject({ garanteSettled: true, overdue: false, risk: 'high_risk' });
    expect(notified.notifications).toHaveLength(1);
    const list = await ok<TBreachSummary[]>('dpo', 'GET', '/api/privacy/breaches');
    expect(list.find((b) => b.id === breach.id)).toMatchObject({ garanteSettled: true });
  });
});
