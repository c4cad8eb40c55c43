import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { TPlace } from '../../src/contracts/gatherings.js';
import type { TCourse, TEdition, TMyTraining } from '../../src/contracts/training.js';
import { trainingTestKit } from './support.js';

/**
 * Training's catalogue, editions and registrations through the HTTP API as each role: capacity and
 * the waiting list, promotion with a deadline, approval by the participant's coordinator,
 * external participants, and who sees which registration.
 */
const k = trainingTestKit();
const { call, ok, fields, system, openCourse, openEdition, request, requestOk, enrolExternal } = k;

const placesOf = async (who: string, editionId: string) =>
  (await ok<{ places: TPlace[] }>(who, 'GET', `/api/training/editions/${editionId}/places`)).places;

describe('catalogue', () => {
  it('lets the trainer create a course and an edition, and every member read them', async () => {
    const course = await openCourse({ creditScheme: 'social_workers_council', credits: 8 });
    expect(course).toMatchObject({
      strand: 'ethnoclinical',
      managed: true,
      serviceName: 'Formazione degli operatori',
    });
    const edition = await openEdition({ courseId: course.id, capacity: 3, sessions: 3 });
    expect(edition).toMatchObject({ capacity: 3, seatsTaken: 0, phase: 'open', hours: 6, managed: true });
    expect(edition.sessions).toHaveLength(3);
    const seen = await ok<TCourse>('operatrice', 'GET', `/api/training/courses/${course.id}`);
    expect(seen.managed).toBe(false);
    const editions = await ok<TEdition[]>('operatrice', 'GET', `/api/training/courses/${course.id}/editions`);
    expect(editions.map((e) => e.id)).toEqual([edition.id]);
  });

  it('refuses courses and editions from anyone but a trainer of the owning service', async () => {
    const payload = { title: 'X', strand: 'legislative', objectives: 'Y', hours: 2, trainers: 'Z' };
    expect((await call('operatrice', 'POST', '/api/training/courses', payload)).statusCode).toBe(403);
    expect((await call('coordinatrice', 'POST', '/api/training/courses', payload)).statusCode).toBe(403);
    const course = await openCourse();
    const edition = { capacity: 2, registrationOpensAt: k.t && new Date().toISOString() };
    expect(
      (await call('coordinatrice', 'POST', `/api/training/courses/${course.id}/editions`, edition))
        .statusCode,
    ).toBe(403);
  });

  it('names the field of a bad course or edition, in words', async () => {
    const bad = await call('formatore', 'POST', '/api/training/courses', {
      title: '',
      strand: 'cooking',
      objectives: 'x',
      hours: -1,
      trainers: 'x',
      creditScheme: 'ecm',
    });
    expect(bad.statusCode).toBe(400);
    expect(fields(bad)).toEqual(expect.arrayContaining(['title', 'strand', 'hours']));
    const course = await openCourse();
    const start = new Date(Date.now() + 86_400_000).toISOString();
    const badEdition = await call('formatore', 'POST', `/api/training/courses/${course.id}/editions`, {
      capacity: 0,
      registrationOpensAt: start,
      registrationClosesAt: start,
      sessions: [{ startsAt: start, endsAt: start }],
    });
    expect(badEdition.statusCode).toBe(400);
    expect(fields(badEdition)).toEqual(
      expect.arrayContaining(['capacity', 'registrationClosesAt', 'sessions.0.endsAt']),
    );
  });

  it('cites only findings the observatory publishes for training, with the number behind them', async () => {
    const report = await ok<{ findings: { topic: string; subject: string; evidence: { value: number } }[] }>(
      'formatore',
      'GET',
      '/api/observatory/training-report',
    );
    const finding = report.findings[0]!;
    const course = await openCourse({ findings: [{ topic: finding.topic, subject: finding.subject }] });
    expect(course.findings).toEqual([
      expect.objectContaining({
        topic: finding.topic,
        subject: finding.subject,
        value: finding.evidence.value,
      }),
    ]);
    expect(course.findings[0]!.label.it).not.toBe('');
    const forged = await call('formatore', 'POST', '/api/training/courses', {
      title: 'Forged',
      strand: 'legislative',
      objectives: 'x',
      hours: 2,
      trainers: 'x',
      findings: [{ topic: 'context', subject: 'not_a_context' }],
    });
    expect(forged.statusCode).toBe(400);
    expect(fields(forged)).toEqual(['findings.0']);
  });
});

describe('capacity and the waiting list', () => {
  it('fills the seats, then queues, and offers a freed seat to the first person waiting', async () => {
    const edition = await openEdition({ capacity: 2 });
    const a = await requestOk('operatrice', edition.id);
    const b = await requestOk('clinica', edition.id, 'psychologist');
    const c = await requestOk('responsabile', edition.id);
    const d = await requestOk('supervisora', edition.id);
    expect([a, b, c, d].map((r) => r.place.status)).toEqual([
      'confirmed',
      'confirmed',
      'waitlisted',
      'waitlisted',
    ]);
    expect(c.place.waitlistPosition).toBe(1);
    expect(d.place.waitlistPosition).toBe(2);
    // A request while the edition is full goes to the back; a cancellation offers the seat to the first.
    await ok('operatrice', 'POST', `/api/training/places/${a.place.id}/cancel`);
    const newcomer = await requestOk('mediatrice', edition.id);
    expect(newcomer.place.status).toBe('waitlisted');
    const mine = await ok<TMyTraining>('responsabile', 'GET', '/api/training/mine');
    const offered = mine.places.find((p) => p.placeId === c.place.id)!;
    expect(offered.status).toBe('offered');
    expect(Date.parse(offered.offerExpiresAt!)).toBeGreaterThan(Date.now() + 47 * 3_600_000);
    const view = await ok<TEdition>('operatrice', 'GET', `/api/training/editions/${edition.id}`);
    expect(view).toMatchObject({ seatsTaken: 2, waitlisted: 2 });
    // The offered person confirms; only they can.
    expect((await call('supervisora', 'POST', `/api/training/places/${c.place.id}/confirm`)).statusCode).toBe(
      404,
    );
    const confirmed = await ok<TPlace>('responsabile', 'POST', `/api/training/places/${c.place.id}/confirm`);
    expect(confirmed.status).toBe('confirmed');
    const [seats] = await system<{ seats_taken: number }>(
      sql`select seats_taken from gatherings g join training_editions e on e.gathering_id = g.id where e.id = ${edition.id}`,
    );
    expect(seats!.seats_taken).toBe(2);
  });

  it('lets an unconfirmed offer lapse at its deadline and offers the seat to the next', async () => {
    const edition = await openEdition({ capacity: 1 });
    const a = await requestOk('operatrice', edition.id);
    const b = await requestOk('clinica', edition.id, 'psychologist');
    const c = await requestOk('responsabile', edition.id);
    await ok('operatrice', 'POST', `/api/training/places/${a.place.id}/cancel`);
    await system(
      sql`update gathering_places set offer_expires_at = now() - interval '1 minute' where id = ${b.place.id}`,
    );
    await k.t.makeJobsDue('gatherings.offer-lapse', 'placeId', b.place.id);
    await k.t.runJobs();
    const statuses = await system<{ id: string; status: string }>(
      sql`select id, status from gathering_places where id in (${b.place.id}, ${c.place.id}) order by queued_seq`,
    );
    expect(statuses.map((s) => s.status)).toEqual(['lapsed', 'offered']);
    // A lapsed offer cannot be confirmed any more.
    const late = await call('clinica', 'POST', `/api/training/places/${b.place.id}/confirm`);
    expect(late.statusCode).toBe(409);
    expect(late.json().localized.en.detail).toMatch(/no longer/);
  });

  it('frees the seat when nobody waits, and refuses a second live registration', async () => {
    const edition = await openEdition({ capacity: 1 });
    const a = await requestOk('operatrice', edition.id);
    expect((await request('operatrice', edition.id)).statusCode).toBe(409);
    await ok('operatrice', 'POST', `/api/training/places/${a.place.id}/cancel`);
    expect((await requestOk('operatrice', edition.id)).place.status).toBe('confirmed');
  });

  it('refuses requests outside the registration window', async () => {
    const edition = await openEdition({ opensInHours: 10 });
    const early = await request('operatrice', edition.id);
    expect(early.statusCode).toBe(409);
    expect(early.json().type).toMatch(/registration-closed$/);
  });
});

describe('approval, staff and external participants', () => {
  it('holds a seat for a request awaiting the coordinator, who approves or refuses it', async () => {
    const course = await openCourse({ approvalRequired: true });
    const edition = await openEdition({ courseId: course.id, capacity: 1 });
    const asked = await requestOk('operatrice', edition.id);
    expect(asked.place.status).toBe('awaiting_approval');
    expect((await requestOk('mediatrice', edition.id)).place.status).toBe('waitlisted');
    // Another organisation's coordinator cannot decide it; the coordinator of operatrice's can.
    expect(
      (await call('operatrice', 'POST', `/api/training/places/${asked.place.id}/decision`, { approve: true }))
        .statusCode,
    ).toBe(403);
    const waiting = await ok<{ place: TPlace; editionId: string }[]>(
      'coordinatrice',
      'GET',
      '/api/training/approvals',
    );
    expect(waiting.filter((w) => w.editionId === edition.id).map((w) => w.place.participantName)).toEqual([
      'Paola Operatrice',
    ]);
    expect((await call('operatrice', 'GET', '/api/training/approvals')).statusCode).toBe(403);
    const refused = await ok<TPlace>(
      'coordinatrice',
      'POST',
      `/api/training/places/${asked.place.id}/decision`,
      {
        approve: false,
      },
    );
    expect(refused.status).toBe('refused');
    const places = await placesOf('formatore', edition.id);
    expect(places.find((p) => p.participantName === 'Amina Mediatrice')?.status).toBe('offered');
  });

  it('lets a coordinator enrol their own staff only', async () => {
    const edition = await openEdition();
    const staff = await k.t.userId('operatrice');
    const enrolled = await ok<{ place: TPlace }>(
      'coordinatrice',
      'POST',
      `/api/training/editions/${edition.id}/staff`,
      {
        userId: staff,
        profession: 'social_worker',
      },
    );
    expect(enrolled.place).toMatchObject({ status: 'confirmed', participantName: 'Paola Operatrice' });
    const outsider = await k.t.userId('operatore.romano');
    const refused = await call('coordinatrice', 'POST', `/api/training/editions/${edition.id}/staff`, {
      userId: outsider,
      profession: 'social_worker',
    });
    expect(refused.statusCode).toBe(400);
    expect(fields(refused)).toEqual(['userId']);
  });

  it('enrols an external participant with a personal link whose hash only is kept, out of the request role’s reach', async () => {
    const edition = await openEdition();
    const { place, personalLink, token } = await enrolExternal(edition.id);
    expect(place).toMatchObject({
      external: true,
      participantName: 'Avv. Laura Bianchi',
      profession: 'lawyer',
    });
    expect(personalLink).toMatch(/\/partecipa\/[A-Za-z0-9_-]{32}$/);
    const [row] = await system<{ link_token_hash: string }>(
      sql`select link_token_hash from gathering_places where id = ${place.id}`,
    );
    expect(row!.link_token_hash).not.toContain(token);
    expect(row!.link_token_hash).toMatch(/^[0-9a-f]{64}$/);
    await k.t.runJobs();
    expect(k.t.mails.some((m) => m.text.includes(token))).toBe(true);
    // Only the edition's trainers enrol externals.
    const again = await call('coordinatrice', 'POST', `/api/training/editions/${edition.id}/externals`, {
      name: 'X',
      organisation: 'Y',
      profession: 'police',
      email: 'x@example.org',
    });
    expect(again.statusCode).toBe(403);
  });
});

describe('who sees which registration', () => {
  it('shows the trainer every registration, a coordinator their organisation’s, a participant their own', async () => {
    const edition = await openEdition();
    await requestOk('operatrice', edition.id);
    await requestOk('clinica', edition.id, 'psychologist');
    await requestOk('operatore.romano', edition.id);
    await enrolExternal(edition.id);
    expect(await placesOf('formatore', edition.id)).toHaveLength(4);
    const coordinator = (await placesOf('coordinatrice', edition.id)).map((p) => p.participantName);
    expect(coordinator).toEqual(['Paola Operatrice']);
    expect((await placesOf('operatore.romano', edition.id)).map((p) => p.participantName)).toHaveLength(1);
    expect(await placesOf('ricercatrice', edition.id)).toEqual([]);
  });

  it('answers 404 to a cancellation of someone else’s registration', async () => {
    const edition = await openEdition();
    const mine = await requestOk('operatrice', edition.id);
    const res = await call('operatore.romano', 'POST', `/api/training/places/${mine.place.id}/cancel`);
    expect(res.statusCode).toBe(404);
    const [row] = await system<{ status: string }>(
      sql`select status from gathering_places where id = ${mine.place.id}`,
    );
    expect(row!.status).toBe('confirmed');
  });

  it('puts a place offered to the viewer on Home', async () => {
    const edition = await openEdition({ capacity: 1 });
    const a = await requestOk('operatrice', edition.id);
    await requestOk('redazione', edition.id, 'other');
    await ok('operatrice', 'POST', `/api/training/places/${a.place.id}/cancel`);
    const home = await ok<{ attention: { kind: string; count: number }[] }>('redazione', 'GET', '/api/home');
    expect(home.attention).toContainEqual(expect.objectContaining({ kind: 'training_offers', count: 1 }));
  });
});

describe('races (real concurrency on PostgreSQL)', () => {
  const everyone = [
    'operatrice',
    'clinica',
    'responsabile',
    'supervisora',
    'mediatrice',
    'operatore.romano',
    'operatrice.cav',
    'ricercatrice',
    'redazione',
    'coordinatrice',
  ];
  const counts = (editionId: string) =>
    system<{ seats_taken: number; holding: number; waiting: number; capacity: number }>(
      sql`select g.seats_taken, g.capacity,
                 (select count(*)::int from gathering_places p where p.gathering_id = g.id
                   and p.status in ('awaiting_approval', 'offered', 'confirmed')) as holding,
                 (select count(*)::int from gathering_places p where p.gathering_id = g.id and p.status = 'waitlisted') as waiting
            from gatherings g join training_editions e on e.gathering_id = g.id where e.id = ${editionId}`,
    );

  it('never seats more than the capacity when everyone asks at once', async () => {
    const edition = await openEdition({ capacity: 4 });
    const results = await Promise.all(everyone.map((who) => request(who, edition.id)));
    expect(results.map((r) => r.statusCode)).toEqual(everyone.map(() => 201));
    const statuses = results.map((r) => r.json().place.status as string);
    expect(statuses.filter((s) => s === 'confirmed')).toHaveLength(4);
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(everyone.length - 4);
    expect(await counts(edition.id)).toEqual([{ seats_taken: 4, capacity: 4, holding: 4, waiting: 6 }]);
  });

  it('gives every freed seat to someone waiting when cancellations and requests cross', async () => {
    const edition = await openEdition({ capacity: 3 });
    const first = await Promise.all(
      ['operatrice', 'clinica', 'responsabile'].map((w) => requestOk(w, edition.id)),
    );
    const crossing = await Promise.all([
      ...first.map((f, i) =>
        call(
          ['operatrice', 'clinica', 'responsabile'][i]!,
          'POST',
          `/api/training/places/${f.place.id}/cancel`,
        ),
      ),
      ...everyone.slice(3).map((who) => request(who, edition.id)),
    ]);
    expect(crossing.filter((r) => r.statusCode >= 300).map((r) => r.body)).toEqual([]);
    const [after] = await counts(edition.id);
    // The counter agrees with the registrations, and nobody waits while a seat is free.
    expect(after!.seats_taken).toBe(after!.holding);
    expect(after!.seats_taken).toBeLessThanOrEqual(3);
    if (after!.waiting > 0) expect(after!.seats_taken).toBe(3);
  });
});
