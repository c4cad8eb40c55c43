import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { encryptField, type Keyring } from '../../platform/crypto/field-crypto.js';
import { randomTypedCode } from '../../platform/crypto/pseudonyms.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import type { DemoSeedContext } from '../../platform/module.js';
import { households, people } from '../cases/cases.sql.js';
import { communityHolders } from '../community/community.sql.js';
import { autonomyContext } from './autonomy.fields.js';
import {
  autonomyEnrolments,
  autonomyGoals,
  autonomyInitiativeStages,
  autonomyInitiatives,
  autonomyJobPlacements,
  autonomyMeetings,
  autonomyOffers,
  autonomyPlacementFollowUps,
  autonomyPlans,
  autonomySealedNotes,
  autonomySkills,
  autonomySteps,
} from './autonomy.sql.js';
import {
  at,
  DEMO_EMPLOYERS,
  DEMO_INITIATIVES,
  DEMO_OFFERS,
  DEMO_UNITS,
  type DemoPlan,
  type DemoUnitKey,
  dateAgo,
  type PlanContent,
} from './autonomy-demo-data.js';
import { DEMO_CASE_PLAN, DEMO_PLANS } from './autonomy-demo-plans.js';
import { seedDemoRent } from './autonomy-demo-rent.js';
import { housingOccupancies, housingUnits } from './housing.sql.js';

export { DEMO_UNIT_ADDRESSES } from './autonomy-demo-data.js';

/**
 * Autonomy and housing's demo data (issue 20): six offers of the partners, five employers and
 * social enterprises in the community holders' registry, three initiatives at different stages,
 * eight autonomy plans at several stages — seven of households the autonomy service holds itself,
 * one of the demo case of the Popescu family, tutored by its clinician (a sealed note) — with goals,
 * steps, enrolments, meetings, skills balances, placements (tirocinio, fixed term, open ended; 6-month
 * outcomes recorded), one plan closed with autonomy reached; three protected apartments hosting four
 * families; a budget of the current year with two funding lines and rent support requested by
 * coordinatrice.abitare, approved and paid by ragioneria (one payment reversed). Written as the
 * owner, encrypted with the contexts the module reads (autonomyContext).
 */

interface Refs {
  tx: Tx;
  keyring: Keyring;
  offers: Map<string, string>;
  employers: Map<string, string>;
  initiatives: Map<string, string>;
}

async function seedPlan(
  refs: Refs,
  plan: PlanContent,
  ids: {
    personId: string;
    householdId: string;
    serviceId: string;
    tutorId: string;
    createdBy: string;
    originCaseId: string | null;
  },
) {
  const { tx, keyring } = refs;
  const planId = randomUUID();
  await tx.insert(autonomyPlans).values({
    id: planId,
    code: randomTypedCode('AP', 8),
    personId: ids.personId,
    householdId: ids.householdId,
    serviceId: ids.serviceId,
    tutorUserId: ids.tutorId,
    origin: ids.originCaseId ? 'case' : 'direct',
    originCaseId: ids.originCaseId,
    status: plan.exit ? 'closed' : 'active',
    startedOn: dateAgo(plan.startedAgo),
    nextReviewOn: plan.reviewAgo === null ? null : dateAgo(plan.reviewAgo),
    exitReason: plan.exit?.reason ?? null,
    exitOn: plan.exit ? dateAgo(plan.exit.ago) : null,
    exitNote: plan.exit?.note ?? null,
    createdBy: ids.createdBy,
    createdAt: at(plan.startedAgo),
    updatedAt: at(plan.exit?.ago ?? plan.startedAgo),
  });
  for (const [g, goal] of plan.goals.entries()) {
    const goalId = randomUUID();
    await tx.insert(autonomyGoals).values({
      id: goalId,
      planId,
      area: goal.area,
      description: goal.description,
      targetOn: dateAgo(plan.startedAgo - 365),
      status: goal.status,
      createdAt: at(plan.startedAgo - g),
    });
    if (goal.steps.length > 0)
      await tx.insert(autonomySteps).values(
        goal.steps.map((description, s) => {
          const done = goal.status === 'met' || (goal.status === 'in_progress' && s === 0);
          return {
            goalId,
            planId,
            description,
            dueOn: dateAgo(plan.startedAgo - 60 * (s + 1)),
            doneOn: done ? dateAgo(Math.max(plan.startedAgo - 50 * (s + 1), 1)) : null,
            createdAt: at(plan.startedAgo - g),
          };
        }),
      );
  }
  for (const e of plan.enrolments)
    await tx.insert(autonomyEnrolments).values({
      planId,
      offerId: refs.offers.get(e.offer)!,
      status: e.status,
      certificate: e.certificate ?? false,
      enrolledOn: dateAgo(e.status === 'enrolled' ? e.ago : e.ago + 45),
      outcomeOn: e.status === 'enrolled' ? null : dateAgo(e.ago),
      enrolledBy: ids.tutorId,
    });
  for (const m of plan.meetings) {
    const id = randomUUID();
    await tx.insert(autonomyMeetings).values({
      id,
      planId,
      kind: m.kind,
      heldOn: dateAgo(m.ago),
      minutes: m.minutes,
      noteEncrypted: encryptField({
        keyring,
        plaintext: m.note,
        context: autonomyContext('autonomy_meetings.note', id),
      }),
      authorId: ids.tutorId,
      createdAt: at(m.ago),
    });
  }
  if (plan.skills)
    await tx.insert(autonomySkills).values({
      planId,
      languages: plan.skills.languages,
      educationLevel: plan.skills.education,
      educationCountry: plan.skills.country,
      educationRecognition: plan.skills.recognition,
      workHistory: plan.skills.work,
      drivingLicence: plan.skills.licence,
      updatedBy: ids.tutorId,
      updatedAt: at(Math.max(plan.startedAgo - 15, 1)),
    });
  for (const p of plan.placements) {
    const placementId = randomUUID();
    await tx.insert(autonomyJobPlacements).values({
      id: placementId,
      planId,
      employerHolderId: refs.employers.get(p.employer)!,
      initiativeId: p.initiative ? refs.initiatives.get(p.initiative)! : null,
      kind: p.kind,
      status: p.status,
      startsOn: dateAgo(p.startsAgo),
      endsOn: p.endsAgo === null ? null : dateAgo(p.endsAgo),
      hoursPerWeek: p.hours.toFixed(1),
      wageBand: p.wage,
      employerTutorName: p.tutorName,
      endNote: p.endNote ?? null,
      createdBy: ids.tutorId,
      createdAt: at(Math.max(p.startsAgo, 0) + 20),
    });
    if (p.followUp6)
      await tx.insert(autonomyPlacementFollowUps).values({
        placementId,
        months: 6,
        outcome: p.followUp6.outcome,
        recordedOn: dateAgo(p.followUp6.recordedAgo),
        recordedBy: ids.tutorId,
      });
  }
  return planId;
}

/** A household the autonomy service holds itself, its adult first. */
async function seedHousehold(
  tx: Tx,
  plan: DemoPlan,
  serviceId: string,
  createdBy: string,
  districtId: string | null,
) {
  const [h] = await tx
    .insert(households)
    .values({
      code: randomTypedCode('N', 7),
      ownerServiceId: serviceId,
      municipality: plan.municipality,
      districtId,
      createdBy,
      createdAt: at(plan.startedAgo + 7),
    })
    .returning({ id: households.id, code: households.code });
  const member = (
    position: number,
    m: { givenName: string; birthYear: number; gender: 'female' | 'male' },
    adult: boolean,
  ) => ({
    householdId: h!.id,
    position,
    givenName: m.givenName,
    familyName: plan.family,
    relationship: adult ? 'reference_person' : 'child',
    caseRole: adult ? 'victim' : 'child',
    birthYear: m.birthYear,
    gender: m.gender,
    citizenship: plan.country,
    languages: [plan.language, 'it'],
    preferredLanguage: plan.language,
    interpreterNeeded: true,
    municipality: plan.municipality,
  });
  const rows = await tx
    .insert(people)
    .values([
      member(0, { ...plan.adult, gender: 'female' }, true),
      ...plan.children.map((c, i) => member(i + 1, c, false)),
    ])
    .returning({ id: people.id, position: people.position });
  return {
    id: h!.id,
    code: h!.code,
    adultId: rows.find((r) => r.position === 0)!.id,
    size: rows.length,
  };
}

export async function seedDemoAutonomy({ tx, keyring, serviceIds, userIds, districtIds }: DemoSeedContext) {
  const serviceId = serviceIds.get('autonomia');
  if (!serviceId) return;
  const user = (username: string) => {
    const id = userIds.get(username);
    if (!id) throw new Error(`autonomy demo: no account ${username}`);
    return id;
  };
  const tutor = user('tutor.autonomia');
  const housing = user('coordinatrice.abitare');
  const [orgs] = await queryRows<{ coop: string; solidalia: string }>(
    tx,
    sql`select (select organisation_id from services where id = ${serviceId}) as coop,
               (select id from organisations where name = 'Solidalia' limit 1) as solidalia`,
  );
  const organisation = (key: 'coop' | 'solidalia') => orgs![key] ?? orgs!.coop;

  // ---- employers and social enterprises: organisations of the registry, added by the autonomy workers ----
  const employers = new Map<string, string>();
  for (const e of DEMO_EMPLOYERS) {
    const [row] = await tx
      .insert(communityHolders)
      .values({
        name: e.name,
        kind: e.kind,
        municipality: e.municipality,
        legalForm: e.legalForm,
        languages: ['it'],
        keeperOrganisationId: orgs!.coop,
        createdBy: tutor,
        createdAt: at(340),
        updatedAt: at(340),
      })
      .returning({ id: communityHolders.id });
    employers.set(e.key, row!.id);
  }

  // ---- the offers catalogue ----
  const offers = new Map<string, string>();
  for (const [i, o] of DEMO_OFFERS.entries()) {
    const [row] = await tx
      .insert(autonomyOffers)
      .values({
        serviceId,
        title: o.title,
        kind: o.kind,
        topic: o.topic,
        description: o.description,
        providerOrganisationId: organisation(o.municipality === '016183' ? 'solidalia' : 'coop'),
        languages: o.languages,
        schedule: o.schedule,
        municipality: o.municipality,
        places: o.places,
        prerequisites: o.prerequisites,
        costCents: o.costCents,
        startsOn: dateAgo(300 - i * 20),
        endsOn: dateAgo(-120 - i * 10),
        createdBy: tutor,
        createdAt: at(345),
      })
      .returning({ id: autonomyOffers.id });
    offers.set(o.key, row!.id);
  }

  // ---- the project's social enterprises ----
  const initiatives = new Map<string, string>();
  for (const i of DEMO_INITIATIVES) {
    const first = i.stages[0]![1];
    const [row] = await tx
      .insert(autonomyInitiatives)
      .values({
        serviceId,
        name: i.name,
        holderId: i.holder ? employers.get(i.holder)! : null,
        partnerOrganisationId: organisation(i.partner),
        stage: i.stages[i.stages.length - 1]![0],
        jobsCreated: i.jobsCreated,
        description: i.description,
        createdBy: tutor,
        createdAt: at(first),
        updatedAt: at(i.stages[i.stages.length - 1]![1]),
      })
      .returning({ id: autonomyInitiatives.id });
    initiatives.set(i.key, row!.id);
    await tx.insert(autonomyInitiativeStages).values(
      i.stages.map(([stage, ago]) => ({
        initiativeId: row!.id,
        stage,
        changedOn: dateAgo(ago),
        changedBy: tutor,
      })),
    );
  }

  // ---- plans of the households the autonomy service holds itself ----
  const refs: Refs = { tx, keyring, offers, employers, initiatives };
  const stays: {
    householdId: string;
    unit: DemoUnitKey;
    people: number;
    startsAgo: number;
    endsAgo?: number;
  }[] = [];
  const hosted = new Map<string, { householdId: string; unit: DemoUnitKey }>();
  for (const plan of DEMO_PLANS) {
    const h = await seedHousehold(tx, plan, serviceId, housing, districtIds.get(plan.district) ?? null);
    await seedPlan(refs, plan, {
      personId: h.adultId,
      householdId: h.id,
      serviceId,
      tutorId: tutor,
      createdBy: tutor,
      originCaseId: null,
    });
    if (plan.stay) {
      stays.push({ householdId: h.id, ...plan.stay });
      hosted.set(plan.key, { householdId: h.id, unit: plan.stay.unit });
    }
  }

  // ---- a plan from an existing demo case, tutored by the case's clinician: her note is sealed ----
  const [popescu] = await queryRows<{
    person_id: string;
    household_id: string;
    case_id: string;
    service_id: string;
  }>(
    tx,
    sql`select p.id as person_id, p.household_id, c.id as case_id, h.owner_service_id as service_id
          from people p join households h on h.id = p.household_id join cases c on c.household_id = h.id
         where p.given_name = 'Elena' and p.family_name = 'Popescu' and p.case_role = 'victim'
         order by c.opened_at limit 1`,
  );
  const clinician = userIds.get('clinica');
  if (popescu && clinician) {
    const planId = await seedPlan(refs, DEMO_CASE_PLAN, {
      personId: popescu.person_id,
      householdId: popescu.household_id,
      serviceId: popescu.service_id,
      tutorId: clinician,
      createdBy: user('operatrice'),
      originCaseId: popescu.case_id,
    });
    const meetingId = randomUUID();
    await tx.insert(autonomyMeetings).values({
      id: meetingId,
      planId,
      kind: 'tutoring',
      heldOn: dateAgo(14),
      minutes: 50,
      sealed: true,
      authorId: clinician,
      createdAt: at(14),
    });
    await tx.insert(autonomySealedNotes).values({
      meetingId,
      planId,
      authorId: clinician,
      noteEncrypted: encryptField({
        keyring,
        plaintext: 'Il lavoro come spazio proprio dopo la separazione; rimandare il tirocinio di due mesi.',
        context: autonomyContext('autonomy_sealed_notes.note', meetingId),
      }),
    });
  }
  await tx.execute(
    sql`update autonomy_offers o set enrolled = (select count(*)::int from autonomy_enrolments e
                                                  where e.offer_id = o.id and e.status = 'enrolled')
         where o.service_id = ${serviceId}`,
  );

  // ---- three protected apartments, four families hosted ----
  const units = new Map<DemoUnitKey, string>();
  for (const u of DEMO_UNITS) {
    const id = randomUUID();
    const districtId = districtIds.get(u.district);
    if (!districtId) throw new Error(`autonomy demo: no district ${u.district}`);
    await tx.insert(housingUnits).values({
      id,
      serviceId,
      label: u.label,
      managingOrganisationId: organisation(u.manager),
      capacity: u.capacity,
      accessibility: [...u.accessibility],
      districtId,
      addressEncrypted: encryptField({
        keyring,
        plaintext: u.address,
        context: autonomyContext('housing_units.address', id),
      }),
      createdBy: housing,
      createdAt: at(350),
      updatedAt: at(350),
    });
    units.set(u.key, id);
  }
  for (const s of stays)
    await tx.insert(housingOccupancies).values({
      unitId: units.get(s.unit)!,
      householdId: s.householdId,
      people: s.people,
      startsOn: dateAgo(s.startsAgo),
      endsOn: s.endsAgo === undefined ? null : dateAgo(s.endsAgo),
      exitReason: s.endsAgo === undefined ? null : 'autonomy_reached',
      createdBy: housing,
      endedBy: s.endsAgo === undefined ? null : housing,
      createdAt: at(s.startsAgo),
    });

  // ---- rent support ----
  const payee = (unit: DemoUnitKey) => organisation(DEMO_UNITS.find((u) => u.key === unit)!.manager);
  const family = (key: string) => {
    const h = hosted.get(key);
    if (!h) throw new Error(`autonomy demo: ${key} is not hosted`);
    return { householdId: h.householdId, unitId: units.get(h.unit)!, payeeOrganisationId: payee(h.unit) };
  };
  await seedDemoRent({
    tx,
    keyring,
    serviceId,
    requester: housing,
    finance: user('ragioneria'),
    families: { elidrissi: family('elidrissi'), okoro: family('okoro'), quispe: family('quispe') },
  });
}
