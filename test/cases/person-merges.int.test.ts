import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { THousehold } from '../../src/contracts/households.js';
import type { TDuplicatePair, TPersonMerge } from '../../src/contracts/person-merges.js';
import { casesTestKit, mother } from './support.js';

/**
 * Duplicate people (issue 22, item 7): found by similar names and birth dates, merged with a reason
 * by the service that owns both records, audited on both, reversible, and never a perpetrator with
 * anyone else — by the service and by the database.
 */
const { ids, call, ok, fields, system, registerFamily } = casesTestKit();

/** "Zahra Fatema": the mother's names swapped on a foreign document and one letter transliterated. */
const lookAlike = {
  ...mother,
  givenName: 'Zahra',
  familyName: 'Fatema',
  birthDate: '1990-04-03',
  citizenship: null,
  languages: ['it'],
  interpreterNeeded: false,
};

async function register(members: object[]) {
  return ok<THousehold>('operatrice', 'POST', '/api/households', {
    municipality: '016219',
    members,
    acknowledgeDuplicates: true,
  });
}

const pairOf = (pairs: TDuplicatePair[], x: string, y: string) =>
  pairs.find((p) => [p.a.id, p.b.id].sort().join() === [x, y].sort().join());

beforeAll(async () => {
  await registerFamily();
  const second = await register([
    lookAlike,
    { ...mother, relationship: 'partner', caseRole: 'perpetrator', gender: 'male' },
  ]);
  ids.lookAlike = second.members[0]!.id;
  ids.perpetrator = second.members[1]!.id;
  const third = await register([{ ...mother, familyName: 'Zahraa' }]);
  ids.third = third.members[0]!.id;
});

describe('duplicate people', () => {
  it('are listed with why they look alike; a perpetrator look-alike is listed as never to be merged', async () => {
    const pairs = await ok<TDuplicatePair[]>('operatrice', 'GET', '/api/people/duplicates');
    expect(pairOf(pairs, ids.mother!, ids.lookAlike!)).toMatchObject({
      signs: ['similar_name', 'same_birth_year'],
      blockedBy: null,
    });
    expect(pairOf(pairs, ids.mother!, ids.perpetrator!)).toMatchObject({
      signs: ['same_name', 'same_birth_year'],
      blockedBy: 'perpetrator',
    });
    // The child shares the family name but not the birth: not a pair.
    expect(pairs.some((p) => [p.a.id, p.b.id].includes(ids.child!))).toBe(false);
    // Another service's people are not its to merge; roles without household writing are refused.
    const elsewhere = await ok<TDuplicatePair[]>('responsabile', 'GET', '/api/people/duplicates');
    expect(elsewhere.some((p) => [p.a.id, p.b.id].includes(ids.mother!))).toBe(false);
    for (const who of ['ricercatrice', 'dpo'])
      expect((await call(who, 'GET', '/api/people/duplicates')).statusCode, who).toBe(403);
  });

  it('refuse a perpetrator, the same record, and another service; the database refuses the perpetrator too', async () => {
    const url = `/api/people/${ids.mother}/merge`;
    const perpetrator = await call('operatrice', 'POST', url, {
      mergedPersonId: ids.perpetrator,
      reason: 'Stessa persona',
    });
    expect(perpetrator.statusCode).toBe(409);
    expect(fields(perpetrator)).toEqual(['mergedPersonId']);
    expect(perpetrator.json().errors[0].code).toBe('perpetrator');
    const self = await call('operatrice', 'POST', url, { mergedPersonId: ids.mother, reason: 'x' });
    expect(self.statusCode).toBe(400);
    expect((await call('operatrice', 'POST', url, { mergedPersonId: ids.lookAlike })).statusCode).toBe(400);
    expect(
      (await call('responsabile', 'POST', url, { mergedPersonId: ids.lookAlike, reason: 'x' })).statusCode,
    ).toBe(404);
    const refused = await system(
      sql`update people set merged_into_id = ${ids.mother} where id = ${ids.perpetrator}`,
    ).catch((error: Error & { cause?: Error }) => error.cause ?? error);
    expect(String((refused as Error).message)).toMatch(/perpetrator is never merged/);
    const [row] = (await system(sql`select merged_into_id from people where id = ${ids.perpetrator}`)) as {
      merged_into_id: string | null;
    }[];
    expect(row!.merged_into_id).toBeNull();
  });

  it('merge one of two concurrent requests for the same duplicate, fill what the kept record lacked, audit both records', async () => {
    // The duplicate carries a protection the kept records lack: the merge must pass it on.
    await system(sql`update people set at_risk = true where id = ${ids.lookAlike}`);
    const answers = await Promise.all(
      [ids.mother, ids.third].map((kept) =>
        call('operatrice', 'POST', `/api/people/${kept}/merge`, {
          mergedPersonId: ids.lookAlike,
          reason: 'Stessa persona: nomi invertiti sul permesso di soggiorno.',
        }),
      ),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
    const winner = answers.find((a) => a.statusCode === 201)!.json() as TPersonMerge;
    ids.kept = winner.kept.id;
    ids.merge = winner.id;
    expect(winner.merged.id).toBe(ids.lookAlike);
    expect(winner.filled).toEqual(
      expect.arrayContaining([
        { field: 'birthDate', from: null, to: '1990-04-03' },
        { field: 'languages', from: ['ar', 'fr'], to: ['ar', 'fr', 'it'] },
      ]),
    );
    expect(winner.canRevert).toBe(true);
    const audited = await system(sql`select record_id from audit_events where action = 'person.merged'
        and details->>'mergeId' = ${ids.merge} order by record_id`);
    expect(audited.map((r) => (r as { record_id: string }).record_id)).toEqual(
      [ids.kept, ids.lookAlike].sort(),
    );
    // The duplicate is read-only, out of the list, and says whom it was merged into.
    const household = await ok<THousehold>(
      'operatrice',
      'GET',
      `/api/households/${winner.merged.householdId}`,
    );
    const merged = household.members.find((m) => m.id === ids.lookAlike)!;
    expect(merged.mergedIntoId).toBe(ids.kept);
    expect(winner.filled).toContainEqual({ field: 'atRisk', from: false, to: true });
    // No new data on the duplicate: not a consent, not the at-risk mark, not a write to the row.
    const consent = await call('operatrice', 'POST', `/api/people/${ids.lookAlike}/consents`, {
      givenBy: 'self',
      purpose: 'research',
      givenOn: '2026-01-10',
      method: 'written',
    });
    expect(consent.statusCode).toBe(409);
    const atRisk = await call('operatrice', 'PUT', `/api/people/${ids.lookAlike}/at-risk`, {
      atRisk: false,
      reason: 'Non più a rischio secondo la rete',
    });
    expect(atRisk.statusCode).toBe(409);
    const written = await system(
      sql`update people set given_name = 'Altro' where id = ${ids.lookAlike}`,
    ).catch((error: Error & { cause?: Error }) => error.cause ?? error);
    expect(String((written as Error).message)).toMatch(/read-only/);
    const edit = await call('operatrice', 'PUT', `/api/people/${ids.lookAlike}`, {
      ...lookAlike,
      givenName: 'Z',
    });
    expect(edit.statusCode).toBe(409);
    const pairs = await ok<TDuplicatePair[]>('operatrice', 'GET', '/api/people/duplicates');
    expect(pairs.some((p) => [p.a.id, p.b.id].includes(ids.lookAlike!))).toBe(false);
    const history = await ok<TPersonMerge[]>('operatrice', 'GET', `/api/people/${ids.lookAlike}/merges`);
    expect(history.map((m) => m.id)).toEqual([ids.merge]);
  });

  it('undo a merge: both records as they were, once only, audited', async () => {
    const reverted = await ok<TPersonMerge>('operatrice', 'POST', `/api/person-merges/${ids.merge}/revert`, {
      reason: 'Verificato in colloquio: sono due persone diverse.',
    });
    expect(reverted).toMatchObject({
      canRevert: false,
      revertReason: expect.stringContaining('due persone'),
    });
    const kept = (await system(
      sql`select to_char(birth_date, 'YYYY-MM-DD') as birth_date, languages from people where id = ${ids.kept}`,
    )) as { birth_date: string | null; languages: string[] }[];
    expect(kept[0]).toEqual({ birth_date: null, languages: ['ar', 'fr'] });
    // An undo never lowers a protection: the at-risk mark taken from the duplicate stays.
    const [risk] = (await system(sql`select at_risk from people where id = ${ids.kept}`)) as {
      at_risk: boolean;
    }[];
    expect(risk!.at_risk).toBe(true);
    const [dup] = (await system(sql`select merged_into_id from people where id = ${ids.lookAlike}`)) as {
      merged_into_id: string | null;
    }[];
    expect(dup!.merged_into_id).toBeNull();
    expect(
      (await call('operatrice', 'POST', `/api/person-merges/${ids.merge}/revert`, { reason: 'di nuovo' }))
        .statusCode,
    ).toBe(409);
    expect(
      (await call('responsabile', 'POST', `/api/person-merges/${ids.merge}/revert`, { reason: 'x' }))
        .statusCode,
    ).toBe(404);
    const [n] = (await system(sql`select count(*)::int as n from audit_events
        where action = 'person.merge_reverted' and details->>'mergeId' = ${ids.merge}`)) as { n: number }[];
    expect(n!.n).toBe(2);
  });

  it('are there to try in the demo: Arta registered twice in the Hoxha household', async () => {
    const pairs = await ok<TDuplicatePair[]>('operatrice', 'GET', '/api/people/duplicates');
    const arta = pairs.find((p) => p.a.givenName === 'Arta' && p.b.givenName === 'Arta');
    expect(arta && [arta.a.familyName, arta.b.familyName].sort()).toEqual(['Hoxa', 'Hoxha']);
    expect(arta!.blockedBy).toBeNull();
  });
});
