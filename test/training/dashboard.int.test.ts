import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { TEdition, TTrainingDashboard } from '../../src/contracts/training.js';
import { MODULES } from '../../src/server/app.js';
import { indicatorsOf } from '../../src/server/platform/module.js';
import { trainingTestKit } from './support.js';

/**
 * The training dashboard and the indicators the impact module reads: distinct professionals who
 * completed a course (the same person in two editions counts once), by strand, service kind,
 * profession and district; hours delivered and taken part; the completion rate; and indicators
 * that give the same numbers as the dashboard, with pseudonymous codes for the people behind them.
 */
const k = trainingTestKit();
const { t, call, ok, system, openCourse, openEdition, requestOk, enrolExternal } = k;

const rome = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(d);
const today = rome(new Date());
const period = { from: rome(new Date(Date.now() - 20 * 86_400_000)), to: today };
const query = `?from=${period.from}&to=${period.to}`;

const indicator = (key: string) => {
  const found = indicatorsOf(MODULES).find((i) => i.key === key);
  if (!found) throw new Error(`no indicator ${key}`);
  return found;
};
const dashboard = () => ok<TTrainingDashboard>('coordinatrice', 'GET', `/api/training/dashboard${query}`);
const countOf = (rows: TTrainingDashboard['byProfession'], key: string) =>
  rows.find((r) => r.key === key)?.count ?? 0;

async function attendAll(edition: TEdition, placeId: string, sessions = edition.sessions.length) {
  const trainer = await t.userId('formatore');
  for (const s of edition.sessions.slice(0, sessions))
    await system(
      sql`insert into gathering_attendance (session_id, place_id, status, source, recorded_by)
          values (${s.id}, ${placeId}, 'present', 'trainer', ${trainer})`,
    );
}

/** Moves an edition's sessions ten days back: held, and finished. */
const holdInThePast = (edition: TEdition) =>
  system(
    sql`update gathering_sessions set starts_at = starts_at - interval '12 days', ends_at = ends_at - interval '12 days'
         where gathering_id = (select gathering_id from training_editions where id = ${edition.id})`,
  );

describe('training dashboard', () => {
  it('counts distinct professionals once across editions, by slice, with hours and completion; indicators agree', async () => {
    const before = await dashboard();
    const beforeEthno = await indicator('training.ethnoclinical_professionals').compute({
      on: t.database.db,
      keyring: t.deps.keyring,
      period,
    });
    const beforeHours = await indicator('training.hours_delivered').compute({
      on: t.database.db,
      keyring: t.deps.keyring,
      period,
    });

    const course = await openCourse({ strand: 'ethnoclinical', attendanceThreshold: 75 });
    const editions = [
      await openEdition({ courseId: course.id, sessions: 4 }),
      await openEdition({ courseId: course.id, sessions: 4 }),
    ];
    for (const [i, edition] of editions.entries()) {
      const own = await requestOk('operatrice', edition.id);
      await attendAll(edition, own.place.id);
      // The same external participant, her address written differently the second time.
      const external = await enrolExternal(
        edition.id,
        i === 0 ? 'Avv.Rossi@Example.org' : 'avv.rossi@example.org',
      );
      await attendAll(edition, external.place.id);
      await holdInThePast(edition);
      await ok('formatore', 'POST', `/api/training/editions/${edition.id}/certificates`);
    }
    // Short of the threshold: confirmed, not completed.
    const third = await openEdition({ courseId: course.id, sessions: 4 });
    const short = await requestOk('mediatrice', third.id, 'mediator');
    await attendAll(third, short.place.id, 2);
    await holdInThePast(third);
    expect(await ok('formatore', 'POST', `/api/training/editions/${third.id}/certificates`)).toMatchObject({
      issued: 0,
      belowThreshold: 1,
    });

    const after = await dashboard();
    const reached = (d: TTrainingDashboard, strand: string) => d.targets.find((x) => x.strand === strand)!;
    expect(reached(after, 'ethnoclinical')).toEqual({
      strand: 'ethnoclinical',
      target: 97,
      reached: reached(before, 'ethnoclinical').reached + 2,
    });
    expect(reached(after, 'experiential')).toEqual(reached(before, 'experiential'));
    expect(after.byStrand.map((s) => s.key)).toEqual([
      'ethnoclinical',
      'legislative',
      'intercultural_communication',
      'experiential',
    ]);
    expect(after.byStrand[0]!.label).toEqual({ it: expect.any(String), en: expect.any(String) });
    expect(after.byStrand[0]!.label.it).not.toBe('ethnoclinical');
    expect(countOf(after.byProfession, 'social_worker')).toBe(
      countOf(before.byProfession, 'social_worker') + 1,
    );
    expect(countOf(after.byProfession, 'lawyer')).toBe(countOf(before.byProfession, 'lawyer') + 1);
    expect(countOf(after.byProfession, 'mediator')).toBe(countOf(before.byProfession, 'mediator'));
    expect(countOf(after.byServiceKind, 'child_protection')).toBe(
      countOf(before.byServiceKind, 'child_protection') + 1,
    );
    expect(countOf(after.byServiceKind, 'external')).toBe(countOf(before.byServiceKind, 'external') + 1);
    const [treviglio] = await system<{ id: string; name: string }>(
      sql`select d.id, d.name from users u join memberships m on m.user_id = u.id join services s on s.id = m.service_id
            join organisations o on o.id = s.organisation_id join districts d on d.id = coalesce(s.district_id, o.district_id)
           where u.username = 'operatrice'`,
    );
    expect(countOf(after.byDistrict, treviglio!.id)).toBe(countOf(before.byDistrict, treviglio!.id) + 1);
    expect(after.byDistrict.find((r) => r.key === treviglio!.id)!.label.it).toBe(treviglio!.name);
    expect(countOf(after.byDistrict, 'unknown')).toBe(countOf(before.byDistrict, 'unknown') + 1);

    // 3 editions × 4 sessions × 2 hours held; 8 + 8 + 8 + 8 + 4 hours attended.
    expect(after.hoursDelivered - before.hoursDelivered).toBeCloseTo(24);
    expect(after.participantHours - before.participantHours).toBeCloseTo(36);
    expect(after.editions).toBe(before.editions + 3);
    expect(after.completion.confirmed).toBe(before.completion.confirmed + 5);
    expect(after.completion.completed).toBe(before.completion.completed + 4);
    expect(after.completion.rate).toBeCloseTo(after.completion.completed / after.completion.confirmed, 3);

    // The indicators give the dashboard's numbers, with codes instead of people.
    const ethno = await indicator('training.ethnoclinical_professionals').compute({
      on: t.database.db,
      keyring: t.deps.keyring,
      period,
    });
    expect(ethno.value).toBe(reached(after, 'ethnoclinical').reached);
    expect(ethno.value).toBe(beforeEthno.value! + 2);
    expect(ethno.recordIds).toHaveLength(ethno.value!);
    for (const code of ethno.recordIds) expect(code).toMatch(/^T-[2-9A-Z]{5}-[2-9A-Z]{5}$/);
    const operatrice = await t.userId('operatrice');
    expect(JSON.stringify(ethno)).not.toContain(operatrice);
    expect(JSON.stringify(ethno).toLowerCase()).not.toContain('rossi');
    const experiential = await indicator('training.experiential_professionals').compute({
      on: t.database.db,
      keyring: t.deps.keyring,
      period,
    });
    expect(experiential.value).toBe(reached(after, 'experiential').reached);
    const hours = await indicator('training.hours_delivered').compute({
      on: t.database.db,
      keyring: t.deps.keyring,
      period,
    });
    expect(hours.value).toBe(after.hoursDelivered);
    expect(hours.value! - beforeHours.value!).toBeCloseTo(24);
    expect(hours.recordIds).toHaveLength(after.editions);
    // The same person keeps the same code from one computation to the next.
    const again = await indicator('training.ethnoclinical_professionals').compute({
      on: t.database.db,
      keyring: t.deps.keyring,
      period,
    });
    expect(again.recordIds).toEqual(ethno.recordIds);
  });

  it('leaves out a revoked certificate and what lies outside the period', async () => {
    const course = await openCourse({ strand: 'experiential' });
    const edition = await openEdition({ courseId: course.id, sessions: 1 });
    const own = await requestOk('operatrice', edition.id);
    await attendAll(edition, own.place.id);
    const before = await dashboard();
    await ok('formatore', 'POST', `/api/training/editions/${edition.id}/certificates`);
    const issued = await dashboard();
    expect(issued.targets.find((x) => x.strand === 'experiential')!.reached).toBe(
      before.targets.find((x) => x.strand === 'experiential')!.reached + 1,
    );
    const old = await ok<TTrainingDashboard>(
      'coordinatrice',
      'GET',
      '/api/training/dashboard?from=2001-01-01&to=2001-12-31',
    );
    expect(old.targets.map((x) => x.reached)).toEqual([0, 0]);
    expect(old.hoursDelivered).toBe(0);
    const [certificate] = await system<{ id: string }>(
      sql`select id from training_certificates where edition_id = ${edition.id}`,
    );
    await ok('formatore', 'POST', `/api/training/certificates/${certificate!.id}/revoke`, {
      reason: 'Errore',
    });
    const revoked = await dashboard();
    expect(revoked.targets.find((x) => x.strand === 'experiential')!.reached).toBe(
      before.targets.find((x) => x.strand === 'experiential')!.reached,
    );
  });

  it('is for coordinators and trainers, audited, and refused to a practitioner', async () => {
    expect((await call('formatore', 'GET', '/api/training/dashboard')).statusCode).toBe(200);
    expect((await call('operatrice', 'GET', '/api/training/dashboard')).statusCode).toBe(403);
    expect((await call('coordinatrice', 'GET', '/api/training/dashboard?from=yesterday')).statusCode).toBe(
      400,
    );
    const coordinator = await t.userId('coordinatrice');
    const [{ n }] = (await system<{ n: number }>(
      sql`select count(*)::int as n from audit_events where action = 'training.dashboard_read' and actor_user_id = ${coordinator}`,
    )) as [{ n: number }];
    expect(n).toBeGreaterThan(0);
  });
});
