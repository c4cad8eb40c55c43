import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { TMediator, TMediatorJob, TRequest } from '../../src/contracts/mediation.js';
import { COORD, mediationTestKit, ROMANO, TREVIGLIO, weekdayAt } from './support.js';

/**
 * Mediation through the HTTP API as each role: the registry, requests, ranked matching with its
 * hard exclusions, assignment, the mediator's minimal view, hours and cost.
 */
const k = mediationTestKit();
const { call, ok, fields, system, newMediator, newRequest, matchesOf } = k;

describe('registry', () => {
  it('is kept by the mediation coordinator only; a mediator reads their own record without their community', async () => {
    const { username, mediator } = await newMediator({ ownCommunity: 'GH', countries: ['GH'] });
    expect(mediator.ownCommunity).toBe('GH');
    expect((await call('operatrice', 'GET', '/api/mediation/mediators')).statusCode).toBe(403);
    // A coordinator of another service holds the permission but is not the mediation coordinator:
    // an empty registry, and another mediator's conflicts do not exist for them.
    expect(
      (await ok<{ items: TMediator[] }>('coordinatrice', 'GET', '/api/mediation/mediators')).items,
    ).toEqual([]);
    expect(
      (await call('coordinatrice', 'GET', `/api/mediation/mediators/${mediator.id}/conflicts`)).statusCode,
    ).toBe(404);
    const own = await ok<TMediator>(username, 'GET', '/api/mediation/mediators/me');
    expect(own.id).toBe(mediator.id);
    expect(own.ownCommunity).toBeNull();
    expect(
      (await call(username, 'GET', `/api/mediation/mediators/${mediator.id}/conflicts`)).statusCode,
    ).toBe(403);
  });

  it('names the field of a bad record', async () => {
    const res = await call(COORD, 'POST', '/api/mediation/mediators', {
      userId: (await k.t.userId('operatrice')) as string,
      organisationId: await k.organisationId(),
      gender: 'female',
      modes: ['in_person'],
      languages: [{ language: 'tw', level: 'native' }],
      baseMunicipality: '016219',
      availability: [{ weekday: 8, from: '10:00', to: '09:00' }],
    });
    expect(res.statusCode).toBe(400);
    expect(fields(res)).toEqual(expect.arrayContaining(['availability.0.weekday', 'availability.0.to']));
    const notMediator = await call(COORD, 'POST', '/api/mediation/mediators', {
      userId: await k.t.userId('operatrice'),
      organisationId: await k.organisationId(),
      gender: 'female',
      modes: ['in_person'],
      languages: [{ language: 'tw', level: 'native' }],
      baseMunicipality: '016219',
    });
    expect(fields(notMediator)).toEqual(['userId']);
  });
});

describe('matching', () => {
  it('ranks suitable mediators with reasons, and never shows the excluded ones', async () => {
    const language = 'yo';
    const near = await newMediator({
      languages: [{ language, level: 'native', written: true }],
      municipalities: [TREVIGLIO],
    });
    const far = await newMediator({
      languages: [{ language, level: 'good', written: false }],
      baseMunicipality: ROMANO,
    });
    const away = await newMediator({ languages: [{ language, level: 'native', written: false }] });
    const man = await newMediator({
      gender: 'male',
      languages: [{ language, level: 'native', written: false }],
    });
    const sameCommunity = await newMediator({
      ownCommunity: 'NG',
      languages: [{ language, level: 'native', written: false }],
    });
    const phoneOnly = await newMediator({
      modes: ['phone'],
      languages: [{ language, level: 'native', written: false }],
    });
    const startsAt = weekdayAt(3, 11);
    await ok(COORD, 'POST', `/api/mediation/mediators/${away.mediator.id}/absences`, {
      from: startsAt.slice(0, 10),
      to: startsAt.slice(0, 10),
    });
    const request = await newRequest({
      language,
      startsAt,
      victim: true,
      victimMediatorGender: 'female',
      community: 'NG',
      avoidSameCommunity: true,
    });
    expect(request.unmatched).toBe(false);
    const matches = await matchesOf(request.id, 'operatrice');
    const ids = matches.map((m) => m.mediatorId);
    expect(ids).toEqual([near.mediator.id, far.mediator.id]);
    for (const excluded of [away, man, sameCommunity, phoneOnly])
      expect(ids).not.toContain(excluded.mediator.id);
    expect(matches[0]!.reasons.map((r) => r.code)).toEqual(
      expect.arrayContaining(['language_level', 'distance', 'area']),
    );
    expect(matches[0]!.score).toBeGreaterThan(matches[1]!.score);
  });

  it('flags a request nobody speaks as unmatched, and shows it on the coordinator’s Home', async () => {
    const request = await newRequest({ language: 'pcm' });
    expect(request.unmatched).toBe(true);
    const home = await ok<{ attention: { kind: string; count: number }[] }>(COORD, 'GET', '/api/home');
    expect(home.attention.find((a) => a.kind === 'mediation_unmatched')?.count).toBeGreaterThanOrEqual(1);
    const listed = await ok<{ items: TRequest[] }>(COORD, 'GET', '/api/mediation/requests?unmatched=true');
    expect(listed.items.map((r) => r.id)).toContain(request.id);
  });

  it('excludes a mediator with a declared conflict with the community', async () => {
    const language = 'ig';
    const clear = await newMediator({ languages: [{ language, level: 'fluent', written: false }] });
    const conflicted = await newMediator({ languages: [{ language, level: 'native', written: false }] });
    await ok(COORD, 'POST', `/api/mediation/mediators/${conflicted.mediator.id}/conflicts`, {
      kind: 'community',
      country: 'NG',
      note: 'Parente di un leader della comunità',
    });
    const conflicts = await ok<{ items: { subject: string; note: string }[] }>(
      COORD,
      'GET',
      `/api/mediation/mediators/${conflicted.mediator.id}/conflicts`,
    );
    expect(conflicts.items[0]).toMatchObject({
      subject: 'Nigeria',
      note: 'Parente di un leader della comunità',
    });
    const request = await newRequest({ language, community: 'NG' });
    expect((await matchesOf(request.id)).map((m) => m.mediatorId)).toEqual([clear.mediator.id]);
    // Assigning the conflicted mediator anyway is refused.
    const forced = await call(COORD, 'POST', `/api/mediation/requests/${request.id}/assign`, {
      mediatorId: conflicted.mediator.id,
    });
    expect(forced.statusCode).toBe(400);
    expect(fields(forced)).toEqual(['mediatorId']);
  });
});

describe('assignment, the mediator’s view, hours and cost', () => {
  it('assigns, lets the mediator confirm and log hours, and prices them at the cooperative’s rate', async () => {
    const { username, mediator } = await newMediator({
      languages: [{ language: 'ff', level: 'native', written: false }],
    });
    await ok(COORD, 'POST', `/api/mediation/organisations/${mediator.organisationId}/rates`, {
      inPersonCents: 2400,
      remoteCents: 2000,
      travelCentsPerKm: 40,
      validFrom: '2020-01-01',
    }).catch(() => undefined); // another test may have set the same date: rates never change once set
    const request = await newRequest({ language: 'ff' });
    const assigned = await ok<TRequest>(COORD, 'POST', `/api/mediation/requests/${request.id}/assign`, {
      mediatorId: mediator.id,
    });
    expect(assigned).toMatchObject({
      status: 'assigned',
      assignment: { mediatorId: mediator.id, status: 'assigned' },
    });
    const jobs = (await ok<{ items: TMediatorJob[] }>(username, 'GET', '/api/mediation/my/jobs')).items;
    const job = jobs.find((j) => j.requestCode === request.code)!;
    expect(job).toMatchObject({
      kind: 'assignment',
      place: 'Via Roma 1, Treviglio — sala colloqui',
      requesterContact: '0363 000000',
    });
    for (const hidden of ['caseId', 'notes', 'victim', 'community', 'personId'])
      expect(job).not.toHaveProperty(hidden);
    await ok(username, 'POST', `/api/mediation/my/assignments/${job.id}/confirm`, {});
    const early = await call(username, 'POST', `/api/mediation/my/assignments/${job.id}/hours`, {
      actualMinutes: 60,
    });
    expect(fields(early)).toEqual(['actualMinutes']);
    // The mediation has taken place: two days pass.
    await k.moveIntoPast(request.id, 3);
    await ok(username, 'POST', `/api/mediation/my/assignments/${job.id}/hours`, {
      actualMinutes: 90,
      travelMinutes: 30,
      travelKm: 10,
    });
    const [row] = await system<{ cost_cents: number; hourly_cents: number }>(
      sql`select cost_cents, hourly_cents from mediation_assignments where id = ${job.id}`,
    );
    const hourly = row!.hourly_cents;
    expect(row!.cost_cents).toBe(Math.round((120 * hourly) / 60 + 10 * 40));
    const done = await ok<TRequest>('operatrice', 'GET', `/api/mediation/requests/${request.id}`);
    expect(done).toMatchObject({ status: 'completed', assignment: { actualMinutes: 90, travelKm: 10 } });
  });

  it('refuses an overlapping assignment, and a removed mediator loses access at once', async () => {
    const { username, mediator } = await newMediator({
      languages: [{ language: 'tw', level: 'native', written: false }],
    });
    const startsAt = weekdayAt(5, 9);
    const first = await newRequest({ startsAt, durationMinutes: 120 });
    const second = await newRequest({ startsAt: weekdayAt(5, 10), durationMinutes: 60 });
    await ok(COORD, 'POST', `/api/mediation/requests/${first.id}/assign`, { mediatorId: mediator.id });
    const overlap = await call(COORD, 'POST', `/api/mediation/requests/${second.id}/assign`, {
      mediatorId: mediator.id,
    });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json()).toMatchObject({ type: expect.stringContaining('overlap') });
    const job = (await ok<{ items: TMediatorJob[] }>(username, 'GET', '/api/mediation/my/jobs')).items.find(
      (j) => j.requestCode === first.code,
    )!;
    await ok(COORD, 'POST', `/api/mediation/requests/${first.id}/remove-mediator`);
    expect(
      (await call(username, 'POST', `/api/mediation/my/assignments/${job.id}/confirm`, {})).statusCode,
    ).toBe(404);
    const after = (await ok<{ items: TMediatorJob[] }>(username, 'GET', '/api/mediation/my/jobs')).items;
    expect(after.map((j) => j.requestCode)).not.toContain(first.code);
    // Freed, the mediator can now take the second request.
    await ok(COORD, 'POST', `/api/mediation/requests/${second.id}/assign`, { mediatorId: mediator.id });
  });

  it('offers a request to several mediators: the first to accept gets it, the other finds it taken', async () => {
    const a = await newMediator({ languages: [{ language: 'tw', level: 'native', written: false }] });
    const b = await newMediator({ languages: [{ language: 'tw', level: 'native', written: false }] });
    const request = await newRequest({ startsAt: weekdayAt(6, 15) });
    await ok(COORD, 'POST', `/api/mediation/requests/${request.id}/offer`, {
      mediatorIds: [a.mediator.id, b.mediator.id],
    });
    const offers = (await ok<{ items: TMediatorJob[] }>(a.username, 'GET', '/api/mediation/my/jobs')).items;
    expect(offers.find((j) => j.requestCode === request.code)).toMatchObject({
      kind: 'offer',
      place: null,
      requesterContact: null,
    });
    await ok(a.username, 'POST', `/api/mediation/my/offers/${request.id}/accept`);
    expect((await call(b.username, 'POST', `/api/mediation/my/offers/${request.id}/accept`)).statusCode).toBe(
      409,
    );
    const seen = await ok<TRequest>('operatrice', 'GET', `/api/mediation/requests/${request.id}`);
    expect(seen).toMatchObject({ status: 'confirmed', assignment: { mediatorId: a.mediator.id } });
  });

  it('lets requesters see only their own requests, and mediators none', async () => {
    const request = await newRequest({ language: 'tw' });
    expect((await call('clinica', 'GET', `/api/mediation/requests/${request.id}`)).statusCode).toBe(404);
    expect((await call('mediatrice', 'GET', `/api/mediation/requests/${request.id}`)).statusCode).toBe(403);
    expect((await call('clinica', 'GET', `/api/mediation/requests/${request.id}/matches`)).statusCode).toBe(
      404,
    );
  });

  it('releases what a mediator held once a conflict is declared, and judges them again when they confirm', async () => {
    const { username, mediator } = await newMediator({
      languages: [{ language: 'bm', level: 'native', written: false }],
    });
    const request = await newRequest({ language: 'bm', community: 'ML', startsAt: weekdayAt(8, 10) });
    await ok(COORD, 'POST', `/api/mediation/requests/${request.id}/assign`, { mediatorId: mediator.id });
    await ok(COORD, 'POST', `/api/mediation/mediators/${mediator.id}/conflicts`, {
      kind: 'community',
      country: 'ML',
    });
    const back = await ok<TRequest>('operatrice', 'GET', `/api/mediation/requests/${request.id}`);
    expect(back).toMatchObject({ status: 'open', assignment: null });
    const jobs = (await ok<{ items: TMediatorJob[] }>(username, 'GET', '/api/mediation/my/jobs')).items;
    expect(jobs.map((j) => j.requestCode)).not.toContain(request.code);
  });

  it('refuses a coordinator assigning themselves, hours without a rate, and a cancel once the mediation started', async () => {
    // A coordinator who also mediates (registered by someone else).
    const coordinatorId = await k.t.userId(COORD);
    const [service] = await system<{ id: string }>(
      sql`select id from services where kind = 'mediation_service' limit 1`,
    );
    await system(
      sql`insert into memberships (user_id, role, service_id) values (${coordinatorId}, 'mediator', ${service!.id})`,
    );
    const [self] = await system<{ id: string }>(
      sql`insert into mediators (user_id, organisation_id, gender, modes, base_municipality)
          values (${coordinatorId}, ${await k.organisationId()}, 'female', array['phone'], ${TREVIGLIO}) returning id`,
    );
    await system(
      sql`insert into mediator_languages (mediator_id, language, level) values (${self!.id}, 'wo', 'native')`,
    );
    await system(sql`insert into mediator_availability (mediator_id, weekday, from_minute, to_minute)
                     select ${self!.id}, d, 0, 1439 from generate_series(1, 7) d`);
    const mine = await newRequest({ language: 'wo', mode: 'phone', municipality: null, place: null });
    const selfAssigned = await call(COORD, 'POST', `/api/mediation/requests/${mine.id}/assign`, {
      mediatorId: self!.id,
    });
    expect(selfAssigned.statusCode).toBe(400);
    expect(fields(selfAssigned)).toEqual(['mediatorId']);

    // A cooperative with no rate: the hours are refused, not priced at zero.
    const [org] = await system<{ id: string }>(
      sql`insert into organisations (name, kind) values ('Cooperativa senza tariffa', 'cooperative') returning id`,
    );
    const { username, mediator } = await newMediator({
      organisationId: org!.id,
      languages: [{ language: 'ti', level: 'native', written: false }],
    });
    const request = await newRequest({ language: 'ti' });
    await ok(COORD, 'POST', `/api/mediation/requests/${request.id}/assign`, { mediatorId: mediator.id });
    const job = (await ok<{ items: TMediatorJob[] }>(username, 'GET', '/api/mediation/my/jobs')).items[0]!;
    await ok(username, 'POST', `/api/mediation/my/assignments/${job.id}/confirm`, {});
    await k.moveIntoPast(request.id, 3);
    expect(
      (await call('operatrice', 'POST', `/api/mediation/requests/${request.id}/cancel`, {})).statusCode,
    ).toBe(409);
    const unpriced = await call(username, 'POST', `/api/mediation/my/assignments/${job.id}/hours`, {
      actualMinutes: 60,
    });
    expect(unpriced.statusCode).toBe(409);
    const [row] = await system<{ status: string }>(
      sql`select status from mediation_assignments where id = ${job.id}`,
    );
    expect(row!.status).toBe('confirmed');
  });
});
