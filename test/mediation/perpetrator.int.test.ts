import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { THousehold } from '../../src/contracts/households.js';
import type { TReferral } from '../../src/contracts/referrals.js';
import { COORD, mediationTestKit, weekdayAt } from './support.js';

/**
 * Matching across a household's cases (issue 18, item 3): a mediator who worked on the
 * perpetrator's case — an assignment on a request linked to it, a place on its team, one of its
 * sessions — is never matched to a case of a person he harmed, nor the reverse; on the same side
 * the past work ranks higher (continuity). A declared conflict with the household or a person, and
 * a conflict-of-interest lock on a person, exclude too. Excluded mediators never appear among the
 * matches, and assigning or offering them anyway is refused.
 *
 * One household: a mother (victim) and her child, each in a case of the ethnoclinical team, and the
 * father (perpetrator) in a case of Tutela Minori Romano; operatrice referred all three.
 */
const k = mediationTestKit();
const { call, ok, fields, system, newMediator, newRequest, matchesOf } = k;

const LANGUAGE = 'am';
const SECTIONS = ['family_migration', 'languages', 'protection'];
const ids: Record<string, string> = {};
const member = (
  givenName: string,
  caseRole: string,
  relationship: string,
  gender: string,
  birthYear: number,
) => ({
  givenName,
  familyName: 'Tesfaye',
  relationship,
  caseRole,
  birthYear,
  gender,
  citizenship: 'ET',
  languages: [LANGUAGE],
  preferredLanguage: LANGUAGE,
  interpreterNeeded: true,
  municipality: '016219',
});

/** Consent, a referral of one person by operatrice, sent and accepted by `acceptor`: the case id. */
async function openCase(personId: string, toServiceId: string, acceptor: string, minor = false) {
  await ok('operatrice', 'POST', `/api/people/${personId}/consents`, {
    givenBy: minor ? 'legal_representative' : 'self',
    ...(minor ? { representativeName: 'Selam Tesfaye' } : {}),
    purpose: 'taking_into_care',
    recipientServiceId: toServiceId,
    sections: SECTIONS,
    givenOn: '2026-01-10',
    method: 'written',
  });
  const referral = await ok<TReferral>('operatrice', 'POST', '/api/referrals', {
    householdId: ids.household,
    personIds: [personId],
    toServiceId,
    purpose: 'taking_into_care',
    urgency: 'routine',
    sections: SECTIONS,
    message: 'Invio per presa in carico',
  });
  await ok('operatrice', 'POST', `/api/referrals/${referral.id}/send`, {});
  return (await ok<{ caseId: string }>(acceptor, 'POST', `/api/referrals/${referral.id}/accept`)).caseId;
}

const mediatorOf = (overrides = {}) =>
  newMediator({ languages: [{ language: LANGUAGE, level: 'native', written: false }], ...overrides });
const idsOf = async (requestId: string) => (await matchesOf(requestId)).map((m) => m.mediatorId);

/** Assigning the mediator anyway is refused on the field, and offering them too. */
async function expectRefused(requestId: string, mediatorId: string) {
  const assign = await call(COORD, 'POST', `/api/mediation/requests/${requestId}/assign`, { mediatorId });
  expect(assign.statusCode).toBe(400);
  expect(fields(assign)).toEqual(['mediatorId']);
  const offer = await call(COORD, 'POST', `/api/mediation/requests/${requestId}/offer`, {
    mediatorIds: [mediatorId],
  });
  expect(offer.statusCode).toBe(400);
  expect(fields(offer)).toEqual(['mediatorIds.0']);
}

beforeAll(async () => {
  const [etno] = await system<{ id: string }>(sql`select id from services where kind = 'ethnoclinical_team'`);
  const [romano] = await system<{ id: string }>(
    sql`select id from services where name like 'Tutela Minori — Ambito di Romano%'`,
  );
  const household = await ok<THousehold>('operatrice', 'POST', '/api/households', {
    municipality: '016219',
    members: [
      member('Selam', 'victim', 'reference_person', 'female', 1991),
      member('Abel', 'child', 'child', 'male', 2017),
      member('Dawit', 'perpetrator', 'partner', 'male', 1986),
    ],
    acknowledgeDuplicates: true,
  });
  ids.household = household.id;
  ids.householdCode = household.code;
  [ids.mother, ids.child, ids.father] = household.members.map((m) => m.id) as [string, string, string];
  ids.motherCase = await openCase(ids.mother!, etno!.id, 'responsabile');
  ids.childCase = await openCase(ids.child!, etno!.id, 'responsabile', true);
  ids.perpCase = await openCase(ids.father!, romano!.id, 'operatore.romano');
});

describe('the perpetrator rule across a household’s cases', () => {
  it('never matches the perpetrator’s mediator to the victim’s or the child’s case, nor the reverse; continuity ranks higher', async () => {
    const clean = await mediatorOf();
    // Perpetrator's side: an assignment on a request linked to his case, and a place on his case's team.
    const byAssignment = await mediatorOf();
    const byTeam = await mediatorOf();
    const earlier = await newRequest({
      language: LANGUAGE,
      caseId: ids.perpCase,
      startsAt: weekdayAt(20, 10),
    });
    await ok(COORD, 'POST', `/api/mediation/requests/${earlier.id}/assign`, {
      mediatorId: byAssignment.mediator.id,
    });
    await ok('operatore.romano', 'PUT', `/api/cases/${ids.perpCase}/team`, {
      members: [
        { userId: await k.t.userId('operatore.romano'), teamRole: 'lead' },
        { userId: byTeam.mediator.userId, teamRole: 'mediator' },
      ],
    });
    // Victim's side: the mediator of one of the mother's sessions, and an assignment on her case.
    const bySession = await mediatorOf();
    const byVictimAssignment = await mediatorOf();
    await ok('responsabile', 'POST', `/api/cases/${ids.motherCase}/sessions`, {
      kind: 'consultation',
      startsAt: '2026-06-01T10:00:00Z',
      durationMinutes: 60,
      place: 'service',
      mediatorId: bySession.mediator.userId,
    });
    const victimEarlier = await newRequest({
      language: LANGUAGE,
      caseId: ids.motherCase,
      startsAt: weekdayAt(22, 10),
    });
    await ok(COORD, 'POST', `/api/mediation/requests/${victimEarlier.id}/assign`, {
      mediatorId: byVictimAssignment.mediator.id,
    });
    const perpetratorSide = [byAssignment.mediator.id, byTeam.mediator.id];
    const victimSide = [bySession.mediator.id, byVictimAssignment.mediator.id];

    for (const [caseId, days] of [
      [ids.motherCase, 3],
      [ids.childCase, 4],
    ] as const) {
      const request = await newRequest({ language: LANGUAGE, caseId, startsAt: weekdayAt(days, 10) });
      const matches = await matchesOf(request.id, 'operatrice');
      const matched = matches.map((m) => m.mediatorId);
      expect(matched).toEqual(expect.arrayContaining([clean.mediator.id, ...victimSide]));
      for (const excluded of perpetratorSide) {
        expect(matched).not.toContain(excluded);
        await expectRefused(request.id, excluded);
      }
      // Same side: continuity, and so above the mediator who is otherwise their equal.
      for (const id of victimSide) {
        const match = matches.find((m) => m.mediatorId === id)!;
        expect(match.reasons.map((r) => r.code)).toContain('continuity');
        expect(matched.indexOf(id)).toBeLessThan(matched.indexOf(clean.mediator.id));
      }
      expect(
        matches.find((m) => m.mediatorId === clean.mediator.id)!.reasons.map((r) => r.code),
      ).not.toContain('continuity');
    }

    const perpetrators = await newRequest({
      language: LANGUAGE,
      caseId: ids.perpCase,
      startsAt: weekdayAt(5, 10),
    });
    const matched = await idsOf(perpetrators.id);
    expect(matched).toEqual(expect.arrayContaining([clean.mediator.id, ...perpetratorSide]));
    for (const excluded of victimSide) {
      expect(matched).not.toContain(excluded);
      await expectRefused(perpetrators.id, excluded);
    }
    // The perpetrator's own mediators keep his case: assigning one of them is allowed.
    await ok(COORD, 'POST', `/api/mediation/requests/${perpetrators.id}/assign`, {
      mediatorId: byTeam.mediator.id,
    });
  });

  it('counts an assignment taken off the perpetrator’s case before it happened as no work on it', async () => {
    const once = await mediatorOf();
    const earlier = await newRequest({
      language: LANGUAGE,
      caseId: ids.perpCase,
      startsAt: weekdayAt(24, 9),
    });
    await ok(COORD, 'POST', `/api/mediation/requests/${earlier.id}/assign`, { mediatorId: once.mediator.id });
    const victims = await newRequest({
      language: LANGUAGE,
      caseId: ids.motherCase,
      startsAt: weekdayAt(6, 9),
    });
    expect(await idsOf(victims.id)).not.toContain(once.mediator.id);
    // Taken off before he ever went: he never worked on the perpetrator's case.
    await ok(COORD, 'POST', `/api/mediation/requests/${earlier.id}/remove-mediator`);
    expect(await idsOf(victims.id)).toContain(once.mediator.id);
  });
});

describe('declared conflicts and conflict-of-interest locks', () => {
  it('exclude a mediator in conflict with the household, with a person, or locked out of a person', async () => {
    const clean = await mediatorOf();
    const household = await mediatorOf();
    const person = await mediatorOf();
    const locked = await mediatorOf();
    await ok(COORD, 'POST', `/api/mediation/mediators/${household.mediator.id}/conflicts`, {
      kind: 'household',
      householdCode: ids.householdCode,
      note: 'Parente del padre',
    });
    await ok(COORD, 'POST', `/api/mediation/mediators/${person.mediator.id}/conflicts`, {
      kind: 'person',
      personId: ids.mother,
    });
    await ok('operatrice', 'POST', `/api/people/${ids.mother}/exclusions`, {
      userId: locked.mediator.userId,
      reason: 'same_community',
    });
    const mothers = await newRequest({
      language: LANGUAGE,
      caseId: ids.motherCase,
      personId: ids.mother,
      startsAt: weekdayAt(7, 11),
    });
    const matched = await idsOf(mothers.id);
    expect(matched).toContain(clean.mediator.id);
    for (const excluded of [household, person, locked]) {
      expect(matched).not.toContain(excluded.mediator.id);
      await expectRefused(mothers.id, excluded.mediator.id);
    }
    // The household conflict covers every case of the household, the father's too.
    const fathers = await newRequest({
      language: LANGUAGE,
      caseId: ids.perpCase,
      startsAt: weekdayAt(8, 11),
    });
    const forFather = await idsOf(fathers.id);
    expect(forFather).toContain(clean.mediator.id);
    expect(forFather).not.toContain(household.mediator.id);
    await expectRefused(fathers.id, household.mediator.id);
    // A request with no case knows no household: the same mediators are matched there.
    const unlinked = await newRequest({ language: LANGUAGE, startsAt: weekdayAt(9, 11) });
    expect(await idsOf(unlinked.id)).toEqual(
      expect.arrayContaining([household.mediator.id, person.mediator.id, locked.mediator.id]),
    );
  });

  it('applies a victim’s rules from the person’s record even when the box is left unticked', async () => {
    const woman = await mediatorOf();
    const man = await mediatorOf({ gender: 'male' });
    const request = await newRequest({
      language: LANGUAGE,
      caseId: ids.motherCase,
      personId: ids.mother,
      startsAt: weekdayAt(24, 10),
    });
    expect(request).toMatchObject({ victim: true, victimMediatorGender: 'female' });
    const listed = await idsOf(request.id);
    expect(listed).toContain(woman.mediator.id);
    expect(listed).not.toContain(man.mediator.id);
  });
});
