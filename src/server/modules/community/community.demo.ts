import { randomBytes, randomUUID } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import { encryptField } from '../../platform/crypto/field-crypto.js';
import { systemPseudonymiser } from '../../platform/crypto/pseudonyms.js';
import { queryRows, sqlArray, type Tx } from '../../platform/db/client.js';
import { hashToken } from '../../platform/gatherings/places.js';
import type { DemoSeedContext } from '../../platform/module.js';
import { DEMO_ANONYMOUS, DEMO_EVENTS, DEMO_RESIDENTS, DEMO_RESOURCES } from './community-demo-events.js';
import { DEMO_HOLDERS, DEMO_LINKS, DEMO_NEEDS, DEMO_PEOPLE, KEEPERS } from './community-demo-holders.js';
import { newTicketCode, PHONE_SCOPE } from './community-registration.js';

/**
 * Community engagement's demo data (issue 19): about sixty holders across the 35 comuni with
 * their reference people (opinion leaders among them, some consents withdrawn), relationships,
 * information needs, meetings and contacts, the resources ledger; a dozen events past and future —
 * a lab finished, a lab in progress with a session running now (check-in can be tried), awareness
 * meetings and workshops in several comuni — with registrations named and anonymous, attendance,
 * a head count at the door and a few feedback answers. Past events cannot be registered to (their
 * window closed), so registrations are written here as `registerToEvent` writes them. Bulk
 * inserts: the whole seed takes well under a second.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const romeParts = (at: Date) =>
  Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Rome',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
const romeDay = (at: Date) => {
  const p = romeParts(at);
  return `${p.year}-${p.month}-${p.day}`;
};
/** `days` from today (Italian calendar) at `hour` in Italy, whichever offset Italy is on that day. */
function romeAt(days: number, hour: number): Date {
  const day = romeDay(new Date(Date.now() + days * DAY));
  const summer = new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+02:00`);
  return Number(romeParts(summer).hour) === hour ? summer : new Date(summer.getTime() + HOUR);
}
const daysAgo = (days: number) => romeDay(new Date(Date.now() - days * DAY));
const rows = (values: SQL[]) => sql.join(values, sql`, `);

/** Inserts in one statement, skipping an empty list. */
async function insertAll(tx: Tx, head: SQL, values: SQL[]) {
  if (values.length > 0) await tx.execute(sql`${head} values ${rows(values)}`);
}

export async function seedDemoCommunity({ tx, keyring, serviceIds, userIds }: DemoSeedContext) {
  const service = serviceIds.get('comunita')!;
  const worker = userIds.get('animatrice.comunita')!;
  const keepers = new Map(
    (
      await queryRows<{ id: string; name: string }>(
        tx,
        sql`select id, name from organisations where name = any (${sqlArray(Object.values(KEEPERS))})`,
      )
    ).map((o) => [o.name, o.id]),
  );

  // ---- the registry ----
  const holderIds = new Map(DEMO_HOLDERS.map((h) => [h.key, randomUUID()]));
  const holder = (key: string) => {
    const id = holderIds.get(key);
    if (!id) throw new Error(`demo: no holder ${key}`);
    return id;
  };
  await insertAll(
    tx,
    sql`insert into community_holders (id, name, kind, municipality, address, languages, communities, size, legal_form,
          keeper_organisation_id, created_by, created_at, updated_at)`,
    DEMO_HOLDERS.map((h, i) => {
      const entered = new Date(Date.now() - (200 - i * 2) * DAY);
      return sql`(${holder(h.key)}, ${h.name}, ${h.kind}, ${h.municipality}, ${h.address}, ${sqlArray(h.languages)},
        ${sqlArray(h.communities)}, ${h.size}, ${h.legalForm}, ${keepers.get(KEEPERS[h.keeper]) ?? null}, ${worker},
        ${entered}, ${entered})`;
    }),
  );
  const personIds = DEMO_PEOPLE.map(() => randomUUID());
  await insertAll(
    tx,
    sql`insert into community_holder_people (id, holder_id, full_name, role_title, phone, email, opinion_leader,
          influence_topics, influence_community)`,
    DEMO_PEOPLE.map(
      (p, i) => sql`(${personIds[i]!}, ${holder(p.holder)}, ${p.fullName}, ${p.roleTitle},
        ${`+39 0363 000 ${String(100 + i)}`}, ${`referente${i + 1}@${p.holder}.example`}, ${p.topics.length > 0},
        ${sqlArray(p.topics)}, ${p.community})`,
    ),
  );
  await insertAll(
    tx,
    sql`insert into community_consents (person_id, purpose, channel, given_on, withdrawn_on, recorded_by)`,
    DEMO_PEOPLE.map(
      (p, i) => sql`(${personIds[i]!}, ${p.consent.purpose}, ${p.consent.channel}, ${daysAgo(180 - i)},
        ${p.consent.withdrawn ? daysAgo(20 + i) : null}, ${worker})`,
    ),
  );
  await insertAll(
    tx,
    sql`insert into community_holder_links (from_holder_id, kind, to_holder_id)`,
    DEMO_LINKS.map(([from, kind, to]) => sql`(${holder(from)}, ${kind}, ${holder(to)})`),
  );
  await insertAll(
    tx,
    sql`insert into community_needs (holder_id, topic, community, source, recorded_on, question, answer, answered_on,
          recorded_by)`,
    DEMO_NEEDS.map(
      (
        n,
      ) => sql`(${holder(n.holder)}, ${n.topic}, ${n.community}, ${n.source}, ${daysAgo(n.daysAgo)}, ${n.question},
        ${n.answer?.text ?? null}, ${n.answer ? daysAgo(n.daysAgo - n.answer.daysLater) : null}, ${worker})`,
    ),
  );
  // Meetings and contacts with the holders whose people the worker knows, spread over six months.
  const engaged = [...new Set(DEMO_PEOPLE.map((p) => p.holder))];
  const SUMMARIES = [
    ['meeting', 'Incontro con il direttivo: presentazione del progetto e dei laboratori'],
    ['contact', 'Telefonata per concordare la diffusione del calendario degli incontri'],
    ['meeting', 'Incontro con le famiglie: raccolta delle domande su scuola e documenti'],
  ] as const;
  await insertAll(
    tx,
    sql`insert into community_engagements (holder_id, kind, happened_on, summary, recorded_by)`,
    engaged.flatMap((key, i) =>
      [0, 1].slice(0, 1 + (i % 2)).map((n) => {
        const [kind, summary] = SUMMARIES[(i + n) % SUMMARIES.length]!;
        return sql`(${holder(key)}, ${kind}, ${daysAgo(((i * 11 + n * 37) % 170) + 3)}, ${summary}, ${worker})`;
      }),
    ),
  );
  const resourceIds = DEMO_RESOURCES.map(() => randomUUID());
  const nameOf = new Map(DEMO_HOLDERS.map((h) => [h.key, h.name]));
  await insertAll(
    tx,
    sql`insert into community_resources (id, source_kind, holder_id, source_name, kind, description, quantity, unit,
          value_cents, valuation_rule, offered_on, recorded_by)`,
    DEMO_RESOURCES.map(
      (r, i) =>
        sql`(${resourceIds[i]!}, 'community_holder', ${holder(r.holder)}, ${nameOf.get(r.holder)!}, ${r.kind},
          ${r.description}, ${r.quantity}, ${r.unit}, ${r.valueCents}, ${r.rule}, ${daysAgo(r.daysAgo)}, ${worker})`,
    ),
  );
  await insertAll(
    tx,
    sql`insert into community_engagements (holder_id, kind, happened_on, summary, resource_id, recorded_by)`,
    DEMO_RESOURCES.map(
      (r, i) =>
        sql`(${holder(r.holder)}, 'resource_offered', ${daysAgo(r.daysAgo)}, ${r.description}, ${resourceIds[i]!},
          ${worker})`,
    ),
  );

  await seedDemoEvents({ tx, keyring, service, worker, holder });
}

async function seedDemoEvents({
  tx,
  keyring,
  service,
  worker,
  holder,
}: Pick<DemoSeedContext, 'tx' | 'keyring'> & {
  service: string;
  worker: string;
  holder: (key: string) => string;
}) {
  const now = Date.now();
  const phoneHash = await systemPseudonymiser({ tx, keyring, scope: PHONE_SCOPE, prefix: 'F' });
  const encrypt = (value: string, column: 'name' | 'phone', placeId: string) =>
    encryptField({ keyring, plaintext: value, context: `community_registrations.${column}:${placeId}` });
  const places: SQL[] = [];
  const registrations: SQL[] = [];
  const attendance: SQL[] = [];
  const feedback: SQL[] = [];

  for (const [e, event] of DEMO_EVENTS.entries()) {
    const sessions = event.sessions.map((d) => {
      // The running session started half an hour ago, on the hour's quarter: check-in is open.
      const startsAt =
        d === 'now'
          ? new Date(Math.floor((now - 30 * 60_000) / (15 * 60_000)) * 15 * 60_000)
          : romeAt(d, event.hour);
      return { id: randomUUID(), startsAt, endsAt: new Date(startsAt.getTime() + 2 * HOUR) };
    });
    const first = sessions[0]!.startsAt.getTime();
    const opens = new Date(Math.min(now - DAY, first - 30 * DAY));
    const registered = Array.from(
      { length: event.residents[1] - event.residents[0] },
      (_, i) => event.residents[0] + i,
    );
    const professional = event.professional ? 1 : 0;
    const [gathering] = await queryRows<{ id: string }>(
      tx,
      sql`insert into gatherings (module, title, owner_service_id, capacity, seats_taken, registration_opens_at,
            registration_closes_at, created_by, created_at)
          values ('community', ${event.title}, ${service}, ${event.capacity}, ${registered.length + professional},
            ${opens}, ${sessions.at(-1)!.endsAt}, ${worker}, ${opens})
          returning id`,
    );
    await insertAll(
      tx,
      sql`insert into gathering_sessions (id, gathering_id, starts_at, ends_at, place)`,
      sessions.map((s) => sql`(${s.id}, ${gathering!.id}, ${s.startsAt}, ${s.endsAt}, ${event.place})`),
    );
    const eventId = randomUUID();
    await tx.execute(sql`insert into community_events (id, gathering_id, kind, description, municipality, languages,
        topics, public_slug, published, owner_service_id, created_by, created_at)
      values (${eventId}, ${gathering!.id}, ${event.kind}, ${event.description}, ${event.municipality},
        ${sqlArray(event.languages)}, ${sqlArray(event.topics)}, ${randomBytes(9).toString('base64url')},
        ${event.published ?? true}, ${service}, ${worker}, ${opens})`);
    await insertAll(
      tx,
      sql`insert into community_event_holders (event_id, holder_id)`,
      event.coOrganisers.map((key) => sql`(${eventId}, ${holder(key)})`),
    );
    await insertAll(
      tx,
      sql`insert into community_engagements (holder_id, kind, happened_on, summary, event_id, recorded_by)`,
      event.coOrganisers.map(
        (
          key,
        ) => sql`(${holder(key)}, 'event_coorganised', ${romeDay(new Date(first))}, ${event.title}, ${eventId},
          ${worker})`,
      ),
    );

    const held = sessions.filter((s) => s.endsAt.getTime() <= now);
    const who = [...registered.map((r) => ({ resident: r })), ...(professional ? [{ resident: -1 }] : [])];
    for (const [i, { resident }] of who.entries()) {
      const placeId = randomUUID();
      const person = DEMO_RESIDENTS[resident];
      const anonymous = person ? DEMO_ANONYMOUS(resident) : false;
      const via = person
        ? (['public_form', 'operator', 'holder', 'public_form'] as const)[(resident + e) % 4]!
        : 'operator';
      places.push(sql`(${placeId}, ${gathering!.id}, 'other', 'confirmed', ${worker},
        ${new Date(Math.min(now, opens.getTime() + (i + 1) * 3 * HOUR))})`);
      const name = person ? (anonymous ? null : person.name) : event.professional!;
      const phone = person && !anonymous ? person.phone : null;
      registrations.push(sql`(${placeId}, ${eventId}, ${person ? 'resident' : 'professional'}, ${anonymous},
        ${name ? encrypt(name, 'name', placeId) : null}, ${phone ? encrypt(phone, 'phone', placeId) : null},
        ${phone ? phoneHash(phone) : null}, ${person?.gender ?? 'not_said'}, ${person?.ageBand ?? 'not_said'},
        ${person?.citizenshipGroup ?? 'not_said'}, ${person?.language ?? 'it'}, ${hashToken(newTicketCode())},
        ${via}, ${via === 'holder' ? holder(event.coOrganisers[0]!) : null},
        ${person ? held.length > 0 && i % 4 === 1 : false})`);
      // Most came to most sessions; one in seven never came; one in five missed a session.
      for (const [s, session] of held.entries()) {
        if (resident % 7 === 6) continue;
        const status = (resident + s) % 5 === 0 ? 'absent' : 'present';
        attendance.push(sql`(${session.id}, ${placeId}, ${status}, ${(i + s) % 3 === 0 ? 'qr' : 'organiser'},
          ${worker}, ${session.startsAt})`);
      }
      if (person && held.length > 0 && i % 4 === 1)
        feedback.push(sql`(${eventId}, ${4 + (i % 2)}, ${3 + (resident % 3)}, ${person.language},
          ${`${romeDay(held.at(-1)!.startsAt).slice(0, 8)}01`})`);
    }
    if (event.headCount) {
      // Walk-ins at the door, counted by group only (not de-duplicated).
      await insertAll(
        tx,
        sql`insert into community_head_counts (session_id, participant, gender, age_band, citizenship_group, count,
              recorded_by, recorded_at)`,
        [
          ['resident', 'female', '30_44', 'non_eu', 5],
          ['resident', 'male', '30_44', 'non_eu', 2],
          ['resident', 'female', '45_64', 'italian', 1],
          ['professional', 'not_said', 'not_said', 'not_said', 2],
        ].map(
          ([participant, gender, age, group, count]) =>
            sql`(${sessions[0]!.id}, ${participant}, ${gender}, ${age}, ${group}, ${count}, ${worker},
              ${sessions[0]!.endsAt})`,
        ),
      );
    }
  }
  await insertAll(
    tx,
    sql`insert into gathering_places (id, gathering_id, profession, status, requested_by, requested_at)`,
    places,
  );
  await insertAll(
    tx,
    sql`insert into community_registrations (place_id, event_id, participant, anonymous, name_encrypted,
          phone_encrypted, phone_hash, gender, age_band, citizenship_group, language, ticket_hash, registered_via,
          via_holder_id, feedback_given)`,
    registrations,
  );
  await insertAll(
    tx,
    sql`insert into gathering_attendance (session_id, place_id, status, source, recorded_by, recorded_at)`,
    attendance,
  );
  await insertAll(
    tx,
    sql`insert into community_feedback (event_id, useful, understood, language, month)`,
    feedback,
  );
}
