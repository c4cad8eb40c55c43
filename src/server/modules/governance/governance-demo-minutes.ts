import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../platform/db/client.js';
import { indicatorLabels } from '../../platform/indicators/indicator-registry.js';
import type { DemoSeedContext } from '../../platform/module.js';

/**
 * Demo data of governance's minutes (issue 21, item 2), written after the committees' demo from
 * the meetings it held: approved minutes for every held meeting but the steering committee's last
 * (a draft by its secretary), one earlier meeting corrected by an approved version 2 with its
 * reason; one to three decisions per meeting numbered per committee and year; actions from the
 * decisions, mostly done, some open and some overdue — one of coordinatrice.abitare's overdue, and
 * an open one of formatore due in about ten days (the end-to-end test closes it).
 */

interface HeldMeeting {
  id: string;
  committee_id: string;
  kind: string;
  starts_at: Date;
  year: number;
  day: string;
  chair: string;
  secretary: string;
}

const DECISIONS = [
  'Si approva lo stato di avanzamento dei pacchetti di lavoro presentato.',
  'Si approva il calendario delle prossime edizioni della formazione congiunta.',
  'Si dà mandato alla segreteria di predisporre la candidatura al bando regionale.',
  'Si approva la rimodulazione del budget tra le azioni del pacchetto WP4.',
  'Si adotta il piano di comunicazione del semestre nei comuni dell’Ambito.',
];
const ACTIONS = [
  'Inviare ai partner il verbale e il calendario aggiornato',
  'Raccogliere i dati del trimestre per la rendicontazione',
  'Preparare la bozza della candidatura al bando',
  'Verificare la disponibilità degli alloggi con i comuni',
  'Organizzare l’incontro con i referenti delle comunità',
];
const PREFERRED_INDICATORS = [
  'cases.families_in_ethnoclinical_care',
  'training.hours_delivered',
  'community.holders_mapped',
  'autonomy.exits_to_autonomy',
  'mediation.hours',
];

const DAY_MS = 24 * 3600 * 1000;
const isoDay = (at: Date) => at.toISOString().slice(0, 10);

/** Held meetings, committee by committee (created in one transaction: their id keeps them apart), in time. */
async function heldMeetings(tx: Tx) {
  return queryRows<HeldMeeting>(
    tx,
    sql`select m.id, m.committee_id, c.kind, m.starts_at,
               extract(year from (m.starts_at at time zone 'Europe/Rome'))::int as year,
               (m.starts_at at time zone 'Europe/Rome')::date::text as day,
               (select user_id from governance_members where committee_id = c.id and role = 'chair' limit 1) as chair,
               (select user_id from governance_members where committee_id = c.id and role = 'secretary' limit 1) as secretary
          from governance_meetings m join governance_committees c on c.id = m.committee_id
         where m.status = 'held' order by c.created_at, c.id, m.starts_at`,
  );
}

/** The minutes of a held meeting: one paragraph per agenda item. */
async function itemsOf(tx: Tx, meetingId: string, corrected = false) {
  const agenda = await queryRows<{ id: string; title: string }>(
    tx,
    sql`select id, title from governance_agenda_items where meeting_id = ${meetingId} order by position`,
  );
  return agenda.map((a, i) => ({
    agendaItemId: a.id,
    text:
      i === 0
        ? 'Il verbale della seduta precedente, fatto circolare, è approvato all’unanimità.'
        : `Sul punto «${a.title}» si riferisce lo stato dei lavori; segue discussione.${
            corrected && i === 1 ? ' Si precisa che il contributo è stato deliberato a maggioranza.' : ''
          }`,
  }));
}

export async function seedDemoMinutes(context: DemoSeedContext): Promise<void> {
  const { tx, userIds } = context;
  const meetings = await heldMeetings(tx);
  if (meetings.length === 0) return;
  const lastSteering = meetings.filter((m) => m.kind === 'steering').at(-1)?.id;
  const correctedMeeting = meetings.filter((m) => m.kind === 'steering').at(2)?.id;
  const indicators = indicatorLabels();
  const usable = PREFERRED_INDICATORS.filter((key) => indicators.has(key));
  const numbers = new Map<string, number>();
  const members = await queryRows<{ committee_id: string; user_id: string }>(
    tx,
    sql`select committee_id, user_id from governance_members where user_id is not null order by role, created_at`,
  );
  const abitare = userIds.get('coordinatrice.abitare');
  const formatore = userIds.get('formatore');
  const now = Date.now();
  let actionIndex = 0;

  for (const [index, meeting] of meetings.entries()) {
    const next = meetings[index + 1];
    const nextHeld = next && next.committee_id === meeting.committee_id ? next : undefined;
    const items = JSON.stringify(await itemsOf(tx, meeting.id));
    if (meeting.id === lastSteering) {
      await tx.execute(
        sql`insert into governance_minutes (meeting_id, version, status, items, drafted_by, created_at, updated_at)
            values (${meeting.id}, 1, 'draft', ${items}::jsonb, ${meeting.secretary}, now(), now())`,
      );
    } else {
      // Approved at the next meeting (or, for a committee's last meeting held, between meetings).
      const approvedAt = nextHeld
        ? nextHeld.starts_at
        : new Date(new Date(meeting.starts_at).getTime() + 7 * DAY_MS);
      await tx.execute(
        sql`insert into governance_minutes (meeting_id, version, status, items, drafted_by, created_at, updated_at,
              circulated_at, approved_at, approved_by, approved_at_meeting_id)
            values (${meeting.id}, 1, 'approved', ${items}::jsonb, ${meeting.secretary}, ${meeting.starts_at},
              ${approvedAt}, ${meeting.starts_at}, ${approvedAt}, ${meeting.chair}, ${nextHeld?.id ?? null})`,
      );
      if (meeting.id === correctedMeeting && nextHeld) {
        const later =
          meetings[index + 2]?.committee_id === meeting.committee_id ? meetings[index + 2] : undefined;
        const correctedAt = later?.starts_at ?? new Date(new Date(nextHeld.starts_at).getTime() + 7 * DAY_MS);
        await tx.execute(
          sql`insert into governance_minutes (meeting_id, version, status, items, correction_reason, drafted_by,
                created_at, updated_at, circulated_at, approved_at, approved_by, approved_at_meeting_id)
              values (${meeting.id}, 2, 'approved', ${JSON.stringify(await itemsOf(tx, meeting.id, true))}::jsonb,
                'Il verbale non riportava che il contributo è stato deliberato a maggioranza.',
                ${meeting.secretary}, ${nextHeld.starts_at}, ${correctedAt}, ${nextHeld.starts_at}, ${correctedAt},
                ${meeting.chair}, ${later?.id ?? null})`,
        );
      }
    }

    const owners = members.filter((m) => m.committee_id === meeting.committee_id).map((m) => m.user_id);
    const count = 1 + (index % 3);
    for (let d = 0; d < count; d++) {
      const key = `${meeting.committee_id}:${meeting.year}`;
      const number = (numbers.get(key) ?? 0) + 1;
      numbers.set(key, number);
      const indicator = d === 0 && usable.length > 0 ? usable[index % usable.length]! : null;
      const [decision] = await queryRows<{ id: string }>(
        tx,
        sql`insert into governance_decisions (committee_id, meeting_id, year, number, text, indicator_key, decided_on,
              created_by, created_at)
            values (${meeting.committee_id}, ${meeting.id}, ${meeting.year}, ${number},
              ${DECISIONS[(index + d) % DECISIONS.length]!}, ${indicator}, ${meeting.day}::date, ${meeting.secretary},
              ${meeting.starts_at})
            returning id`,
      );
      if (d > 0) continue;
      // One action per meeting: the older ones done, the recent ones open (some overdue).
      const owner = owners[actionIndex % owners.length]!;
      actionIndex++;
      const due = new Date(new Date(meeting.starts_at).getTime() + 30 * DAY_MS);
      const recent = now - new Date(meeting.starts_at).getTime() < 75 * DAY_MS;
      const overdueAbitare = recent && meeting.kind === 'steering' && abitare && owners.includes(abitare);
      const actionOwner = overdueAbitare && due.getTime() < now ? abitare : owner;
      const open = recent || index % 7 === 3;
      await tx.execute(
        sql`insert into governance_actions (committee_id, decision_id, title, owner_id, due_on, status, closing_note,
              closed_at, closed_by, created_by, created_at, updated_at)
            values (${meeting.committee_id}, ${decision!.id}, ${ACTIONS[index % ACTIONS.length]!}, ${actionOwner},
              ${isoDay(due)}::date, ${open ? 'open' : 'done'}, ${open ? null : 'Fatto.'},
              ${open ? null : due}, ${open ? null : actionOwner}, ${meeting.secretary}, ${meeting.starts_at}, now())`,
      );
    }
  }

  // The trainer's open action, due in about ten days, from the steering committee's last decision.
  const steering = meetings.filter((m) => m.kind === 'steering').at(-1);
  if (steering && formatore)
    await tx.execute(
      sql`insert into governance_actions (committee_id, decision_id, title, owner_id, due_on, created_by)
          select ${steering.committee_id}, d.id, 'Proporre le date della prossima formazione congiunta',
                 ${formatore}, current_date + 10, ${steering.secretary}
            from governance_decisions d where d.meeting_id = ${steering.id} order by d.number limit 1`,
    );
  for (const [key, last] of numbers) {
    const [committeeId, year] = key.split(':');
    await tx.execute(
      sql`insert into governance_decision_numbers (committee_id, year, last_number)
          values (${committeeId}, ${Number(year)}, ${last})`,
    );
  }
}
