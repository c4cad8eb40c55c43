import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { TPersonInput } from '../../../contracts/households.js';
import { encryptField } from '../../platform/crypto/field-crypto.js';
import type { DemoSeedContext } from '../../platform/module.js';
import { randomCode } from './cases.identifiers.js';
import { personValues } from './cases.people.js';
import {
  caseFiles,
  caseSessions,
  cases,
  caseTeam,
  consents,
  households,
  people,
  referralPeople,
  referrals,
  sessionNotes,
  sessionStaff,
  studies,
} from './cases.sql.js';
import { seedDemoTutela } from './tutela.demo.js';

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY);
const dateAgo = (days: number) => ago(days).toISOString().slice(0, 10);

type Member = Partial<TPersonInput> & Pick<TPersonInput, 'givenName' | 'caseRole' | 'gender'>;
interface Family {
  familyName: string;
  country: string;
  language: string;
  members: Member[];
}

const SECTIONS = ['family_migration', 'languages', 'protection', 'violence'] as const;

/**
 * A few households at every stage of the journey (draft referral, sent, accepted with a plan
 * waiting for approval, a plan overdue for review, closed, declined), so a first start shows
 * every screen with something on it. Inserted as the owner, like all seeding.
 */
export async function seedDemoCases({ tx, keyring, serviceIds, userIds, districtIds }: DemoSeedContext) {
  const service = (key: string) => serviceIds.get(key)!;
  const user = (key: string) => userIds.get(key)!;
  const etno = service('etnoclinica');

  async function household(family: Family, owner: string, createdBy: string, romano = false) {
    const [h] = await tx
      .insert(households)
      .values({
        code: randomCode('N'),
        ownerServiceId: service(owner),
        municipality: romano ? '016183' : '016219',
        districtId: districtIds.get(romano ? 'ROMANO' : 'TREVIGLIO') ?? null,
        createdBy: user(createdBy),
      })
      .returning({ id: households.id });
    const ids: string[] = [];
    for (const [position, m] of family.members.entries()) {
      const input = {
        familyName: family.familyName,
        relationship:
          m.caseRole === 'child' ? 'child' : m.caseRole === 'perpetrator' ? 'partner' : 'reference_person',
        citizenship: family.country,
        languages: [family.language, 'it'],
        preferredLanguage: family.language,
        interpreterNeeded: true,
        preferredMediatorGender: 'female',
        municipality: romano ? '016183' : '016219',
        identifierType: 'none',
        ...m,
      } as TPersonInput;
      const [p] = await tx
        .insert(people)
        .values({ householdId: h!.id, position, ...personValues(input) })
        .returning({ id: people.id });
      ids.push(p!.id);
    }
    return { id: h!.id, people: ids };
  }

  async function consent(
    personIds: string[],
    minors: Set<number>,
    purpose: string,
    recipient: string | null,
  ) {
    for (const [i, personId] of personIds.entries()) {
      await tx.insert(consents).values({
        personId,
        givenBy: minors.has(i) ? 'legal_representative' : 'self',
        representativeName: minors.has(i) ? 'Madre (legale rappresentante)' : null,
        purpose,
        recipientServiceId: recipient,
        sections: purpose === 'research' ? [] : [...SECTIONS],
        givenOn: dateAgo(60),
        expiresOn: null,
        method: 'written',
        recordedBy: user('operatrice'),
      });
    }
  }

  async function referral(
    h: { id: string; people: string[] },
    from: string,
    by: string,
    status: string,
    sentDaysAgo: number | null,
  ) {
    const [r] = await tx
      .insert(referrals)
      .values({
        householdId: h.id,
        fromServiceId: service(from),
        toServiceId: etno,
        purpose: 'taking_into_care',
        urgency: 'priority',
        sections: [...SECTIONS],
        message:
          'Nucleo seguito dalla Tutela Minori; si chiede la presa in carico etnoclinica con mediazione.',
        status,
        legalBasis: status === 'draft' ? null : 'consent',
        createdBy: user(by),
        sentAt: sentDaysAgo === null ? null : ago(sentDaysAgo),
        dueBy: sentDaysAgo === null ? null : ago(sentDaysAgo - 7),
      })
      .returning({ id: referrals.id, sentAt: referrals.sentAt });
    await tx.insert(referralPeople).values(h.people.map((personId) => ({ referralId: r!.id, personId })));
    return r!;
  }

  async function openCase(
    h: { id: string; people: string[] },
    r: { id: string; sentAt: Date | null },
    stage: {
      openedDaysAgo: number;
      plan: 'submitted' | 'approved';
      planApprovedDaysAgo?: number;
      closedDaysAgo?: number;
    },
  ) {
    const [c] = await tx
      .insert(cases)
      .values({
        code: randomCode('C'),
        householdId: h.id,
        referralId: r.id,
        serviceId: etno,
        districtId: districtIds.get('TREVIGLIO') ?? null,
        leadUserId: user('responsabile'),
        status: stage.closedDaysAgo === undefined ? 'open' : 'closed',
        openedAt: ago(stage.openedDaysAgo),
        referralSentAt: r.sentAt,
        firstSessionAt: ago(stage.openedDaysAgo - 6),
        planStatus: stage.plan,
        planSubmittedBy: user('responsabile'),
        planApprovedAt: stage.planApprovedDaysAgo === undefined ? null : ago(stage.planApprovedDaysAgo),
        planApprovedBy: stage.planApprovedDaysAgo === undefined ? null : user('supervisora'),
        closureOutcome: stage.closedDaysAgo === undefined ? null : 'autonomy_reached',
        closureRequestedAt: stage.closedDaysAgo === undefined ? null : ago(stage.closedDaysAgo + 3),
        closureRequestedBy: stage.closedDaysAgo === undefined ? null : user('responsabile'),
        closedAt: stage.closedDaysAgo === undefined ? null : ago(stage.closedDaysAgo),
        closureApprovedBy: stage.closedDaysAgo === undefined ? null : user('supervisora'),
      })
      .returning({ id: cases.id });
    await tx.insert(caseFiles).values({
      caseId: c!.id,
      intake: {
        receivedOn: dateAgo(stage.openedDaysAgo),
        presentingProblem: 'Violenza domestica; figli testimoni; isolamento linguistico.',
      },
      closureReason:
        stage.closedDaysAgo === undefined
          ? null
          : 'Obiettivi del piano raggiunti; autonomia abitativa e lavorativa.',
      updatedBy: user('responsabile'),
    });
    await tx.insert(caseTeam).values([
      { caseId: c!.id, userId: user('responsabile'), teamRole: 'lead' },
      { caseId: c!.id, userId: user('clinica'), teamRole: 'member' },
      { caseId: c!.id, userId: user('mediatrice'), teamRole: 'mediator' },
      { caseId: c!.id, userId: user('operatrice'), teamRole: 'referrer' },
    ]);
    const sessionId = randomUUID();
    await tx.insert(caseSessions).values({
      id: sessionId,
      caseId: c!.id,
      kind: 'ethnoclinical_group',
      startsAt: ago(stage.openedDaysAgo - 6),
      durationMinutes: 120,
      place: 'service',
      language: 'ar',
      mediatorId: user('mediatrice'),
      createdBy: user('responsabile'),
    });
    await tx.insert(sessionStaff).values([
      { sessionId, userId: user('responsabile') },
      { sessionId, userId: user('clinica') },
    ]);
    for (const [section, body] of [
      ['psychological', 'Vissuti di colpa della madre; il figlio maggiore assume un ruolo protettivo.'],
      ['mediation', 'Chiarito il significato culturale della richiesta di aiuto ai servizi.'],
    ] as const) {
      const id = randomUUID();
      await tx.insert(sessionNotes).values({
        id,
        sessionId,
        section,
        bodyEncrypted: encryptField({ keyring, plaintext: body, context: `session_notes.body:${id}` }),
        authorId: user('responsabile'),
      });
    }
    return c!.id;
  }

  // 1. A draft referral.
  const draft = await household(
    {
      familyName: 'Benali',
      country: 'MA',
      language: 'ar',
      members: [
        { givenName: 'Samira', caseRole: 'victim', gender: 'female', birthYear: 1990 },
        { givenName: 'Youssef', caseRole: 'child', gender: 'male', birthYear: 2015 },
      ],
    },
    'tm-treviglio',
    'operatrice',
  );
  await referral(draft, 'tm-treviglio', 'operatrice', 'draft', null);

  // 2. Sent, waiting for the ethnoclinical team.
  const sent = await household(
    {
      familyName: 'Okafor',
      country: 'NG',
      language: 'en',
      members: [
        { givenName: 'Grace', caseRole: 'victim', gender: 'female', birthYear: 1988 },
        { givenName: 'Daniel', caseRole: 'child', gender: 'male', birthYear: 2012 },
      ],
    },
    'tm-treviglio',
    'operatrice',
  );
  await consent(sent.people, new Set([1]), 'taking_into_care', etno);
  await referral(sent, 'tm-treviglio', 'operatrice', 'sent', 3);

  // 3. Accepted: case open, plan waiting for the supervisor. The father is a separate record, not in the case.
  const open = await household(
    {
      familyName: 'Hussain',
      country: 'PK',
      language: 'ur',
      members: [
        { givenName: 'Ayesha', caseRole: 'victim', gender: 'female', birthYear: 1992 },
        { givenName: 'Bilal', caseRole: 'child', gender: 'male', birthYear: 2016 },
        { givenName: 'Imran', caseRole: 'perpetrator', gender: 'male', birthYear: 1985 },
      ],
    },
    'tm-treviglio',
    'operatrice',
  );
  const inCase = { id: open.id, people: open.people.slice(0, 2) };
  await consent(inCase.people, new Set([1]), 'taking_into_care', etno);
  await consent([inCase.people[0]!], new Set(), 'research', service('ricerca'));
  await openCase(inCase, await referral(inCase, 'tm-treviglio', 'operatrice', 'accepted', 45), {
    openedDaysAgo: 40,
    plan: 'submitted',
  });

  // 4. Plan approved long ago: overdue for review.
  const overdue = await household(
    {
      familyName: 'Popescu',
      country: 'RO',
      language: 'ro',
      members: [
        { givenName: 'Elena', caseRole: 'victim', gender: 'female', birthYear: 1983 },
        { givenName: 'Andrei', caseRole: 'child', gender: 'male', birthYear: 2010 },
      ],
    },
    'tm-treviglio',
    'operatrice',
  );
  await consent(overdue.people, new Set([1]), 'taking_into_care', etno);
  await consent(overdue.people, new Set([1]), 'research', service('ricerca'));
  await openCase(overdue, await referral(overdue, 'tm-treviglio', 'operatrice', 'accepted', 130), {
    openedDaysAgo: 125,
    plan: 'approved',
    planApprovedDaysAgo: 100,
  });

  // 5. Closed: autonomy reached.
  const closed = await household(
    {
      familyName: 'Hoxha',
      country: 'AL',
      language: 'sq',
      members: [
        { givenName: 'Arta', caseRole: 'victim', gender: 'female', birthYear: 1987 },
        { givenName: 'Dritan', caseRole: 'child', gender: 'male', birthYear: 2009 },
      ],
    },
    'tm-treviglio',
    'operatrice',
  );
  await consent(closed.people, new Set([1]), 'taking_into_care', etno);
  await consent(closed.people, new Set([1]), 'research', service('ricerca'));
  await openCase(closed, await referral(closed, 'tm-treviglio', 'operatrice', 'closed', 220), {
    openedDaysAgo: 210,
    plan: 'approved',
    planApprovedDaysAgo: 180,
    closedDaysAgo: 10,
  });
  // Arta registered a second time at a later intake, her family name misspelt and her birth date
  // written in: the possible duplicates page offers to merge the two (issue 22, item 7).
  await tx.insert(people).values({
    householdId: closed.id,
    position: 2,
    ...personValues({
      givenName: 'Arta',
      familyName: 'Hoxa',
      relationship: 'reference_person',
      caseRole: 'victim',
      gender: 'female',
      birthYear: 1987,
      birthDate: '1987-05-12',
      citizenship: 'AL',
      languages: ['sq', 'it'],
      preferredLanguage: 'sq',
      interpreterNeeded: true,
      preferredMediatorGender: 'female',
      municipality: '016219',
      identifierType: 'none',
    } as TPersonInput),
  });

  // 6. From the other Ambito, declined.
  const declined = await household(
    {
      familyName: 'Singh',
      country: 'IN',
      language: 'pa',
      members: [{ givenName: 'Harpreet', caseRole: 'victim', gender: 'female', birthYear: 1995 }],
    },
    'tm-romano',
    'operatore.romano',
    true,
  );
  await consent(declined.people, new Set(), 'taking_into_care', etno);
  const answered = await referral(declined, 'tm-romano', 'operatore.romano', 'declined', 20);
  await tx
    .update(referrals)
    .set({
      answeredAt: ago(18),
      answeredBy: user('responsabile'),
      declineReason: 'Nucleo già in carico al consultorio: si suggerisce un invio al consultorio di zona.',
    })
    .where(eq(referrals.id, answered.id));

  await seedDemoTutela({ tx, keyring, serviceIds, userIds, districtIds });

  await tx.insert(studies).values({
    code: 'WP4-ETNO-2026',
    title: 'Percorsi di presa in carico etnoclinica (WP4)',
    researchServiceId: service('ricerca'),
    startsOn: dateAgo(365),
  });
}
