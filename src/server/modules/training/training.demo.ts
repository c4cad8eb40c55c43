import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { TQuestionnaireItem } from '../../../contracts/questionnaires.js';
import { systemPseudonymiser } from '../../platform/crypto/pseudonyms.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import { hashToken } from '../../platform/gatherings/places.js';
import type { DemoSeedContext } from '../../platform/module.js';
import { scoreAnswers } from './questionnaire-scoring.js';
import { newVerificationCode } from './training-certificates.service.js';

type Who = { user: string; service: string } | { name: string; organisation: string; email: string };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A day's session at a given local hour, `days` from today (negative: past). */
const sessionAt = (days: number, hour: number, length: number) => {
  const start = new Date(Date.now() + days * DAY);
  start.setUTCHours(hour - 1, 0, 0, 0); // Rome is UTC+1 in winter; the demo needs no more precision.
  return { startsAt: start, endsAt: new Date(start.getTime() + length * HOUR) };
};

const ITEMS: TQuestionnaireItem[] = [
  {
    domain: 'ethnoclinical',
    kind: 'likert',
    text: {
      it: 'So leggere un sintomo nel contesto culturale della famiglia',
      en: 'I can read a symptom in the family’s cultural context',
    },
    options: [],
    correct: null,
  },
  {
    domain: 'ethnoclinical',
    kind: 'likert',
    text: {
      it: 'So quando chiedere una consulenza etnoclinica',
      en: 'I know when to ask for an ethnoclinical consultation',
    },
    options: [],
    correct: null,
  },
  {
    domain: 'legislative',
    kind: 'knowledge',
    text: {
      it: 'Quale legge istituisce la raccolta statistica sulla violenza di genere?',
      en: 'Which law establishes statistics on gender-based violence?',
    },
    options: [
      { it: 'Legge 69/2019 (Codice rosso)', en: 'Law 69/2019 (Red code)' },
      { it: 'Legge 53/2022', en: 'Law 53/2022' },
      { it: 'Legge 149/2001', en: 'Law 149/2001' },
    ],
    correct: 1,
  },
  {
    domain: 'intercultural',
    kind: 'likert',
    text: {
      it: 'Preparo il colloquio con la mediatrice prima di incontrare la famiglia',
      en: 'I prepare the meeting with the mediator before seeing the family',
    },
    options: [],
    correct: null,
  },
];

/**
 * Training's demo data (issue 17): three courses of the trainer's service; an ethnoclinical edition
 * finished, with attendance, certificates and paired questionnaires; the same course's next
 * edition in progress (a session running now); a legislative edition full, with a waiting list.
 * Invented people; externals' links are random and unusable.
 */
export async function seedDemoTraining({ tx, keyring, serviceIds, userIds }: DemoSeedContext) {
  const service = serviceIds.get('formazione')!;
  const trainer = userIds.get('formatore')!;
  const user = (key: string) => userIds.get(key)!;

  const course = async (values: {
    title: string;
    strand: string;
    hours: number;
    objectives: string;
    kinds: string[];
    professions: string[];
    credit?: [string, number, string];
  }) => {
    const [row] = await queryRows<{ id: string }>(
      tx,
      sql`insert into training_courses (owner_service_id, title, strand, target_service_kinds, target_professions,
            objectives, hours, trainers, credit_scheme, credits, accreditation_ref, created_by)
          values (${service}, ${values.title}, ${values.strand}, ${`{${values.kinds.join(',')}}`}::text[],
            ${`{${values.professions.join(',')}}`}::text[], ${values.objectives}, ${values.hours},
            'Franco Formatore, Équipe etnoclinica', ${values.credit?.[0] ?? null}, ${values.credit?.[1] ?? null},
            ${values.credit?.[2] ?? null}, ${trainer})
          returning id`,
    );
    return row!.id;
  };
  const ethno = await course({
    title: 'Etnoclinica e violenza di genere nei percorsi migratori',
    strand: 'ethnoclinical',
    hours: 12,
    objectives:
      'Riconoscere la violenza di genere e la violenza assistita nelle famiglie migranti.\nLavorare con la mediazione linguistico-culturale e con la consulenza etnoclinica.',
    kinds: ['child_protection', 'anti_violence_network', 'consultorio', 'social_inclusion'],
    professions: ['social_worker', 'educator', 'psychologist', 'health_worker', 'lawyer', 'police'],
    credit: ['social_workers_council', 12, 'CROAS Lombardia 2026/118'],
  });
  const law = await course({
    title: 'Legge 53/2022: rilevare e proteggere',
    strand: 'legislative',
    hours: 6,
    objectives:
      'Le domande della rilevazione statistica, gli ordini di protezione, il raccordo con le forze dell’ordine.',
    kinds: ['law_enforcement', 'womens_help_desk', 'school'],
    professions: ['lawyer', 'police', 'teacher', 'social_worker'],
    credit: ['bar_council', 6, 'COA Bergamo FC-2026-44'],
  });
  await course({
    title: 'Laboratorio esperienziale con le famiglie straniere',
    strand: 'experiential',
    hours: 20,
    objectives: 'Laboratori e lavoro sul campo con le famiglie accolte, con un diario e la supervisione.',
    kinds: ['reception'],
    professions: ['reception_worker', 'educator'],
  });

  const edition = async (
    courseId: string,
    title: string,
    capacity: number,
    sessions: { startsAt: Date; endsAt: Date }[],
  ) => {
    const first = sessions[0]!.startsAt.getTime();
    const [g] = await queryRows<{ id: string }>(
      tx,
      sql`insert into gatherings (module, title, owner_service_id, capacity, registration_opens_at,
            registration_closes_at, created_by)
          values ('training', ${title}, ${service}, ${capacity}, ${new Date(first - 30 * DAY)},
            ${sessions.at(-1)!.endsAt}, ${trainer})
          returning id`,
    );
    const ids: string[] = [];
    for (const s of sessions) {
      const [row] = await queryRows<{ id: string }>(
        tx,
        sql`insert into gathering_sessions (gathering_id, starts_at, ends_at, place)
            values (${g!.id}, ${s.startsAt}, ${s.endsAt}, 'Sala consiliare, Piazza Manara 1, Treviglio') returning id`,
      );
      ids.push(row!.id);
    }
    const [e] = await queryRows<{ id: string }>(
      tx,
      sql`insert into training_editions (course_id, gathering_id) values (${courseId}, ${g!.id}) returning id`,
    );
    return { editionId: e!.id, gatheringId: g!.id, sessionIds: ids };
  };

  const place = async (gatheringId: string, who: Who, profession: string, status = 'confirmed') => {
    const external = 'name' in who;
    const [row] = await queryRows<{ id: string }>(
      tx,
      sql`insert into gathering_places (gathering_id, user_id, external_name, external_organisation, external_email,
            profession, participant_service_id, participant_organisation_id, status, link_token_hash, link_expires_at,
            requested_by, requested_at)
          values (${gatheringId}, ${external ? null : user(who.user)}, ${external ? who.name : null},
            ${external ? who.organisation : null}, ${external ? who.email : null}, ${profession},
            ${external ? null : serviceIds.get(who.service)!},
            ${external ? null : sql`(select organisation_id from services where id = ${serviceIds.get(who.service)!})`},
            ${status},
            ${external ? hashToken(randomBytes(24).toString('base64url')) : null},
            ${external ? new Date(Date.now() + 30 * DAY) : null}, ${trainer},
            (select least(now(), registration_opens_at + interval '1 day') from gatherings where id = ${gatheringId}))
          returning id`,
    );
    if (status !== 'waitlisted')
      await tx.execute(sql`update gatherings set seats_taken = seats_taken + 1 where id = ${gatheringId}`);
    return row!.id;
  };

  // The finished edition: three four-hour sessions, eight participants, one below the threshold.
  const done = await edition(ethno, 'Etnoclinica e violenza di genere nei percorsi migratori', 20, [
    sessionAt(-60, 9, 4),
    sessionAt(-53, 9, 4),
    sessionAt(-46, 9, 4),
  ]);
  const people: [Who, string][] = [
    [{ user: 'operatrice', service: 'tm-treviglio' }, 'social_worker'],
    [{ user: 'clinica', service: 'etnoclinica' }, 'psychologist'],
    [{ user: 'responsabile', service: 'etnoclinica' }, 'psychologist'],
    [{ user: 'supervisora', service: 'etnoclinica' }, 'psychologist'],
    [{ user: 'mediatrice', service: 'mediazione' }, 'mediator'],
    [{ user: 'operatore.romano', service: 'tm-romano' }, 'social_worker'],
    [
      {
        name: 'Avv. Laura Bianchi',
        organisation: 'Ordine degli avvocati di Bergamo',
        email: 'laura.bianchi@example.org',
      },
      'lawyer',
    ],
    [
      {
        name: 'Mar. Luca Rota',
        organisation: 'Compagnia Carabinieri di Treviglio',
        email: 'luca.rota@example.org',
      },
      'police',
    ],
  ];
  const placeIds: string[] = [];
  for (const [who, profession] of people) placeIds.push(await place(done.gatheringId, who, profession));
  for (const [i, placeId] of placeIds.entries())
    for (const [s, sessionId] of done.sessionIds.entries()) {
      // The police officer missed two sessions: 4 hours of 12, below the 75% threshold.
      const status = i === 7 && s > 0 ? 'absent' : i === 2 && s === 1 ? 'late' : 'present';
      await tx.execute(
        sql`insert into gathering_attendance (session_id, place_id, status, source, recorded_by)
            values (${sessionId}, ${placeId}, ${status}, ${s === 2 ? 'signature_sheet' : 'trainer'}, ${trainer})`,
      );
    }
  for (const [i, placeId] of placeIds.entries()) {
    if (i === 7) continue;
    const [who, profession] = people[i]!;
    // The social workers' council credits social workers only.
    const credited = profession === 'social_worker';
    const [holder] = await queryRows<{ name: string }>(
      tx,
      'name' in who
        ? sql`select ${who.name} as name`
        : sql`select display_name as name from users where id = ${user(who.user)}`,
    );
    await tx.execute(
      sql`insert into training_certificates (edition_id, place_id, verification_code, holder_name, course_title, hours,
            issued_on, credit_scheme, credits, accreditation_ref, issued_by)
          values (${done.editionId}, ${placeId}, ${newVerificationCode()}, ${holder!.name},
            'Etnoclinica e violenza di genere nei percorsi migratori', 12, ${new Date(Date.now() - 45 * DAY).toISOString().slice(0, 10)},
            ${credited ? 'social_workers_council' : null}, ${credited ? 12 : null},
            ${credited ? 'CROAS Lombardia 2026/118' : null}, ${trainer})`,
    );
  }
  await seedQuestionnaire({
    tx,
    keyring,
    service,
    trainer,
    courseId: ethno,
    editionId: done.editionId,
    placeIds,
  });

  // The next edition, in progress: yesterday's session done, one running now, one next week.
  const running = await edition(ethno, 'Etnoclinica e violenza di genere nei percorsi migratori', 12, [
    sessionAt(-1, 9, 4),
    { startsAt: new Date(Date.now() - HOUR), endsAt: new Date(Date.now() + 3 * HOUR) },
    sessionAt(7, 9, 4),
  ]);
  const now = [
    await place(running.gatheringId, { user: 'operatrice', service: 'tm-treviglio' }, 'social_worker'),
    await place(running.gatheringId, { user: 'operatrice.cav', service: 'rete-av' }, 'social_worker'),
    await place(running.gatheringId, { user: 'clinica', service: 'etnoclinica' }, 'psychologist'),
  ];
  for (const placeId of now)
    await tx.execute(
      sql`insert into gathering_attendance (session_id, place_id, status, source, recorded_by)
          values (${running.sessionIds[0]!}, ${placeId}, 'present', 'trainer', ${trainer})`,
    );

  // The legislative edition: two seats taken, one person waiting.
  const full = await edition(law, 'Legge 53/2022: rilevare e proteggere', 2, [
    sessionAt(14, 14, 3),
    sessionAt(21, 14, 3),
  ]);
  await place(full.gatheringId, { user: 'operatrice', service: 'tm-treviglio' }, 'social_worker');
  await place(full.gatheringId, { user: 'responsabile', service: 'etnoclinica' }, 'psychologist');
  await place(
    full.gatheringId,
    { user: 'supervisora', service: 'etnoclinica' },
    'psychologist',
    'waitlisted',
  );
}

/** The finished edition's questionnaire: seven pairs (the eighth answered only before). */
async function seedQuestionnaire({
  tx,
  keyring,
  service,
  trainer,
  courseId,
  editionId,
  placeIds,
}: {
  tx: Tx;
  keyring: DemoSeedContext['keyring'];
  service: string;
  trainer: string;
  courseId: string;
  editionId: string;
  placeIds: string[];
}) {
  const [q] = await queryRows<{ id: string }>(
    tx,
    sql`insert into training_questionnaires (owner_service_id, course_id, purpose, title, items, created_by)
        values (${service}, ${courseId}, 'competence', 'Competenze etnocliniche, legislative e interculturali',
          ${JSON.stringify(ITEMS)}::jsonb, ${trainer})
        returning id`,
  );
  const hash = await systemPseudonymiser({
    tx,
    keyring,
    scope: `training-respondents:${q!.id}`,
    prefix: 'R',
  });
  const before = [
    [2, 2, 0, 3],
    [3, 2, 0, 2],
    [2, 1, 1, 3],
    [3, 3, 0, 4],
    [1, 2, 0, 2],
    [2, 3, 2, 3],
    [3, 2, 0, 3],
    [2, 2, 0, 2],
  ];
  const after = [
    [4, 4, 1, 4],
    [4, 3, 1, 4],
    [3, 4, 1, 4],
    [4, 4, 1, 5],
    [3, 4, 1, 3],
    [4, 4, 1, 4],
    [4, 3, 0, 4],
  ];
  for (const [i, placeId] of placeIds.entries()) {
    const code = hash(`demo-${i}`);
    for (const [phase, answers] of [
      ['pre', before[i]],
      ['post', after[i]],
    ] as const) {
      if (!answers) continue;
      await tx.execute(
        sql`insert into training_response_marks (questionnaire_id, scope_id, phase, respondent_key)
            values (${q!.id}, ${editionId}, ${phase}, ${placeId})`,
      );
      await tx.execute(
        sql`insert into training_responses (questionnaire_id, scope_id, phase, respondent_hash, scores)
            values (${q!.id}, ${editionId}, ${phase}, ${code}, ${JSON.stringify(scoreAnswers(ITEMS, answers).scores)}::jsonb)`,
      );
    }
  }
}
