import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { TSession } from '../../src/contracts/cases.js';
import type { TLegalHold, TRetentionPolicy, TRetentionRunDetail } from '../../src/contracts/privacy.js';
import { openRecordField, RecordKeyShredded } from '../../src/server/platform/crypto/record-keys.js';
import { NotInStore } from '../../src/server/platform/storage/file-store.js';
import { fileStoreOf } from '../../src/server/platform/storage/store-registry.js';
import { casesTestKit } from '../cases/support.js';

/**
 * Retention (issue 23, item 1): the DPO's periods within legal bounds, legal holds, a dry run that
 * changes nothing, and an approved run that anonymises closed households past their period —
 * one transaction each, resumable, the household's key destroyed, the observatory unchanged.
 */
const { ids, call, ok, fields, system, registerFamily, openCaseFor, t } = casesTestKit();

/** The observatory's figures, without the time they were computed at. */
const statistics = async () => {
  const { generatedAt: _, ...figures } = await ok<{ generatedAt: string }>(
    'coordinatrice',
    'GET',
    '/api/observatory/statistics?year=2025',
  );
  return figures;
};
const itemOf = (run: TRetentionRunDetail, code: string) => run.items.find((i) => i.householdCode === code);

/** A family with a case whose note is under the household's own key, then closed `years` ago. */
async function closedFamilyWithNote(years: number) {
  await registerFamily();
  const { caseId } = await openCaseFor([ids.mother!, ids.child!]);
  const session = await ok<TSession>('responsabile', 'POST', `/api/cases/${caseId}/sessions`, {
    kind: 'consultation',
    startsAt: new Date(Date.now() - 86_400_000).toISOString(),
    durationMinutes: 60,
    place: 'service',
  });
  await ok('responsabile', 'POST', `/api/sessions/${session.id}/status`, { status: 'held' });
  await ok('responsabile', 'POST', `/api/sessions/${session.id}/notes`, {
    section: 'social',
    body: 'Nota riservata',
  });
  await system(sql`update cases set status = 'closed', closed_at = now() - make_interval(years => ${years})
      where id = ${caseId}`);
  await system(sql`update referrals set status = 'closed' where household_id = ${ids.household}`);
  const [h] = await system(sql`select code from households where id = ${ids.household}`);
  return { householdId: ids.household!, code: (h as { code: string }).code, sessionId: session.id };
}

describe('retention', () => {
  it('takes periods within their legal bounds from the DPO only, and shows them to the admin', async () => {
    const policies = await ok<TRetentionPolicy[]>('dpo', 'GET', '/api/privacy/retention/policies');
    const cases = policies.find((p) => p.retentionClass === 'case_record')!;
    expect(cases).toMatchObject({ periodMonths: 120, isDefault: true, minMonths: 60, event: 'case_closed' });
    const url = `/api/privacy/retention/policies/${cases.organisationId}/case_record`;
    const short = await call('dpo', 'PUT', url, { periodMonths: 24 });
    expect(short.statusCode).toBe(400);
    expect(fields(short)).toEqual(['periodMonths']);
    expect(short.json().errors[0].message.it).toContain('60 mesi');
    expect((await call('coordinatrice', 'PUT', url, { periodMonths: 96 })).statusCode).toBe(403);
    expect((await call('coordinatrice', 'GET', '/api/privacy/retention/policies')).statusCode).toBe(403);
    expect((await call('dpo', 'PUT', url, { periodMonths: 96 })).statusCode).toBe(204);
    const after = await ok<TRetentionPolicy[]>('dpo', 'GET', '/api/privacy/retention/policies');
    expect(
      after.find((p) => p.organisationId === cases.organisationId && p.retentionClass === 'case_record'),
    ).toMatchObject({ periodMonths: 96, isDefault: false, updatedBy: 'Davide Protezione Dati' });
    await ok('dpo', 'PUT', url, { periodMonths: 120 });
  });

  it('refuses a hold on an unknown code, naming the field, and lets only the DPO see holds', async () => {
    const res = await call('dpo', 'POST', '/api/privacy/legal-holds', {
      recordCode: 'N-NOTHERE',
      reason: 'Procedimento',
      reference: 'RG 1/2026',
      startsOn: '2026-01-01',
    });
    expect(res.statusCode).toBe(400);
    expect(fields(res)).toEqual(['recordCode']);
    expect((await call('responsabile', 'GET', '/api/privacy/legal-holds')).statusCode).toBe(403);
    const holds = await ok<TLegalHold[]>('dpo', 'GET', '/api/privacy/legal-holds');
    expect(holds.find((h) => h.householdCode === 'N-ARCHIV3')).toMatchObject({ active: true });
  });

  it('lists in a dry run what is due, changes nothing until approved, then anonymises and destroys the key', async () => {
    const recent = await closedFamilyWithNote(2);
    const old = await closedFamilyWithNote(11);
    // A record merged into another is read-only to everyone but this erasure.
    await system(sql`update people set merged_into_id = ${ids.mother} where id = ${ids.child}`);
    const observatoryBefore = await statistics();

    const run = await ok<TRetentionRunDetail>('dpo', 'POST', '/api/privacy/retention/runs');
    expect(itemOf(run, old.code)).toMatchObject({ status: 'due', people: 3, notes: 1 });
    expect(itemOf(run, 'N-ARCHIV1')).toMatchObject({ status: 'due' });
    expect(itemOf(run, 'N-ARCHIV3')).toMatchObject({ status: 'held' });
    expect(itemOf(run, 'N-ARCHIV3')!.heldBy).toContain('RG 1234/2025');
    expect(itemOf(run, recent.code)).toBeUndefined();
    // A dry run changes nothing, and a second one waits for the first.
    const [named] =
      await system(sql`select count(*)::int as n from people where household_id = ${old.householdId}
        and given_name <> 'Persona'`);
    expect((named as { n: number }).n).toBe(3);
    expect((await call('dpo', 'POST', '/api/privacy/retention/runs')).statusCode).toBe(409);
    expect(
      (await call('responsabile', 'POST', `/api/privacy/retention/runs/${run.id}/approve`)).statusCode,
    ).toBe(403);

    // The note is under the household's key, readable until the run.
    const [note] = (await system(
      sql`select n.id, n.body_encrypted from session_notes n where n.session_id = ${old.sessionId}`,
    )) as {
      id: string;
      body_encrypted: string;
    }[];
    expect(note!.body_encrypted.startsWith('r1.')).toBe(true);
    const [key] = (await system(
      sql`select id, vault_key from record_keys where scope_id = ${old.householdId}`,
    )) as {
      id: string;
      vault_key: string;
    }[];

    await ok('dpo', 'POST', `/api/privacy/retention/runs/${run.id}/approve`);
    await t.runJobs();
    const done = await ok<TRetentionRunDetail>('dpo', 'GET', `/api/privacy/retention/runs/${run.id}`);
    expect(done.status).toBe('done');
    expect(itemOf(done, old.code)!.status).toBe('done');
    expect(itemOf(done, 'N-ARCHIV3')!.status).toBe('held');

    const people = await system(sql`select given_name, family_name, birth_date, gender, birth_year
        from people where household_id = ${old.householdId}`);
    expect(people.every((p) => (p as { given_name: string }).given_name === 'Persona')).toBe(true);
    expect(people.every((p) => (p as { birth_date: unknown }).birth_date === null)).toBe(true);
    expect(people.every((p) => (p as { gender: string }).gender)).toBe(true);
    expect(await system(sql`select 1 from session_notes where session_id = ${old.sessionId}`)).toHaveLength(
      0,
    );
    const [cases] = await system(
      sql`select count(*)::int as n from cases where household_id = ${old.householdId}`,
    );
    expect((cases as { n: number }).n).toBe(1);
    // The key is gone from the vault: a copy of the note elsewhere cannot be opened.
    await expect(fileStoreOf(t.deps).get(key!.vault_key)).rejects.toBeInstanceOf(NotInStore);
    await expect(
      t.database.db.transaction((tx) =>
        openRecordField({
          deps: t.deps,
          tx: tx as never,
          value: note!.body_encrypted,
          context: `session_notes.body:${note!.id}`,
        }),
      ),
    ).rejects.toBeInstanceOf(RecordKeyShredded);
    // The held family and the recent one are as they were; the observatory's numbers did not move.
    const [held] =
      await system(sql`select p.given_name from people p join households h on h.id = p.household_id
        where h.code = 'N-ARCHIV3'`);
    expect((held as { given_name: string }).given_name).toBe('Samina');
    const [recentPerson] = await system(
      sql`select given_name from people where household_id = ${recent.householdId} limit 1`,
    );
    expect((recentPerson as { given_name: string }).given_name).not.toBe('Persona');
    expect(await statistics()).toEqual(observatoryBefore);
    const audit = await system(sql`select action from audit_events where record_id = ${old.householdId}
        and action = 'privacy.household_anonymised'`);
    expect(audit).toHaveLength(1);
  });

  it('resumes an interrupted run without leaving a household half anonymised', async () => {
    const first = await closedFamilyWithNote(12);
    const second = await closedFamilyWithNote(12);
    const run = await ok<TRetentionRunDetail>('dpo', 'POST', '/api/privacy/retention/runs');
    // The second household's last step fails, as a crash would stop it.
    await system(sql`create function test_fail_once() returns trigger language plpgsql as $$
        begin raise exception 'interrupted'; end $$`);
    await system(
      sql.raw(`create trigger test_fail_once before update of anonymised_at on households
        for each row when (new.id = '${second.householdId}') execute function test_fail_once()`),
    );
    await ok('dpo', 'POST', `/api/privacy/retention/runs/${run.id}/approve`);
    expect((await t.runJobs()).failed).toBe(1);
    const midway = await ok<TRetentionRunDetail>('dpo', 'GET', `/api/privacy/retention/runs/${run.id}`);
    expect(midway.status).toBe('approved');
    expect(itemOf(midway, second.code)!.status).toBe('due');
    // Every household is either wholly anonymised or untouched: never half.
    for (const family of [first, second]) {
      const [state] = (await system(sql`select h.anonymised_at is not null as anonymised,
          (select count(*)::int from people p where p.household_id = h.id and p.given_name <> 'Persona') as named,
          (select count(*)::int from session_notes n where n.session_id = ${family.sessionId}) as notes
          from households h where h.id = ${family.householdId}`)) as {
        anonymised: boolean;
        named: number;
        notes: number;
      }[];
      expect(state).toEqual(
        state!.anonymised
          ? { anonymised: true, named: 0, notes: 0 }
          : { anonymised: false, named: 3, notes: 1 },
      );
    }
    expect(
      (await system(sql`select 1 from households where id = ${second.householdId} and anonymised_at is null`))
        .length,
    ).toBe(1);

    await system(sql`drop trigger test_fail_once on households`);
    await system(sql`drop function test_fail_once()`);
    await t.makeJobsDue('privacy.retention_run', 'runId', run.id);
    await t.runJobs();
    const done = await ok<TRetentionRunDetail>('dpo', 'GET', `/api/privacy/retention/runs/${run.id}`);
    expect(done.status).toBe('done');
    expect([itemOf(done, first.code)!.status, itemOf(done, second.code)!.status]).toEqual(['done', 'done']);
  });

  it('skips a household put under a legal hold after the dry run, naming the hold', async () => {
    const family = await closedFamilyWithNote(12);
    const run = await ok<TRetentionRunDetail>('dpo', 'POST', '/api/privacy/retention/runs');
    expect(itemOf(run, family.code)!.status).toBe('due');
    const hold = await ok<TLegalHold>('dpo', 'POST', '/api/privacy/legal-holds', {
      recordCode: family.code,
      reason: 'Richiesta della Procura',
      reference: 'Prot. 77/2026',
      startsOn: '2026-01-01',
    });
    await ok('dpo', 'POST', `/api/privacy/retention/runs/${run.id}/approve`);
    await t.runJobs();
    const done = await ok<TRetentionRunDetail>('dpo', 'GET', `/api/privacy/retention/runs/${run.id}`);
    expect(itemOf(done, family.code)).toMatchObject({ status: 'held' });
    expect(itemOf(done, family.code)!.heldBy).toContain('Prot. 77/2026');
    expect(
      await system(sql`select 1 from session_notes where session_id = ${family.sessionId}`),
    ).toHaveLength(1);
    const lifted = await ok<TLegalHold>('dpo', 'POST', `/api/privacy/legal-holds/${hold.id}/lift`, {
      reason: 'Procedimento archiviato',
    });
    expect(lifted.active).toBe(false);
  });
});
