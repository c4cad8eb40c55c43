import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { TAuditEvent, TRecordAccess } from '../../src/contracts/audit.js';
import {
  describeRecords,
  recordKey,
  recordsWithCode,
} from '../../src/server/modules/audit-trail/audit-trail.records.js';
import { queryRows } from '../../src/server/platform/db/client.js';
import { withDbContext } from '../../src/server/platform/db/context.js';
import { casesTestKit } from '../cases/support.js';

const { t, ok, call, ids, registerFamily, openCaseFor } = casesTestKit();

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

interface Page {
  items: TAuditEvent[];
  total: number;
}

function search(query: Record<string, string> = {}) {
  const qs = new URLSearchParams({ pageSize: '100', ...query }).toString();
  return ok<Page>('dpo', 'GET', `/api/audit/events?${qs}`);
}

/** What the DPO's screen shows of an event: no part of it may be a database id. */
function displayed(e: TAuditEvent) {
  return [e.actorName, e.actionLabel.it, e.actionLabel.en, e.record?.label ?? null].filter(
    (v): v is string => v !== null,
  );
}

/** A user's transaction context, as the request hook sets it: row-level security as that user. */
async function asUser(username: string) {
  const [m] = await queryRows<{
    user_id: string;
    role: string;
    organisation_id: string | null;
    service_id: string | null;
  }>(
    t.database.db,
    sql`select m.user_id, m.role, m.organisation_id, m.service_id from memberships m join users u on u.id = m.user_id
      where u.username = ${username} limit 1`,
  );
  return {
    userId: m!.user_id,
    role: m!.role,
    organisationId: m!.organisation_id,
    serviceId: m!.service_id,
  };
}

describe('the audit trail in words', () => {
  it('gives every action of the vocabulary its Italian and English label, and each event its words', async () => {
    const actions = await ok<{ action: string; label: { it: string; en: string } }[]>(
      'dpo',
      'GET',
      '/api/audit/actions',
    );
    expect(actions.find((a) => a.action === 'household.read')?.label).toEqual({
      it: 'Scheda nucleo consultata',
      en: 'Household record viewed',
    });
    expect(actions.filter((a) => !a.label.it.trim() || !a.label.en.trim())).toEqual([]);

    await registerFamily();
    await ok('operatrice', 'GET', `/api/households/${ids.household}`);
    const page = await search({ action: 'household.read' });
    const read = page.items.find((e) => e.recordId === ids.household)!;
    expect(read.actionLabel.it).toBe('Scheda nucleo consultata');
    expect(read.actorName).toBe('Paola Operatrice');
    expect(read.result).toBe('succeeded');
  });

  it('names case records by their codes, as the reader may see them, and never by a database id', async () => {
    await registerFamily();
    const { caseId, referralId } = await openCaseFor([ids.mother!]);
    const [codes] = await queryRows<{ household: string; case: string }>(
      t.database.db,
      sql`select h.code as household, c.code as case from cases c join households h on h.id = c.household_id
        where c.id = ${caseId}`,
    );
    // The DPO names the household, the mother, the referral and the case, each by its code, through
    // the DPO-only functions of migration 0014; anyone else gets no code from them.
    const session = await ok<{ id: string }>('responsabile', 'POST', `/api/cases/${caseId}/sessions`, {
      kind: 'consultation',
      startsAt: '2026-05-01T10:00:00Z',
      durationMinutes: 60,
      place: 'service',
    });
    const refs = [
      { type: 'household', id: ids.household! },
      { type: 'person', id: ids.mother! },
      { type: 'referral', id: referralId },
      { type: 'case', id: caseId },
      { type: 'session', id: session.id },
    ];
    const described = await withDbContext(t.database.db, await asUser('dpo'), (tx) =>
      describeRecords(tx, refs),
    );
    expect(described.get(recordKey('household', ids.household!))).toEqual({
      type: 'household',
      label: codes!.household,
      visible: true,
    });
    expect(described.get(recordKey('person', ids.mother!))?.label).toBe(codes!.household);
    expect(described.get(recordKey('referral', referralId))?.label).toBe(codes!.household);
    expect(described.get(recordKey('case', caseId))?.label).toBe(codes!.case);
    // A session reads with its case's code (its own "kind" column must not shadow the function's argument).
    expect(described.get(recordKey('session', session.id))?.label).toBe(codes!.case);
    expect(codes!.household).toMatch(/^N-/);
    expect(codes!.case).toMatch(/^C-/);
    const asLead = await withDbContext(t.database.db, await asUser('responsabile'), (tx) =>
      describeRecords(tx, refs),
    );
    expect(asLead.get(recordKey('case', caseId))).toEqual({ type: 'case', label: null, visible: false });
    // The household's code finds the household and its people; the case's code finds the case.
    const found = await withDbContext(t.database.db, await asUser('dpo'), (tx) =>
      queryRows<{ type: string; id: string }>(tx, recordsWithCode(codes!.household.toLowerCase())),
    );
    expect(found).toEqual(
      expect.arrayContaining([
        { type: 'household', id: ids.household },
        { type: 'person', id: ids.mother },
        { type: 'referral', id: referralId },
      ]),
    );

    // Through the API: the case's events read with its code, never an id; the code finds them and is suggested.
    await ok('responsabile', 'GET', `/api/cases/${caseId}`);
    const page = await search({ recordType: 'case' });
    const event = page.items.find((e) => e.recordId === caseId)!;
    expect(event.record).toEqual({ type: 'case', label: codes!.case, visible: true });
    for (const e of page.items) for (const text of displayed(e)) expect(text).not.toMatch(UUID);
    const byCode = await search({ code: codes!.case });
    expect(byCode.items.some((e) => e.recordId === caseId && e.action === 'case.read')).toBe(true);
    const suggested = await ok<{ type: string; code: string }[]>(
      'dpo',
      'GET',
      `/api/audit/records?q=${codes!.household.slice(0, 4)}`,
    );
    expect(suggested).toEqual(
      expect.arrayContaining([{ type: 'household', code: codes!.household, name: null }]),
    );
  });

  it('shows users by name and finds events by part of a user’s name, accents ignored', async () => {
    const operatrice = await t.userId('operatrice');
    await ok('coordinatrice', 'GET', `/api/users/${operatrice}`);
    const byName = await search({ actor: 'càrla coord' });
    expect(byName.total).toBeGreaterThan(0);
    expect(new Set(byName.items.map((e) => e.actorUsername))).toEqual(new Set(['coordinatrice']));
    const read = byName.items.find((e) => e.action === 'user.read' && e.recordId === operatrice)!;
    expect(read.record).toEqual({ type: 'user', label: 'Paola Operatrice', visible: true });

    const suggestions = await ok<{ name: string; username: string }[]>(
      'dpo',
      'GET',
      '/api/audit/actors?q=operat',
    );
    expect(suggestions.map((s) => s.username)).toEqual(
      expect.arrayContaining(['operatrice', 'operatore.romano', 'operatrice.cav']),
    );
    expect(suggestions.map((s) => s.username)).not.toContain('dpo');
  });

  it('finds a record’s events by its code and answers who accessed it', async () => {
    const operatrice = await t.userId('operatrice');
    const admin = await t.signIn('admin');
    expect((await admin.request({ method: 'GET', url: `/api/users/${operatrice}` })).statusCode).toBe(200);
    const page = await search({ code: 'OPERATRICE' });
    expect(page.total).toBeGreaterThan(0);
    expect(page.items.every((e) => e.recordId === operatrice || e.record?.label === 'Paola Operatrice')).toBe(
      true,
    );
    expect(page.items.some((e) => e.actorUsername === 'admin' && e.action === 'user.read')).toBe(true);

    const records = await ok<{ type: string; code: string }[]>('dpo', 'GET', '/api/audit/records?q=operatr');
    expect(records).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: 'user', code: 'operatrice' })]),
    );

    const access = await ok<TRecordAccess>('dpo', 'GET', '/api/audit/record-access?code=operatrice');
    expect(access.record).toEqual({ type: 'user', label: 'Paola Operatrice', visible: true });
    const byAdmin = access.rows.find((r) => r.actorUsername === 'admin')!;
    expect(byAdmin.actorName).toBe('Anna Amministratrice');
    expect(byAdmin.actions).toEqual(
      expect.arrayContaining([
        { action: 'user.read', label: { it: 'Scheda utente consultata', en: 'User record viewed' } },
      ]),
    );

    // A code that names nothing the DPO can see is a field error, in both languages.
    const missing = await call('dpo', 'GET', '/api/audit/record-access?code=N-NONE');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().errors[0]).toMatchObject({ field: 'code', code: 'not_found' });
    expect(missing.json().errors[0].message.en).toMatch(/code/);
    expect((await search({ code: 'N-NONE' })).total).toBe(0);
  });

  it('shows a failed sign-in as refused, and the filter for refusals finds it', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'nessuno.qui', password: 'not-the-password-1' },
      remoteAddress: '10.9.9.9',
    });
    expect(res.statusCode).toBe(401);
    const refused = await search({ result: 'refused', actor: 'nessuno.qui' });
    const failed = refused.items.find((e) => e.action === 'auth.login_failed')!;
    expect(failed).toMatchObject({ outcome: 'failure', result: 'refused', actorName: null });
    expect(failed.actionLabel.it).toBe('Accesso con credenziali non valide');
    expect((await search({ result: 'failed', actor: 'nessuno.qui' })).total).toBe(0);
  });
});
