import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { TMediationMode, TMediationPurpose } from '../../../contracts/mediation.js';
import { encryptField } from '../../platform/crypto/field-crypto.js';
import { queryRows, sqlArray } from '../../platform/db/client.js';
import type { DemoSeedContext } from '../../platform/module.js';
import { localSlot } from './matching.js';
import { mediationCost } from './mediation-cost.js';
import { seedDemoLibrary } from './mediation-library.demo.js';
import { newRequestCode } from './mediation-requests.service.js';

/**
 * Mediation's demo data (issue 18): two cooperatives with their rates, a dozen mediators covering the
 * seeds' community languages, requests at every stage — the coordinator's queue (one nobody can take),
 * Amina's Home (an offer, an assignment to confirm), her week, this month's and last month's statements.
 * Past mediations stand as once logged, priced as `logHours` does. Invented people, places and numbers.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The instant whose time in Italy is `date` `hour`:`minute` (the seed may run in either DST period). */
function romeAt(date: string, hour: number, minute = 0): Date {
  const hhmm = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
  const summer = new Date(`${date}T${hhmm}:00+02:00`);
  return localSlot(summer).minute === hour * 60 + minute ? summer : new Date(`${date}T${hhmm}:00+01:00`);
}
const shift = (date: string, days: number) =>
  new Date(Date.parse(`${date}T12:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const weekdayOf = (date: string) => ((new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;
/** Moves a date off the weekend, forwards or backwards. */
const workday = (date: string, direction: 1 | -1) => {
  let d = date;
  while (weekdayOf(d) > 5) d = shift(d, direction);
  return d;
};

function demoClock(now = new Date()) {
  const today = localSlot(now).date;
  const monthStart = romeAt(`${today.slice(0, 8)}01`, 0);
  const previousMonth = shift(`${today.slice(0, 8)}01`, -1).slice(0, 8);
  const nextMonday = shift(today, 8 - weekdayOf(today));
  return {
    /** A weekday `days` ahead (or the next one), at `hour`. */
    ahead: (days: number, hour: number, minute = 0) => romeAt(workday(shift(today, days), 1), hour, minute),
    /** The date of `weekday` (1–7) of next week. */
    nextWeekDate: (weekday: number) => shift(nextMonday, weekday - 1),
    /** The last weekday at least `days` ago, at `hour`. */
    ago: (days: number, hour: number) => romeAt(workday(shift(today, -days), -1), hour),
    /** `days` ago; early in a month, spread between its start and now, so its statement has lines. */
    thisMonth: (days: number, hour: number) => {
      const at = romeAt(workday(shift(today, -days), -1), hour);
      if (at >= monthStart && at.getTime() + 3 * HOUR < now.getTime()) return at;
      return new Date(monthStart.getTime() + (now.getTime() - monthStart.getTime()) / (days + 1));
    },
    /** Around `day` of the previous month (moved to a weekday), at `hour`. */
    lastMonth: (day: number, hour: number) =>
      romeAt(workday(`${previousMonth}${String(day).padStart(2, '0')}`, 1), hour),
  };
}

type Coop = 'cerchio' | 'ponti';

/** Euro cents per hour in person, at a distance, per km; from 2025-01-01 (one rate each). */
const RATES: Record<Coop, { inPerson: number; remote: number; perKm: number }> = {
  cerchio: { inPerson: 2400, remote: 2000, perKm: 40 },
  ponti: { inPerson: 2200, remote: 1800, perKm: 35 },
};

const CERTIFICATIONS: Record<string, string> = {
  regional: 'Corso regionale per mediatori linguistico-culturali (Regione Lombardia, 600 ore)',
  violence: 'Formazione sulla violenza di genere — Rete antiviolenza «Non sei sola» (2025)',
  ethno: 'Mediazione in setting etnoclinico — Équipe etnoclinica (2025)',
  court: 'Iscrizione all’albo degli interpreti del Tribunale di Bergamo',
};

/**
 * One mediator a line: account | name | gender | cooperative | base comune | districts | comuni served |
 * modes | languages (code/dialect/level, `+` if written) | countries | own community | weekly hours
 * (weekdays from-to) | certifications. `mediatrice` is the demo account; the others are mediator
 * accounts made here, without a password (they never sign in). ISTAT codes: Treviglio 016219,
 * Caravaggio 016053, Brignano 016040, Arcene 016011, Fara Gera d'Adda 016096; Romano 016183,
 * Martinengo 016133, Cologno al Serio 016079, Ghisalba 016113, Calcio 016044.
 */
const REGISTRY = `
mediatrice       | Amina Mediatrice  | female | cerchio | 016219 | TREVIGLIO        | 016219 016053 016040 | in_person phone video | ar/marocchino/native+ fr//fluent+          | MA DZ TN | MA | 1-5 08:30-18:00, 6 09:00-13:00   | regional violence ethno
youssef.elamrani | Youssef El Amrani | male   | ponti   | 016183 | ROMANO           | 016183 016133        | in_person phone video | ar/marocchino/native+ fr//good             | MA       | MA | 1-5 09:00-17:00                  | regional court
mona.abdelrahman | Mona Abdelrahman  | female | cerchio | 016053 | TREVIGLIO        | 016053 016219        | in_person phone video | ar/egiziano/native+ en//good               | EG SD    | EG | 1,3,5 09:00-18:00, 2,4 14:00-19:00 | regional violence
fatou.diop       | Fatou Diop        | female | ponti   | 016133 | ROMANO TREVIGLIO | 016133               | in_person phone video | wo//native fr//fluent+ bm//good            | SN GM ML | SN | 1-5 08:00-14:00                  | regional violence
moussa.traore    | Moussa Traoré     | male   | cerchio | 016219 | TREVIGLIO ROMANO |                      | in_person phone       | bm//native fr//fluent+ wo//basic           | ML CI BF | ML | 1-5 10:00-19:00                  | regional
joy.adebayo      | Joy Adebayo       | female | cerchio | 016011 | TREVIGLIO        | 016011 016219        | in_person phone video | en//native+                                | NG GH    | NG | 1-4 09:00-17:00                  | regional violence
ermal.shehu      | Ermal Shehu       | male   | ponti   | 016079 | ROMANO           | 016079 016113        | in_person phone video | sq//native+                                | AL MK    | AL | 1-5 08:30-16:30                  | regional court
gurpreet.kaur    | Gurpreet Kaur     | female | cerchio | 016183 | ROMANO TREVIGLIO | 016183               | in_person phone video | pa//native+ hi//fluent ur//good            | IN       | IN | 1-5 09:00-18:00                  | regional ethno
tariq.mahmood    | Tariq Mahmood     | male   | ponti   | 016044 | ROMANO TREVIGLIO | 016044               | in_person phone video | ur//native+ pa//fluent                     | PK       | PK | 1-5 09:00-13:00, 1-5 14:00-18:00 | regional
ioana.popa       | Ioana Popa        | female | ponti   | 016096 | TREVIGLIO        | 016096               | phone video           | ro//native+                                | RO MD    | RO | 1-5 08:00-20:00                  | regional
olena.kovalenko  | Olena Kovalenko   | female | cerchio | 016219 | TREVIGLIO        | 016219               | in_person phone video | uk//native+ ru//fluent+                    | UA       | UA | 1-6 09:00-15:00                  | regional ethno
diego.salazar    | Diego Salazar     | male   | cerchio | 016053 | TREVIGLIO ROMANO |                      | in_person phone video | es//native+ en//good                       | PE EC BO | PE | 1-5 13:00-20:00                  | regional`;

const words = (s: string) => s.split(' ').filter(Boolean);
const toMinute = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
/** "1-5" or "1,3,5" → weekdays. */
const weekdays = (days: string) => {
  const [from, to] = days.split('-').map(Number);
  return to ? Array.from({ length: to - from! + 1 }, (_, i) => from! + i) : days.split(',').map(Number);
};

function registry() {
  return REGISTRY.trim()
    .split('\n')
    .map((line) => {
      const [
        account,
        name,
        gender,
        coop,
        base,
        districts,
        served,
        modes,
        languages,
        countries,
        own,
        hours,
        certs,
      ] = line.split('|').map((cell) => cell.trim()) as [string, ...string[]];
      return {
        account,
        name: name!,
        gender: gender as 'female' | 'male',
        coop: coop as Coop,
        base: base!,
        districts: words(districts!),
        municipalities: words(served!),
        modes: words(modes!),
        languages: words(languages!).map((l) => {
          const [language, dialect, level] = l.replace('+', '').split('/');
          return { language: language!, dialect: dialect || null, level: level!, written: l.endsWith('+') };
        }),
        countries: words(countries!),
        ownCommunity: own!,
        availability: hours!.split(', ').flatMap((slot) => {
          const [days, span] = words(slot) as [string, string];
          const [from, to] = span.split('-') as [string, string];
          return weekdays(days).map((weekday) => ({ weekday, from: toMinute(from), to: toMinute(to) }));
        }),
        certifications: words(certs!).map((c) => CERTIFICATIONS[c]!),
      };
    });
}

type Asker = 'operatrice' | 'operatore.romano' | 'operatrice.cav' | 'clinica';
/** Each asker's service, the work package its mediations are charged to (MISSION.md), and their contact. */
const ASKERS: Record<Asker, { service: string; wp: string; contact: string }> = {
  operatrice: { service: 'tm-treviglio', wp: 'wp2', contact: 'Tutela Minori Treviglio, 0363 317 500' },
  'operatore.romano': { service: 'tm-romano', wp: 'wp2', contact: 'Tutela Minori Romano, 0363 902 100' },
  'operatrice.cav': { service: 'rete-av', wp: 'wp1', contact: 'Centro antiviolenza Sirio, 0363 410 200' },
  clinica: { service: 'etnoclinica', wp: 'wp4', contact: 'Équipe etnoclinica, 0363 441 300' },
};

/** In person: the comune and the room. */
const PLACES = {
  treviglio: ['016219', 'Tutela Minori, Via Roma 8, Treviglio — sala colloqui 2'],
  romano: ['016183', 'Servizi sociali, Piazza Roma 20, Romano di Lombardia — stanza 4'],
  etno: ['016219', 'Équipe etnoclinica, Viale Piave 12, Treviglio — sala gruppi'],
} as const;

interface RequestSpec {
  by: Asker;
  language: string;
  dialect?: string;
  at: Date;
  minutes: number;
  mode: TMediationMode;
  place?: keyof typeof PLACES;
  purpose: TMediationPurpose;
  urgency?: 'routine' | 'priority' | 'urgent';
  /** A victim of violence: the mediator gender she (or he) asked for. */
  victim?: 'female' | 'male';
  community?: string;
  notes?: string;
  status: 'open' | 'offered' | 'assigned' | 'confirmed' | 'completed' | 'cancelled';
  unmatched?: boolean;
  cancelReason?: string;
}

interface Outcome {
  mediator: string;
  status: 'assigned' | 'confirmed' | 'completed' | 'no_show' | 'cancelled';
  /** Logged: minutes of mediation, of travel, and km. */
  logged?: readonly [minutes: number, travelMinutes: number, km: number];
  rating?: readonly [stars: number, comment: string | null];
}

/**
 * Mediations done and logged, one a line: asker | language | when (`this` month, days ago, hour; or
 * `last` month, around which day, hour) | minutes | mode | place | purpose | mediator | logged minutes,
 * travel minutes, km (`no-show`: the person did not come; the time waited and the travel are paid) |
 * the asker's rating (stars and words).
 */
const LOGGED = `
operatrice       | ar | this 5 9   | 60  | in_person | treviglio | interview             | mediatrice       | 60 20 8   | 5 Puntuale, ha aiutato a creare fiducia con la madre.
operatore.romano | ar | this 4 14  | 90  | in_person | romano    | home_visit            | youssef.elamrani | 90 30 14  | 4
operatrice.cav   | wo | this 6 11  | 45  | phone     | -         | interview             | fatou.diop       | 50 0 0    |
clinica          | uk | this 8 10  | 60  | video     | -         | ethnoclinical_session | olena.kovalenko  | 60 0 0    | 5 Precisa anche nei termini clinici.
operatrice       | ur | this 10 15 | 120 | in_person | treviglio | court_hearing         | tariq.mahmood    | 130 40 22 |
clinica          | fr | last 5 10  | 75  | in_person | etno      | ethnoclinical_session | mediatrice       | 75 15 5   |
operatore.romano | sq | last 9 9   | 60  | in_person | romano    | interview             | ermal.shehu      | 60 20 10  |
operatore.romano | pa | last 13 11 | 90  | in_person | romano    | school_meeting        | gurpreet.kaur    | 90 10 3   | 4 Ha spiegato bene la scuola italiana alla famiglia.
operatrice       | ro | last 17 16 | 30  | phone     | -         | health_appointment    | ioana.popa       | 30 0 0    |
operatrice       | es | last 22 15 | 60  | in_person | treviglio | interview             | diego.salazar    | 60 25 12  |
operatore.romano | bm | last 24 10 | 60  | in_person | romano    | interview             | moussa.traore    | 30 30 16 no-show |`;

/** The cost as `logHours` fixes it: paid minutes (mediation and travel) at the hourly rate, plus the km. */
function costOf(
  coop: Coop,
  mode: TMediationMode,
  [minutes, travelMinutes, travelKm]: readonly [number, number, number],
) {
  const { inPerson, remote, perKm: centsPerKm } = RATES[coop];
  const hourlyCents = mode === 'in_person' ? inPerson : remote;
  const { costCents } = mediationCost({ minutes, travelMinutes, travelKm, hourlyCents, centsPerKm });
  return { hourly: hourlyCents, perKm: centsPerKm, cost: costCents };
}

export async function seedDemoMediation({ tx, keyring, serviceIds, userIds, districtIds }: DemoSeedContext) {
  const clock = demoClock();
  const coordinator = userIds.get('referente.mediazione')!;
  const mediationService = serviceIds.get('mediazione')!;

  const [cerchio] = await queryRows<{ id: string }>(
    tx,
    sql`select id from organisations where name = 'Cooperativa sociale Il Cerchio'`,
  );
  const [ponti] = await queryRows<{ id: string }>(
    tx,
    sql`insert into organisations (name, kind, district_id)
        values ('Cooperativa Interculturale Ponti', 'cooperative', ${districtIds.get('ROMANO') ?? null}) returning id`,
  );
  const coops: Record<Coop, string> = { cerchio: cerchio!.id, ponti: ponti!.id };
  for (const coop of ['cerchio', 'ponti'] as const)
    await tx.execute(
      sql`insert into mediation_rates (organisation_id, in_person_cents, remote_cents, travel_cents_per_km, valid_from, created_by)
          values (${coops[coop]}, ${RATES[coop].inPerson}, ${RATES[coop].remote}, ${RATES[coop].perKm}, '2025-01-01', ${coordinator})`,
    );

  const mediators = new Map<string, { id: string; coop: Coop }>();
  for (const m of registry()) {
    let userId = userIds.get(m.account);
    if (!userId) {
      const [u] = await queryRows<{ id: string }>(
        tx,
        sql`insert into users (username, display_name, address_form, email, demo)
            values (${m.account}, ${m.name}, ${m.gender === 'female' ? 'feminine' : 'masculine'},
                    ${`${m.account}@demo.trama.localhost`}, true)
            returning id`,
      );
      userId = u!.id;
      await tx.execute(
        sql`insert into memberships (user_id, role, service_id) values (${userId}, 'mediator', ${mediationService})`,
      );
    }
    const id = randomUUID();
    const districts = m.districts.flatMap((d) => districtIds.get(d) ?? []);
    await tx.execute(
      sql`insert into mediators (id, user_id, organisation_id, gender, modes, countries, own_community, district_ids,
            municipalities, base_municipality, certifications)
          values (${id}, ${userId}, ${coops[m.coop]}, ${m.gender}, ${sqlArray(m.modes)}, ${sqlArray(m.countries)},
            ${m.ownCommunity}, ${sqlArray(districts, 'uuid')}, ${sqlArray(m.municipalities)}, ${m.base},
            ${sqlArray(m.certifications)})`,
    );
    for (const l of m.languages)
      await tx.execute(
        sql`insert into mediator_languages (mediator_id, language, dialect, level, written)
            values (${id}, ${l.language}, ${l.dialect}, ${l.level}, ${l.written})`,
      );
    for (const a of m.availability)
      await tx.execute(
        sql`insert into mediator_availability (mediator_id, weekday, from_minute, to_minute)
            values (${id}, ${a.weekday}, ${a.from}, ${a.to})`,
      );
    mediators.set(m.account, { id, coop: m.coop });
  }
  const mediator = (account: string) => mediators.get(account)!;

  // Mona is away from Wednesday to Friday next week; Youssef knows the Benali family (a declared conflict).
  await tx.execute(
    sql`insert into mediator_absences (mediator_id, from_date, to_date)
        values (${mediator('mona.abdelrahman').id}, ${clock.nextWeekDate(3)}, ${clock.nextWeekDate(5)})`,
  );
  const [benali] = await queryRows<{ household_id: string }>(
    tx,
    sql`select household_id from people where family_name = 'Benali' order by created_at limit 1`,
  );
  if (benali) {
    const id = randomUUID();
    const note = 'Vicino di casa della famiglia: la conosce personalmente.';
    await tx.execute(
      sql`insert into mediator_conflicts (id, mediator_id, kind, household_id, note_encrypted, declared_by)
          values (${id}, ${mediator('youssef.elamrani').id}, 'household', ${benali.household_id},
            ${encryptField({ keyring, plaintext: note, context: `mediator_conflicts.note:${id}` })}, ${coordinator})`,
    );
  }

  async function request(spec: RequestSpec, outcome?: Outcome, offeredTo: string[] = []) {
    const id = randomUUID();
    const asker = ASKERS[spec.by];
    const endsAt = new Date(spec.at.getTime() + spec.minutes * 60_000);
    const place = spec.place ? PLACES[spec.place] : null;
    // Asked some days before, never later than now.
    const createdAt = new Date(Math.min(Date.now() - HOUR, spec.at.getTime() - 4 * DAY));
    await tx.execute(
      sql`insert into mediation_requests (id, code, mediation_service_id, service_id, requester_id, language, dialect,
            starts_at, ends_at, duration_minutes, mode, municipality, place_encrypted, purpose, urgency, victim,
            victim_mediator_gender, community, work_package, requester_contact, notes, status, unmatched,
            cancel_reason, created_at, updated_at)
          values (${id}, ${newRequestCode()}, ${mediationService}, ${serviceIds.get(asker.service)!}, ${userIds.get(spec.by)!},
            ${spec.language}, ${spec.dialect ?? null}, ${spec.at}, ${endsAt}, ${spec.minutes}, ${spec.mode},
            ${place?.[0] ?? null},
            ${place ? encryptField({ keyring, plaintext: place[1], context: `mediation_requests.place:${id}` }) : null},
            ${spec.purpose}, ${spec.urgency ?? 'routine'}, ${spec.victim !== undefined}, ${spec.victim ?? null},
            ${spec.community ?? null}, ${asker.wp}, ${asker.contact}, ${spec.notes ?? null}, ${spec.status},
            ${spec.unmatched ?? false}, ${spec.cancelReason ?? null}, ${createdAt}, ${createdAt})`,
    );
    for (const account of offeredTo)
      await tx.execute(
        sql`insert into mediation_offers (request_id, mediator_id, offered_at)
            values (${id}, ${mediator(account).id}, ${new Date(createdAt.getTime() + HOUR)})`,
      );
    if (!outcome) return;
    const m = mediator(outcome.mediator);
    const assignedAt = new Date(createdAt.getTime() + 2 * HOUR);
    const log = outcome.logged && costOf(m.coop, spec.mode, outcome.logged);
    const [a] = await queryRows<{ id: string }>(
      tx,
      sql`insert into mediation_assignments (request_id, mediator_id, status, starts_at, ends_at, assigned_by, assigned_at,
            answered_at, decline_reason, actual_minutes, travel_minutes, travel_km, hourly_cents, travel_cents_per_km,
            cost_cents, logged_at)
          values (${id}, ${m.id}, ${outcome.status}, ${spec.at}, ${endsAt}, ${coordinator}, ${assignedAt},
            ${outcome.status === 'assigned' ? null : new Date(assignedAt.getTime() + 3 * HOUR)},
            ${outcome.status === 'cancelled' ? (spec.cancelReason ?? null) : null},
            ${outcome.logged?.[0] ?? null}, ${outcome.logged?.[1] ?? null}, ${outcome.logged?.[2] ?? null},
            ${log?.hourly ?? null}, ${log?.perKm ?? null}, ${log?.cost ?? null},
            ${log ? new Date(endsAt.getTime() + 2 * HOUR) : null})
          returning id`,
    );
    if (outcome.rating)
      await tx.execute(
        sql`insert into mediation_ratings (assignment_id, rated_by, rating, comment, created_at)
            values (${a!.id}, ${userIds.get(spec.by)!}, ${outcome.rating[0]}, ${outcome.rating[1]},
                    ${new Date(endsAt.getTime() + DAY)})`,
      );
  }

  // Waiting for the coordinator: an Arabic interview with ranked matches; a Tigrinya one nobody speaks.
  await request({
    by: 'operatrice',
    language: 'ar',
    at: clock.ahead(3, 10),
    minutes: 60,
    mode: 'in_person',
    place: 'treviglio',
    purpose: 'interview',
    community: 'MA',
    notes: 'Primo colloquio con la madre dopo la segnalazione della scuola.',
    status: 'open',
  });
  await request({
    by: 'operatore.romano',
    language: 'ti',
    at: clock.ahead(4, 9, 30),
    minutes: 90,
    mode: 'in_person',
    place: 'romano',
    purpose: 'school_meeting',
    urgency: 'priority',
    community: 'ER',
    notes: 'Incontro con gli insegnanti per l’inserimento di un ragazzo arrivato da poco.',
    status: 'open',
    unmatched: true,
  });
  // Offered to Amina and Mona: a woman victim of violence asked for a woman, by phone.
  await request(
    {
      by: 'operatrice.cav',
      language: 'ar',
      at: clock.ahead(1, 16),
      minutes: 45,
      mode: 'phone',
      purpose: 'interview',
      urgency: 'urgent',
      victim: 'female',
      notes: 'Colloquio telefonico concordato con la donna: chiamare solo all’orario indicato.',
      status: 'offered',
    },
    undefined,
    ['mediatrice', 'mona.abdelrahman'],
  );
  // Assigned to Amina, waiting for her confirmation (her Home shows it).
  await request(
    {
      by: 'operatrice',
      language: 'fr',
      at: clock.ahead(2, 14, 30),
      minutes: 90,
      mode: 'in_person',
      place: 'treviglio',
      purpose: 'home_visit',
      community: 'CI',
      status: 'assigned',
    },
    { mediator: 'mediatrice', status: 'assigned' },
  );
  // Confirmed: Amina on Tuesday next week in Treviglio, an ethnoclinical session; Tariq on Thursday by video.
  await request(
    {
      by: 'clinica',
      language: 'ar',
      dialect: 'marocchino',
      at: romeAt(clock.nextWeekDate(2), 10),
      minutes: 120,
      mode: 'in_person',
      place: 'etno',
      purpose: 'ethnoclinical_session',
      community: 'MA',
      status: 'confirmed',
    },
    { mediator: 'mediatrice', status: 'confirmed' },
  );
  await request(
    {
      by: 'operatrice',
      language: 'ur',
      at: romeAt(clock.nextWeekDate(4), 15),
      minutes: 60,
      mode: 'video',
      purpose: 'health_appointment',
      community: 'PK',
      status: 'confirmed',
    },
    { mediator: 'tariq.mahmood', status: 'confirmed' },
  );
  // Amina's last working day: done, hours not logged yet (her list asks for them).
  await request(
    {
      by: 'operatrice',
      language: 'ar',
      at: clock.ago(1, 10),
      minutes: 60,
      mode: 'in_person',
      place: 'treviglio',
      purpose: 'interview',
      status: 'confirmed',
    },
    { mediator: 'mediatrice', status: 'confirmed' },
  );

  // Logged this month and last month for both cooperatives: the statements have lines and totals.
  for (const line of LOGGED.trim().split('\n')) {
    const [by, language, when, minutes, mode, place, purpose, who, hours, rating] = line
      .split('|')
      .map((cell) => cell.trim()) as [Asker, ...string[]];
    const [month, days, hour] = words(when!) as ['this' | 'last', string, string];
    const [stars, ...comment] = words(rating ?? '');
    await request(
      {
        by,
        language: language!,
        at: (month === 'this' ? clock.thisMonth : clock.lastMonth)(Number(days), Number(hour)),
        minutes: Number(minutes),
        mode: mode as TMediationMode,
        place: place === '-' ? undefined : (place as keyof typeof PLACES),
        purpose: purpose as TMediationPurpose,
        status: 'completed',
      },
      {
        mediator: who!,
        status: hours!.endsWith('no-show') ? 'no_show' : 'completed',
        logged: words(hours!).slice(0, 3).map(Number) as [number, number, number],
        rating: stars ? [Number(stars), comment.join(' ') || null] : undefined,
      },
    );
  }
  // Cancelled: the family moved away before the meeting; Joy's assignment ended with it.
  await request(
    {
      by: 'operatrice',
      language: 'en',
      at: clock.ahead(6, 9),
      minutes: 60,
      mode: 'in_person',
      place: 'treviglio',
      purpose: 'school_meeting',
      community: 'NG',
      status: 'cancelled',
      cancelReason: 'La famiglia si è trasferita in un’altra provincia.',
    },
    { mediator: 'joy.adebayo', status: 'cancelled' },
  );
  await seedDemoLibrary({ tx, keyring, serviceIds, userIds, districtIds });
}
