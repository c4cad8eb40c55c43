import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { TEmployer, TInitiative, TOffer, TPlan } from '../../src/contracts/autonomy.js';
import { autonomyTestKit, HOUSING, TREVIGLIO, TUTOR } from './support.js';

/**
 * Offers and enrolments, the skills balance, job placements with their 6- and 12-month outcomes,
 * social enterprises and employers (issue 20, items 1 and 3): the catalogue is kept by the
 * autonomy workers of the service that keeps it; a place is taken once and given back once; a
 * plan's placements are changed only by who writes the plan; employers are registry entries.
 */
const { ok, call, fields, system, userId, newPlan } = autonomyTestKit();

const daysFromToday = (days: number) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const today = () => daysFromToday(0);

async function partnerId() {
  const [row] = await system<{ id: string }>(
    sql`select id from organisations where name = 'Cooperativa sociale Il Cerchio'`,
  );
  return row!.id;
}

async function newOffer(overrides: Record<string, unknown> = {}, who = TUTOR) {
  return ok<TOffer>(who, 'POST', '/api/autonomy/offers', {
    title: `Corso di italiano A2 ${crypto.randomUUID().slice(0, 6)}`,
    kind: 'course',
    topic: 'italian_language',
    providerOrganisationId: await partnerId(),
    languages: ['it', 'ar'],
    municipality: TREVIGLIO,
    places: 2,
    ...overrides,
  });
}

/** What PUT takes back of an offer as the catalogue shows it. */
const asInput = (o: TOffer) => ({
  title: o.title,
  kind: o.kind,
  topic: o.topic,
  providerOrganisationId: o.provider.id,
  languages: o.languages,
  places: o.places,
});
const offerOf = async (id: string) =>
  (await ok<{ items: TOffer[] }>(TUTOR, 'GET', '/api/autonomy/offers')).items.find((o) => o.id === id)!;

const newEmployer = (kind: 'employer' | 'social_enterprise' = 'employer') =>
  ok<TEmployer>(TUTOR, 'POST', '/api/autonomy/employers', {
    name: `Forno ${Math.random()}`,
    kind,
    municipality: TREVIGLIO,
  });

const placementOf = (plan: TPlan) => plan.placements[0]!;

describe('the offers catalogue', () => {
  it('is kept by the autonomy workers of its service and read by every autonomy reader', async () => {
    const offer = await newOffer({ languages: ['it', 'uk'], topic: 'digital_literacy' });
    expect(offer.canEdit).toBe(true);
    expect(offer.provider.name).toBe('Cooperativa sociale Il Cerchio');
    expect(offer.municipalityName).toBeTruthy();
    // operatrice holds autonomy.catalogue, but her service is not an autonomy one.
    const outsider = await call('operatrice', 'POST', '/api/autonomy/offers', asInput(offer));
    expect(outsider.statusCode).toBe(403);
    expect((await call('clinica', 'POST', '/api/autonomy/offers', {})).statusCode).toBe(403);
    const seen = await ok<{ items: TOffer[] }>('operatrice', 'GET', '/api/autonomy/offers?language=uk');
    expect(seen.items.map((o) => o.id)).toContain(offer.id);
    expect(seen.items.find((o) => o.id === offer.id)!.canEdit).toBe(false);
    const other = await ok<{ items: TOffer[] }>('clinica', 'GET', '/api/autonomy/offers?topic=job_search');
    expect(other.items.map((o) => o.id)).not.toContain(offer.id);
    // The housing coordinator of the same service changes it; operatrice does not.
    const changed = await ok<TOffer>(HOUSING, 'PUT', `/api/autonomy/offers/${offer.id}`, {
      ...asInput(offer),
      kind: 'workshop',
      places: 4,
    });
    expect(changed).toMatchObject({ kind: 'workshop', places: 4 });
    const refused = await call('operatrice', 'PUT', `/api/autonomy/offers/${offer.id}`, {
      ...asInput(offer),
      places: 40,
    });
    expect(refused.statusCode).toBe(403);
    expect((await offerOf(offer.id)).places).toBe(4);
  });

  it('names an unknown provider, holder or comune', async () => {
    const unknown = await call(TUTOR, 'POST', '/api/autonomy/offers', {
      title: 'Laboratorio',
      kind: 'workshop',
      topic: 'other',
      providerOrganisationId: crypto.randomUUID(),
      languages: ['it'],
      municipality: '999999',
      places: 3,
    });
    expect(unknown.statusCode).toBe(400);
    expect(fields(unknown)).toEqual(['providerOrganisationId', 'municipality']);
    const holder = await call(TUTOR, 'POST', '/api/autonomy/offers', {
      title: 'Laboratorio',
      kind: 'workshop',
      topic: 'other',
      providerHolderId: crypto.randomUUID(),
      languages: ['it'],
      places: 3,
    });
    expect(fields(holder)).toEqual(['providerHolderId']);
  });
});

describe('enrolment in an offer', () => {
  it('takes a place, refuses a full offer and a second live enrolment, gives the place back once', async () => {
    const offer = await newOffer({ places: 2 });
    const a = await newPlan();
    const b = await newPlan();
    const c = await newPlan();
    const enrolled = await ok<TPlan>('operatrice', 'POST', `/api/autonomy/plans/${a.plan.id}/enrolments`, {
      offerId: offer.id,
    });
    expect(enrolled.enrolments).toMatchObject([
      { offerId: offer.id, status: 'enrolled', offerTitle: offer.title },
    ]);
    const twice = await call('operatrice', 'POST', `/api/autonomy/plans/${a.plan.id}/enrolments`, {
      offerId: offer.id,
    });
    expect(twice.statusCode).toBe(409);
    expect(fields(twice)).toEqual(['offerId']);
    await ok(TUTOR, 'POST', `/api/autonomy/plans/${b.plan.id}/enrolments`, { offerId: offer.id });
    const full = await call('operatrice', 'POST', `/api/autonomy/plans/${c.plan.id}/enrolments`, {
      offerId: offer.id,
    });
    expect(full.statusCode).toBe(409);
    expect(fields(full)).toEqual(['offerId']);
    expect((await offerOf(offer.id)).enrolled).toBe(2);
    // Fewer places than people enrolled: refused, naming the places.
    const shrink = await call(TUTOR, 'PUT', `/api/autonomy/offers/${offer.id}`, {
      ...asInput(offer),
      places: 1,
    });
    expect(shrink.statusCode).toBe(409);
    expect(fields(shrink)).toEqual(['places']);

    const enrolmentId = enrolled.enrolments[0]!.id;
    const done = await ok<TPlan>('operatrice', 'PATCH', `/api/autonomy/enrolments/${enrolmentId}`, {
      status: 'completed',
      certificate: true,
      outcomeOn: today(),
    });
    expect(done.enrolments[0]).toMatchObject({ status: 'completed', certificate: true, outcomeOn: today() });
    expect((await offerOf(offer.id)).enrolled).toBe(1);
    // Correcting the outcome does not give the place back a second time.
    await ok('operatrice', 'PATCH', `/api/autonomy/enrolments/${enrolmentId}`, {
      status: 'dropped',
      outcomeOn: today(),
    });
    expect((await offerOf(offer.id)).enrolled).toBe(1);
    const reopen = await call('operatrice', 'PATCH', `/api/autonomy/enrolments/${enrolmentId}`, {
      status: 'enrolled',
    });
    expect(reopen.statusCode).toBe(409);
    expect(fields(reopen)).toEqual(['status']);
    // The freed place goes to the next person.
    await ok('operatrice', 'POST', `/api/autonomy/plans/${c.plan.id}/enrolments`, { offerId: offer.id });
    expect((await offerOf(offer.id)).enrolled).toBe(2);
  });

  it('is refused to anyone who may not write the plan, as if it did not exist', async () => {
    const offer = await newOffer({ places: 5 });
    const { plan } = await newPlan();
    const outsider = await call('operatore.romano', 'POST', `/api/autonomy/plans/${plan.id}/enrolments`, {
      offerId: offer.id,
    });
    expect(outsider.statusCode).toBe(404);
    const mine = await ok<TPlan>(TUTOR, 'POST', `/api/autonomy/plans/${plan.id}/enrolments`, {
      offerId: offer.id,
    });
    const id = mine.enrolments[0]!.id;
    const change = await call('operatore.romano', 'PATCH', `/api/autonomy/enrolments/${id}`, {
      status: 'dropped',
      outcomeOn: today(),
    });
    expect(change.statusCode).toBe(404);
    const [denied] = await system<{ n: number }>(
      sql`select count(*)::int as n from audit_events where action = 'access.denied' and record_id = ${id}`,
    );
    expect(denied!.n).toBe(1);
    expect((await offerOf(offer.id)).enrolled).toBe(1);
  });

  it('gives exactly as many places as the offer has to concurrent enrolments', async () => {
    const places = 3;
    const offer = await newOffer({ places });
    const plans = [];
    for (let i = 0; i < 8; i++) plans.push((await newPlan()).plan);
    const results = await Promise.all(
      plans.map((p) =>
        call('operatrice', 'POST', `/api/autonomy/plans/${p.id}/enrolments`, { offerId: offer.id }),
      ),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(places);
    expect(codes.filter((c) => c === 409)).toHaveLength(plans.length - places);
    const [row] = await system<{ enrolled: number; live: number }>(
      sql`select o.enrolled, (select count(*)::int from autonomy_enrolments e where e.offer_id = o.id) as live
            from autonomy_offers o where o.id = ${offer.id}`,
    );
    expect(row).toEqual({ enrolled: places, live: places });
  });
});

describe('the skills balance', () => {
  it('is saved and rewritten by who writes the plan, never by an outsider', async () => {
    const { plan } = await newPlan();
    const first = await ok<TPlan>(TUTOR, 'PUT', `/api/autonomy/plans/${plan.id}/skills`, {
      languages: [
        { language: 'ar', level: 'native' },
        { language: 'it', level: 'a2' },
      ],
      educationLevel: 'upper_secondary',
      educationCountry: 'MA',
      educationRecognition: 'in_progress',
      drivingLicence: 'foreign_convertible',
    });
    expect(first.skills).toMatchObject({ educationLevel: 'upper_secondary', updatedBy: 'Paolo Tutor' });
    const second = await ok<TPlan>('operatrice', 'PUT', `/api/autonomy/plans/${plan.id}/skills`, {
      languages: [{ language: 'it', level: 'b1' }],
      workHistory: 'Panetteria, 4 anni',
    });
    expect(second.skills).toMatchObject({
      languages: [{ language: 'it', level: 'b1' }],
      educationLevel: null,
      workHistory: 'Panetteria, 4 anni',
    });
    const repeated = await call(TUTOR, 'PUT', `/api/autonomy/plans/${plan.id}/skills`, {
      languages: [
        { language: 'it', level: 'a1' },
        { language: 'it', level: 'b1' },
      ],
    });
    expect(fields(repeated)).toEqual(['languages']);
    const outsider = await call('operatore.romano', 'PUT', `/api/autonomy/plans/${plan.id}/skills`, {
      languages: [],
    });
    expect(outsider.statusCode).toBe(404);
  });
});

describe('job placements', () => {
  it('go to an employer of the registry and move on only along their path', async () => {
    const { plan } = await newPlan();
    const employer = await newEmployer();
    const base = {
      employerHolderId: employer.id,
      kind: 'tirocinio',
      startsOn: daysFromToday(-10),
      hoursPerWeek: 20,
      wageBand: 'under_600',
      employerTutorName: 'Marco Fornai',
    };
    const [parish] = await system<{ id: string }>(
      sql`insert into community_holders (name, kind, municipality, created_by)
          values ('Parrocchia San Martino', 'parish', ${TREVIGLIO}, ${await userId(TUTOR)}) returning id`,
    );
    const notEmployer = await call(TUTOR, 'POST', `/api/autonomy/plans/${plan.id}/placements`, {
      ...base,
      employerHolderId: parish!.id,
      initiativeId: crypto.randomUUID(),
    });
    expect(notEmployer.statusCode).toBe(400);
    expect(fields(notEmployer)).toEqual(['employerHolderId', 'initiativeId']);
    const proposed = await ok<TPlan>(TUTOR, 'POST', `/api/autonomy/plans/${plan.id}/placements`, base);
    const placement = placementOf(proposed);
    expect(placement).toMatchObject({
      status: 'proposed',
      employer: { name: employer.name },
      followUpsDue: [],
    });
    const url = `/api/autonomy/placements/${placement.id}`;
    const skip = await call(TUTOR, 'PATCH', url, { status: 'ended', endsOn: today() });
    expect(skip.statusCode).toBe(409);
    expect(fields(skip)).toEqual(['status']);
    expect(placementOf(await ok<TPlan>(TUTOR, 'PATCH', url, { status: 'active' })).status).toBe('active');
    const noEnd = await call('operatrice', 'PATCH', url, { status: 'ended' });
    expect(fields(noEnd)).toEqual(['endsOn']);
    const ended = await ok<TPlan>('operatrice', 'PATCH', url, {
      status: 'ended',
      endsOn: today(),
      endNote: 'Contratto non rinnovato',
    });
    expect(placementOf(ended)).toMatchObject({
      status: 'ended',
      endsOn: today(),
      endNote: 'Contratto non rinnovato',
    });
    const back = await call(TUTOR, 'PATCH', url, { status: 'active' });
    expect(back.statusCode).toBe(409);
  });

  it('get their 6- and 12-month outcomes only once that time has passed', async () => {
    const { plan } = await newPlan();
    const employer = await newEmployer('social_enterprise');
    const add = (startsOn: string) =>
      ok<TPlan>(TUTOR, 'POST', `/api/autonomy/plans/${plan.id}/placements`, {
        employerHolderId: employer.id,
        kind: 'fixed_term',
        startsOn,
        hoursPerWeek: 30,
        wageBand: '900_1199',
      });
    await add(daysFromToday(-400));
    const recent = placementOf(await add(daysFromToday(-30)));
    const old = (await ok<TPlan>(TUTOR, 'GET', `/api/autonomy/plans/${plan.id}`)).placements.find(
      (p) => p.id !== recent.id,
    )!;
    const proposed = await call(TUTOR, 'PUT', `/api/autonomy/placements/${old.id}/follow-ups/6`, {
      outcome: 'employed_same',
      recordedOn: today(),
    });
    expect(proposed.statusCode).toBe(409);
    expect(fields(proposed)).toEqual(['months']);
    for (const p of [old, recent])
      await ok(TUTOR, 'PATCH', `/api/autonomy/placements/${p.id}`, { status: 'active' });
    const before = await ok<TPlan>(TUTOR, 'GET', `/api/autonomy/plans/${plan.id}`);
    expect(before.placements.find((p) => p.id === old.id)!.followUpsDue).toEqual([6, 12]);
    expect(before.placements.find((p) => p.id === recent.id)!.followUpsDue).toEqual([]);
    const early = await call(TUTOR, 'PUT', `/api/autonomy/placements/${recent.id}/follow-ups/6`, {
      outcome: 'employed_same',
      recordedOn: today(),
    });
    expect(early.statusCode).toBe(409);
    expect(fields(early)).toEqual(['months']);
    await ok(TUTOR, 'PUT', `/api/autonomy/placements/${old.id}/follow-ups/6`, {
      outcome: 'employed_same',
      recordedOn: today(),
    });
    const after = await ok<TPlan>('operatrice', 'PUT', `/api/autonomy/placements/${old.id}/follow-ups/12`, {
      outcome: 'employed_other',
      recordedOn: today(),
    });
    const done = after.placements.find((p) => p.id === old.id)!;
    expect(done.followUps.map((f) => [f.months, f.outcome])).toEqual([
      [6, 'employed_same'],
      [12, 'employed_other'],
    ]);
    expect(done.followUpsDue).toEqual([]);
  });

  it('of a plan the caller may not write are a 404, audited', async () => {
    const { plan } = await newPlan();
    const employer = await newEmployer();
    const added = await ok<TPlan>(TUTOR, 'POST', `/api/autonomy/plans/${plan.id}/placements`, {
      employerHolderId: employer.id,
      kind: 'open_ended',
      startsOn: daysFromToday(-300),
      hoursPerWeek: 38,
      wageBand: '1200_1499',
    });
    const id = placementOf(added).id;
    for (const who of ['operatore.romano', 'clinica']) {
      expect(
        (await call(who, 'PATCH', `/api/autonomy/placements/${id}`, { status: 'active' })).statusCode,
      ).toBe(404);
      const followUp = await call(who, 'PUT', `/api/autonomy/placements/${id}/follow-ups/6`, {
        outcome: 'unknown',
        recordedOn: today(),
      });
      expect(followUp.statusCode).toBe(404);
    }
    const added2 = await call('operatore.romano', 'POST', `/api/autonomy/plans/${plan.id}/placements`, {
      employerHolderId: employer.id,
      kind: 'open_ended',
      startsOn: today(),
      hoursPerWeek: 38,
      wageBand: '1200_1499',
    });
    expect(added2.statusCode).toBe(404);
    const [denied] = await system<{ n: number }>(
      sql`select count(*)::int as n from audit_events where action = 'access.denied' and record_id = ${id}`,
    );
    expect(denied!.n).toBe(4);
    const [row] = await system<{ status: string }>(
      sql`select status from autonomy_job_placements where id = ${id}`,
    );
    expect(row!.status).toBe('proposed');
  });
});

describe('social enterprises', () => {
  it('record each stage and count the jobs the project’s adults fill, never whose', async () => {
    const enterprise = await newEmployer('social_enterprise');
    const created = await ok<TInitiative>(TUTOR, 'POST', '/api/autonomy/initiatives', {
      name: `Bottega solidale ${crypto.randomUUID().slice(0, 6)}`,
      partnerOrganisationId: await partnerId(),
      holderId: enterprise.id,
      stage: 'idea',
      jobsCreated: 2,
    });
    expect(created).toMatchObject({
      stage: 'idea',
      jobsFilled: 0,
      canEdit: true,
      holder: { id: enterprise.id },
    });
    expect(created.stages.map((s) => s.stage)).toEqual(['idea']);
    const moved = await ok<TInitiative>(HOUSING, 'PATCH', `/api/autonomy/initiatives/${created.id}`, {
      stage: 'start_up',
    });
    expect(moved.stages.map((s) => s.stage)).toEqual(['idea', 'start_up']);
    const same = await ok<TInitiative>(TUTOR, 'PATCH', `/api/autonomy/initiatives/${created.id}`, {
      stage: 'start_up',
      jobsCreated: 3,
    });
    expect(same.stages).toHaveLength(2);
    expect(same.jobsCreated).toBe(3);
    expect(
      (await call('operatrice', 'PATCH', `/api/autonomy/initiatives/${created.id}`, { stage: 'running' }))
        .statusCode,
    ).toBe(403);

    // A placement there counts once it is active (or ended); another employer is refused.
    const { plan } = await newPlan();
    const other = await newEmployer();
    const body = {
      employerHolderId: enterprise.id,
      initiativeId: created.id,
      kind: 'tirocinio',
      startsOn: today(),
      hoursPerWeek: 25,
      wageBand: 'under_600',
    };
    const mismatch = await call(TUTOR, 'POST', `/api/autonomy/plans/${plan.id}/placements`, {
      ...body,
      employerHolderId: other.id,
    });
    expect(fields(mismatch)).toEqual(['initiativeId']);
    const placed = await ok<TPlan>(TUTOR, 'POST', `/api/autonomy/plans/${plan.id}/placements`, body);
    const listed = async (who: string) =>
      (await ok<{ items: TInitiative[] }>(who, 'GET', '/api/autonomy/initiatives')).items.find(
        (i) => i.id === created.id,
      )!;
    expect((await listed(TUTOR)).jobsFilled).toBe(0);
    await ok(TUTOR, 'PATCH', `/api/autonomy/placements/${placementOf(placed).id}`, { status: 'active' });
    // Counted for readers who cannot see the plan too (a clinician elsewhere), who see no canEdit.
    const seen = await listed('clinica');
    expect(seen).toMatchObject({ jobsFilled: 1, canEdit: false });
    expect(JSON.stringify(seen)).not.toContain(plan.id);
  });

  it('name an unknown partner or an enterprise that is not an employer of the registry', async () => {
    const [parish] = await system<{ id: string }>(
      sql`insert into community_holders (name, kind, municipality, created_by)
          values ('Oratorio', 'parish', ${TREVIGLIO}, ${await userId(TUTOR)}) returning id`,
    );
    const res = await call(TUTOR, 'POST', '/api/autonomy/initiatives', {
      name: 'Orto sociale',
      partnerOrganisationId: crypto.randomUUID(),
      holderId: parish!.id,
      stage: 'idea',
    });
    expect(res.statusCode).toBe(400);
    expect(fields(res)).toEqual(['partnerOrganisationId', 'holderId']);
    expect((await call('clinica', 'POST', '/api/autonomy/initiatives', {})).statusCode).toBe(403);
  });
});

describe('employers', () => {
  it('are added to the community registry by an autonomy worker, as the registry’s organisations', async () => {
    const employer = await newEmployer();
    expect(employer).toMatchObject({ kind: 'employer', municipalityName: 'Treviglio' });
    const [row] = await system<{ created_by: string; kind: string; keeper: string | null }>(
      sql`select created_by, kind, keeper_organisation_id as keeper from community_holders where id = ${employer.id}`,
    );
    expect(row!.created_by).toBe(await userId(TUTOR));
    const list = await ok<{ items: TEmployer[] }>('clinica', 'GET', '/api/autonomy/employers');
    expect(list.items.map((e) => e.id)).toContain(employer.id);
    const unknown = await call(TUTOR, 'POST', '/api/autonomy/employers', {
      name: 'Ditta fantasma',
      kind: 'employer',
      municipality: '999999',
    });
    expect(unknown.statusCode).toBe(400);
    expect(fields(unknown)).toEqual(['municipality']);
    // A practitioner of another service holds the permission but is not an autonomy worker.
    const outsider = await call('operatrice', 'POST', '/api/autonomy/employers', {
      name: 'Ditta',
      kind: 'employer',
      municipality: TREVIGLIO,
    });
    expect(outsider.statusCode).toBe(403);
    expect((await call('ragioneria', 'GET', '/api/autonomy/employers')).statusCode).toBe(403);
  });
});
