import type { TConsultationStatus } from '../../../contracts/consultations.js';
import type { TPersonInput } from '../../../contracts/households.js';
import { randomTypedCode } from '../../platform/crypto/pseudonyms.js';
import type { DemoSeedContext } from '../../platform/module.js';
import { randomCode } from './cases.identifiers.js';
import { personValues } from './cases.people.js';
import {
  caseFiles,
  cases,
  caseTeam,
  consents,
  households,
  people,
  referralPeople,
  referrals,
} from './cases.sql.js';
import {
  consultationAttendance,
  consultationOpinions,
  consultationSessions,
  consultations,
} from './consultations.sql.js';

const DAY = 86_400_000;
const dateIn = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

type Member = Pick<TPersonInput, 'givenName' | 'caseRole' | 'gender' | 'relationship' | 'birthYear'>;

interface DemoConsultation {
  familyName: string;
  country: string;
  language: string;
  members: Member[];
  status: TConsultationStatus;
  reason: string;
  court?: boolean;
  dueInDays: number;
}

const mother = (givenName: string, birthYear: number): Member => ({
  givenName,
  caseRole: 'other',
  gender: 'female',
  relationship: 'reference_person',
  birthYear,
});
const child = (givenName: string, gender: 'female' | 'male', birthYear: number): Member => ({
  givenName,
  caseRole: 'child',
  gender,
  relationship: 'child',
  birthYear,
});

/** One consultation at every stage, invented families; the third is a court investigation. */
const DEMO: DemoConsultation[] = [
  {
    familyName: 'Ndiaye',
    country: 'SN',
    language: 'wo',
    members: [mother('Awa', 1988), child('Moussa', 'male', 2015)],
    status: 'requested',
    reason: 'La famiglia rifiuta il sostegno educativo: chiediamo di capire con voi il senso del rifiuto.',
    dueInDays: 55,
  },
  {
    familyName: 'Mendoza',
    country: 'PE',
    language: 'qu',
    members: [mother('Rosa', 1985), child('Luz', 'female', 2012)],
    status: 'presentation',
    reason: 'Luz non parla a scuola da un anno; la madre parla di un “susto”. Il lavoro è fermo.',
    dueInDays: 40,
  },
  {
    familyName: 'Nwosu',
    country: 'NG',
    language: 'ig',
    members: [mother('Chiamaka', 1990), child('Emeka', 'male', 2014)],
    status: 'in_sessions',
    reason: 'Indagine psicosociale preliminare chiesta dal Tribunale per i Minorenni di Brescia.',
    court: true,
    dueInDays: 10,
  },
  {
    familyName: 'Haddouche',
    country: 'DZ',
    language: 'ar',
    members: [mother('Samira', 1983), child('Yanis', 'male', 2011)],
    status: 'opinion_drafting',
    reason: 'Conflitto aperto tra la famiglia e il servizio sul progetto per Yanis.',
    dueInDays: -3,
  },
  {
    familyName: 'Constantin',
    country: 'RO',
    language: 'ro',
    members: [mother('Ioana', 1992), child('Andrei', 'male', 2017)],
    status: 'delivered',
    reason: 'Ripetute assenze a scuola e sfiducia della madre verso i servizi.',
    dueInDays: -20,
  },
  {
    familyName: 'Hossain',
    country: 'BD',
    language: 'bn',
    members: [mother('Nasrin', 1987), child('Rafi', 'male', 2013)],
    status: 'converted',
    reason: 'Il bambino è molto ritirato; la famiglia attribuisce il malessere a uno spirito.',
    dueInDays: -40,
  },
];

const ORDER: TConsultationStatus[] = [
  'requested',
  'presentation',
  'in_sessions',
  'opinion_drafting',
  'delivered',
];
const reached = (status: TConsultationStatus, stage: TConsultationStatus) =>
  status === 'converted' || ORDER.indexOf(status) >= ORDER.indexOf(stage);

/**
 * Ethnoclinical consultations for first-line services (issue 22, item 5): Tutela Minori Treviglio
 * asks the ethnoclinical team, one consultation at every stage (requested, presentation, in sessions,
 * opinion drafting, delivered, converted), one a court investigation with the Tribunale's request as
 * its basis. Run after the demo cases exist; written as the system, as the other demo seeds.
 */
export async function seedDemoConsultations({ tx, serviceIds, userIds, districtIds }: DemoSeedContext) {
  const tm = serviceIds.get('tm-treviglio');
  const etno = serviceIds.get('etnoclinica');
  const operatrice = userIds.get('operatrice');
  const lead = userIds.get('responsabile');
  const clinica = userIds.get('clinica');
  if (!tm || !etno || !operatrice || !lead || !clinica) return;

  for (const [n, demo] of DEMO.entries()) {
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
    const personIds: string[] = [];
    for (const [position, m] of demo.members.entries()) {
      const [p] = await tx
        .insert(people)
        .values({
          householdId: h!.id,
          position,
          ...personValues({
            familyName: demo.familyName,
            citizenship: demo.country,
            languages: [demo.language, 'it'],
            preferredLanguage: demo.language,
            interpreterNeeded: m.caseRole !== 'child',
            preferredMediatorGender: 'any',
            municipality: '016219',
            identifierType: 'none',
            ...m,
          } as TPersonInput),
        })
        .returning({ id: people.id });
      personIds.push(p!.id);
      await tx.insert(consents).values({
        personId: p!.id,
        givenBy: m.caseRole === 'child' ? 'legal_representative' : 'self',
        representativeName: m.caseRole === 'child' ? 'Madre (legale rappresentante)' : null,
        purpose: 'consultation',
        recipientServiceId: etno,
        sections: ['family_migration', 'languages'],
        givenOn: dateIn(-90),
        method: 'written',
        recordedBy: operatrice,
      });
    }
    const sentAt = new Date(Date.now() - (80 - n * 5) * DAY);
    const [r] = await tx
      .insert(referrals)
      .values({
        householdId: h!.id,
        fromServiceId: tm,
        toServiceId: etno,
        purpose: 'consultation',
        courtInvestigation: demo.court ?? false,
        urgency: 'priority',
        sections: ['family_migration', 'languages'],
        message: demo.reason,
        status: 'accepted',
        legalBasis: 'consent',
        createdBy: operatrice,
        sentAt,
        answeredAt: sentAt,
        answeredBy: lead,
      })
      .returning({ id: referrals.id });
    await tx.insert(referralPeople).values(personIds.map((personId) => ({ referralId: r!.id, personId })));

    let caseId: string | null = null;
    if (demo.status === 'converted') {
      const [c] = await tx
        .insert(cases)
        .values({
          code: randomCode('C'),
          householdId: h!.id,
          referralId: r!.id,
          serviceId: etno,
          districtId: districtIds.get('TREVIGLIO') ?? null,
          leadUserId: lead,
          referralSentAt: sentAt,
        })
        .returning({ id: cases.id });
      caseId = c!.id;
      await tx.insert(caseFiles).values({ caseId, updatedBy: lead });
      await tx.insert(caseTeam).values([
        { caseId, userId: lead, teamRole: 'lead', addedBy: lead },
        { caseId, userId: operatrice, teamRole: 'referrer', addedBy: lead },
      ]);
    }

    const [k] = await tx
      .insert(consultations)
      .values({
        code: randomTypedCode('K', 7),
        referralId: r!.id,
        householdId: h!.id,
        requestingServiceId: tm,
        serviceId: etno,
        kind: demo.court ? 'court_investigation' : 'stuck_case',
        ...(demo.court
          ? {
              requestingAuthority: 'juvenile_court',
              requestReference: 'VG 1187/2026',
              requestDate: dateIn(-70),
              coversTeamInvolvement: true,
            }
          : {}),
        status: demo.status,
        leadUserId: lead,
        opinionDueOn: dateIn(demo.dueInDays),
        reason: demo.reason,
        ...(reached(demo.status, 'presentation')
          ? {
              presentationSummary: `Presentazione del caso ${demo.familyName} all’équipe: storia migratoria, rete, punti di blocco con il servizio.`,
              axes: [
                'Storia migratoria e lutti',
                'Rappresentazioni della malattia',
                'Rapporto con i servizi',
              ],
            }
          : {}),
        caseId,
        createdBy: lead,
      })
      .returning({ id: consultations.id });

    if (reached(demo.status, 'in_sessions')) {
      const [s] = await tx
        .insert(consultationSessions)
        .values({
          consultationId: k!.id,
          heldOn: dateIn(-30 + n),
          durationMinutes: 150,
          place: 'Sede dell’équipe etnoclinica, Treviglio',
          familyExplanation: 'La madre racconta la malattia del figlio con le parole del paese d’origine.',
          hypotheses: 'Ipotesi discusse: lutto migratorio non elaborato; conflitto di lealtà tra due mondi.',
          feedback:
            'Al servizio inviante: mantenere la mediatrice nei colloqui, rallentare le richieste scolastiche.',
          nextAppointmentOn: demo.status === 'in_sessions' ? dateIn(7) : null,
          createdBy: lead,
        })
        .returning({ id: consultationSessions.id });
      await tx.insert(consultationAttendance).values([
        { sessionId: s!.id, role: 'lead_therapist', userId: lead },
        { sessionId: s!.id, role: 'co_therapist', userId: clinica, profession: 'psychologist' },
        { sessionId: s!.id, role: 'co_therapist', name: 'Dott. Kofi Mensah', profession: 'anthropologist' },
        {
          sessionId: s!.id,
          role: 'mediator',
          name: 'Mediatrice linguistico-culturale',
          language: demo.language,
        },
        {
          sessionId: s!.id,
          role: 'first_line_professional',
          userId: operatrice,
          professionalRole: 'assistente sociale',
          organisation: 'Tutela Minori Treviglio',
        },
        {
          sessionId: s!.id,
          role: 'first_line_professional',
          name: 'Maestra della scuola primaria',
          professionalRole: 'insegnante',
          organisation: 'Istituto comprensivo di Treviglio',
        },
        ...personIds.map((personId) => ({ sessionId: s!.id, role: 'family_member', personId })),
      ]);
    }
    if (reached(demo.status, 'opinion_drafting')) {
      const approved = demo.status !== 'opinion_drafting';
      await tx.insert(consultationOpinions).values({
        consultationId: k!.id,
        version: 1,
        text: `Parere dell’équipe etnoclinica sulla famiglia ${demo.familyName}: il blocco nasce da rappresentazioni diverse del malessere; si consiglia di riprendere il lavoro con la mediazione e di riconoscere le spiegazioni della famiglia.`,
        status: approved ? 'approved' : 'draft',
        createdBy: clinica,
        approvedBy: approved ? lead : null,
        approvedAt: approved ? new Date(Date.now() - 5 * DAY) : null,
      });
    }
  }
}
