import { randomUUID } from 'node:crypto';
import type { TPersonInput } from '../../../contracts/households.js';
import type { TCourtOrderCreate } from '../../../contracts/tutela.js';
import { encryptField } from '../../platform/crypto/field-crypto.js';
import type { DemoSeedContext } from '../../platform/module.js';
import { randomCode } from './cases.identifiers.js';
import { personValues } from './cases.people.js';
import { caseFiles, cases, caseTeam, households, people, referralPeople, referrals } from './cases.sql.js';
import { deriveDeadlines, orderEndsOn } from './court-deadlines.js';
import {
  courtDeadlines,
  courtOrders,
  courtReports,
  legalRoles,
  personRelations,
  personResidence,
  placements,
} from './tutela.sql.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const dateAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString().slice(0, 10);

type Member = Partial<TPersonInput> &
  Pick<TPersonInput, 'givenName' | 'caseRole' | 'gender' | 'relationship'>;

/**
 * Tutela Minori Treviglio's own cases (issue 15), so a first start shows the court's deadlines:
 * a 5-bis placement whose six-monthly report falls due within days, another whose report is late
 * (with a report waiting for the coordinator's approval), and an art. 403 removal made yesterday
 * evening, its 24-hour step done and the prosecutor's 72 hours running. Invented people.
 */
export async function seedDemoTutela({ tx, keyring, serviceIds, userIds, districtIds }: DemoSeedContext) {
  const tm = serviceIds.get('tm-treviglio')!;
  const operatrice = userIds.get('operatrice')!;

  async function family(familyName: string, country: string, language: string, members: Member[]) {
    const [h] = await tx
      .insert(households)
      .values({
        code: randomCode('N'),
        ownerServiceId: tm,
        municipality: '016219',
        districtId: districtIds.get('TREVIGLIO') ?? null,
        createdBy: operatrice,
      })
      .returning({ id: households.id });
    const ids: string[] = [];
    for (const [position, m] of members.entries()) {
      const [p] = await tx
        .insert(people)
        .values({
          householdId: h!.id,
          position,
          ...personValues({
            familyName,
            citizenship: country,
            languages: [language, 'it'],
            preferredLanguage: language,
            interpreterNeeded: m.caseRole !== 'child',
            preferredMediatorGender: 'any',
            municipality: '016219',
            identifierType: 'none',
            ...m,
          } as TPersonInput),
        })
        .returning({ id: people.id });
      ids.push(p!.id);
    }
    return { id: h!.id, people: ids };
  }

  async function ownCase(
    householdId: string,
    personIds: string[],
    origin: 'court_decree' | 'report',
    reporterKind: 'school' | 'police' | null,
    receivedDaysAgo: number,
    summary: string,
  ) {
    const receivedAt = new Date(Date.now() - receivedDaysAgo * DAY);
    const [r] = await tx
      .insert(referrals)
      .values({
        householdId,
        fromServiceId: tm,
        toServiceId: tm,
        origin,
        reporterKind,
        purpose: 'taking_into_care',
        urgency: origin === 'report' && reporterKind === 'police' ? 'urgent' : 'priority',
        sections: [],
        message: summary,
        status: 'accepted',
        legalBasis: origin === 'court_decree' ? 'court_decree' : 'mandate',
        createdBy: operatrice,
        sentAt: receivedAt,
        answeredAt: receivedAt,
        answeredBy: operatrice,
      })
      .returning({ id: referrals.id });
    await tx.insert(referralPeople).values(personIds.map((personId) => ({ referralId: r!.id, personId })));
    const [c] = await tx
      .insert(cases)
      .values({
        code: randomCode('C'),
        householdId,
        referralId: r!.id,
        serviceId: tm,
        districtId: districtIds.get('TREVIGLIO') ?? null,
        leadUserId: operatrice,
        openedAt: receivedAt,
        referralSentAt: receivedAt,
      })
      .returning({ id: cases.id });
    await tx.insert(caseFiles).values({
      caseId: c!.id,
      intake: { receivedOn: dateAgo(receivedDaysAgo), presentingProblem: summary },
      updatedBy: operatrice,
    });
    await tx.insert(caseTeam).values({ caseId: c!.id, userId: operatrice, teamRole: 'lead' });
    return c!.id;
  }

  async function order(caseId: string, terms: TCourtOrderCreate, met: Partial<Record<string, Date>> = {}) {
    const [o] = await tx
      .insert(courtOrders)
      .values({
        caseId,
        court: terms.court,
        docketNumber: terms.docketNumber,
        kind: terms.kind,
        decidedOn: terms.decidedOn,
        removalAt: terms.removalAt ? new Date(terms.removalAt) : null,
        livingArrangement: terms.livingArrangement ?? null,
        provisions: terms.provisions ?? null,
        durationMonths: terms.durationMonths ?? null,
        endsOn: orderEndsOn(terms),
        reportEveryMonths: terms.reportEveryMonths ?? null,
        curatoreSpeciale: terms.curatoreSpeciale ?? null,
        tutore: terms.tutore ?? null,
        addressProtected: terms.addressProtected,
        createdBy: operatrice,
      })
      .returning({ id: courtOrders.id });
    await tx.insert(courtDeadlines).values(
      deriveDeadlines(terms).map((d) => ({
        orderId: o!.id,
        caseId,
        kind: d.kind,
        dueAt: d.dueAt,
        metAt: met[d.kind] ?? null,
        metBy: met[d.kind] ? operatrice : null,
      })),
    );
    return o!.id;
  }

  const court = 'Tribunale per i Minorenni di Brescia';

  // 1. A 5-bis placement with a foster family: the first six-monthly report falls due within days.
  const diallo = await family('Diallo', 'SN', 'wo', [
    {
      givenName: 'Fatou',
      caseRole: 'other',
      gender: 'female',
      birthYear: 1989,
      relationship: 'reference_person',
    },
    { givenName: 'Aminata', caseRole: 'child', gender: 'female', birthYear: 2014, relationship: 'child' },
    { givenName: 'Moussa', caseRole: 'child', gender: 'male', birthYear: 2017, relationship: 'child' },
    {
      givenName: 'Mariama',
      caseRole: 'other',
      gender: 'female',
      birthYear: 1962,
      relationship: 'other',
      livesInHousehold: false,
    },
  ]);
  const [mother, aminata, moussa, grandmother] = diallo.people as [string, string, string, string];
  const dialloCase = await ownCase(
    diallo.id,
    [aminata, moussa],
    'court_decree',
    null,
    178,
    'Decreto del Tribunale per i Minorenni: collocamento dei minori presso famiglia affidataria, incontri protetti con la madre.',
  );
  const decidedDiallo = dateAgo(176);
  const dialloOrder = await order(
    dialloCase,
    {
      court,
      docketNumber: 'VG 812/2026',
      kind: 'placement_5bis',
      decidedOn: decidedDiallo,
      livingArrangement: 'foster_family',
      provisions:
        'Incontri protetti con la madre ogni quindici giorni presso il servizio; decisioni scolastiche e sanitarie al servizio.',
      durationMonths: 24,
      reportEveryMonths: 6,
      tutore: null,
      curatoreSpeciale: 'Avv. Paola Rinaldi',
      addressProtected: true,
    },
    { responsible_worker: new Date(Date.now() - 170 * DAY) },
  );
  for (const child of [aminata, moussa]) {
    const id = randomUUID();
    await tx.insert(placements).values({
      id,
      caseId: dialloCase,
      personId: child,
      kind: 'foster_family',
      providerName: 'Famiglia affidataria (rete affidi dell’Ambito)',
      startsOn: decidedDiallo,
      orderId: dialloOrder,
      addressEncrypted: encryptField({
        keyring,
        plaintext: 'Via dei Tigli 4, Caravaggio',
        context: `placements.address:${id}`,
      }),
      createdBy: operatrice,
    });
  }
  await tx.insert(personRelations).values([
    {
      householdId: diallo.id,
      fromPersonId: mother,
      toPersonId: aminata,
      kind: 'parent',
      createdBy: operatrice,
    },
    {
      householdId: diallo.id,
      fromPersonId: mother,
      toPersonId: moussa,
      kind: 'parent',
      createdBy: operatrice,
    },
    {
      householdId: diallo.id,
      fromPersonId: aminata,
      toPersonId: moussa,
      kind: 'sibling',
      createdBy: operatrice,
    },
    {
      householdId: diallo.id,
      fromPersonId: grandmother,
      toPersonId: aminata,
      kind: 'grandparent',
      createdBy: operatrice,
    },
    {
      householdId: diallo.id,
      fromPersonId: grandmother,
      toPersonId: moussa,
      kind: 'grandparent',
      createdBy: operatrice,
    },
  ]);
  await tx.insert(legalRoles).values([
    ...[aminata, moussa].map((personId) => ({
      personId,
      role: 'parental_responsibility',
      holderPersonId: mother,
      startsOn: dateAgo(3000),
      createdBy: operatrice,
    })),
    ...[aminata, moussa].map((personId) => ({
      personId,
      role: 'curatore_speciale',
      holderName: 'Avv. Paola Rinaldi',
      holderOrganisation: 'Foro di Bergamo',
      orderId: dialloOrder,
      startsOn: decidedDiallo,
      createdBy: operatrice,
    })),
  ]);
  await tx.insert(personResidence).values({
    personId: mother,
    status: 'permit_holder',
    permitType: 'family',
    expiresOn: dateAgo(-200),
    recordedBy: operatrice,
  });

  // 2. From a school report to a 5-bis decree: the report is late, a draft waits for the coordinator.
  const kaya = await family('Kaya', 'TR', 'tr', [
    {
      givenName: 'Elif',
      caseRole: 'other',
      gender: 'female',
      birthYear: 1986,
      relationship: 'reference_person',
    },
    { givenName: 'Deniz', caseRole: 'child', gender: 'male', birthYear: 2012, relationship: 'child' },
  ]);
  const kayaCase = await ownCase(
    kaya.id,
    [kaya.people[1]!],
    'report',
    'school',
    240,
    'La scuola secondaria segnala assenze ripetute, segni di trascuratezza e un racconto di violenza assistita.',
  );
  const kayaOrder = await order(
    kayaCase,
    {
      court,
      docketNumber: 'VG 377/2026',
      kind: 'placement_5bis',
      decidedOn: dateAgo(205),
      livingArrangement: 'residential_community',
      provisions:
        'Collocamento in comunità educativa; rientri a casa nei fine settimana se l’équipe lo ritiene.',
      durationMonths: 12,
      reportEveryMonths: 6,
      addressProtected: false,
    },
    { responsible_worker: new Date(Date.now() - 198 * DAY) },
  );
  await tx.insert(courtReports).values({
    caseId: kayaCase,
    orderId: kayaOrder,
    periodFrom: dateAgo(205),
    periodTo: dateAgo(25),
    content:
      'Deniz si è inserito nella comunità e frequenta regolarmente la scuola. La madre partecipa agli incontri di sostegno alla genitorialità con la mediatrice; i rientri nel fine settimana sono stati regolari.',
    status: 'submitted',
    draftedBy: operatrice,
    submittedBy: operatrice,
    submittedAt: new Date(Date.now() - 2 * DAY),
  });

  // 3. An art. 403 removal yesterday evening, from a police report: the measure went to the prosecutor.
  const ahmadi = await family('Ahmadi', 'AF', 'fa', [
    {
      givenName: 'Parisa',
      caseRole: 'victim',
      gender: 'female',
      birthYear: 1993,
      relationship: 'reference_person',
    },
    { givenName: 'Sara', caseRole: 'child', gender: 'female', birthYear: 2019, relationship: 'child' },
  ]);
  const ahmadiCase = await ownCase(
    ahmadi.id,
    ahmadi.people,
    'report',
    'police',
    1,
    'I Carabinieri intervengono per violenza domestica: madre e bambina collocate in comunità mamma-bambino.',
  );
  const removalAt = new Date(Date.now() - 20 * HOUR);
  await order(
    ahmadiCase,
    {
      court: 'Servizio sociale del Comune di Treviglio (art. 403 c.c.)',
      docketNumber: 'Prot. 2026/403-17',
      kind: 'removal_403',
      decidedOn: removalAt.toISOString().slice(0, 10),
      removalAt: removalAt.toISOString(),
      livingArrangement: 'mother_child_community',
      provisions: 'Nessun contatto con il padre fino alla convalida.',
      addressProtected: true,
    },
    { pm_notice: new Date(removalAt.getTime() + 14 * HOUR) },
  );
}
