import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type TDecision, ZDecisionInputSchema } from '../../../contracts/governance-minutes.js';
import type { AccessContext } from '../../platform/access/access-context.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { type FieldError, problems } from '../../platform/http/problem.js';
import { indicatorLabels } from '../../platform/indicators/indicator-registry.js';
import { audit, changeMeeting, citesRecordId, NO_RECORD_IDS } from './governance-minutes-shared.js';

/**
 * A committee's decisions (issue 21, item 2): recorded at a meeting by its chair or secretary,
 * numbered per committee and year of the meeting ("3/2026"). The number is taken with one upsert
 * on governance_decision_numbers in the decision's own transaction: the row lock serialises
 * concurrent decisions, and a number taken by a transaction that rolls back is not reused (the
 * counter only moves forward, a trigger sees to it) — a gap is better than a number given twice.
 * A decision may name the indicator it serves: the mounted modules' indicators, registered by the
 * app (platform/indicators/indicator-registry.ts).
 */

interface DecisionRow {
  id: string;
  meeting_id: string;
  number: number;
  year: number;
  text: string;
  agenda_item_id: string | null;
  indicator_key: string | null;
  decided_on: string;
}

export const decisionLabel = (number: number, year: number) => `${number}/${year}`;

async function decisionsWhere(tx: Tx, meetingId: string): Promise<TDecision[]> {
  const labels = indicatorLabels();
  const rows = await queryRows<DecisionRow>(
    tx,
    sql`select id, meeting_id, number, year, text, agenda_item_id, indicator_key, decided_on::text
          from governance_decisions where meeting_id = ${meetingId} order by year, number limit 200`,
  );
  return rows.map((r) => ({
    id: r.id,
    meetingId: r.meeting_id,
    number: r.number,
    year: r.year,
    label: decisionLabel(r.number, r.year),
    text: r.text,
    agendaItemId: r.agenda_item_id,
    indicator: r.indicator_key
      ? {
          key: r.indicator_key,
          label: labels.get(r.indicator_key) ?? { it: r.indicator_key, en: r.indicator_key },
        }
      : null,
    decidedOn: r.decided_on,
  }));
}

export async function listDecisions({
  deps,
  ctx,
  meetingId,
}: {
  deps: Deps;
  ctx: AccessContext;
  meetingId: string;
}) {
  return changeMeeting({
    deps,
    ctx,
    meetingId,
    work: async (tx) => ({ items: await decisionsWhere(tx, meetingId) }),
  });
}

export function listIndicators() {
  const labels = indicatorLabels();
  return {
    items: [...labels.entries()]
      .map(([key, label]) => ({ key, label }))
      .sort((a, b) => a.label.it.localeCompare(b.label.it, 'it')),
  };
}

export async function recordDecision({
  deps,
  ctx,
  meetingId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  meetingId: string;
  input: z.input<typeof ZDecisionInputSchema>;
}) {
  const d = ZDecisionInputSchema.parse(input);
  return changeMeeting({
    deps,
    ctx,
    meetingId,
    roles: ['chair', 'secretary'],
    work: async (tx, meeting) => {
      const errors: FieldError[] = [];
      if (d.indicatorKey && !indicatorLabels().has(d.indicatorKey))
        errors.push({
          field: 'indicatorKey',
          code: 'unknown',
          message: { it: 'Indicatore non riconosciuto.', en: 'Unknown indicator.' },
        });
      if (d.agendaItemId) {
        const [item] = await queryRows<{ id: string }>(
          tx,
          sql`select id from governance_agenda_items where id = ${d.agendaItemId} and meeting_id = ${meetingId}`,
        );
        if (!item)
          errors.push({
            field: 'agendaItemId',
            code: 'unknown',
            message: { it: 'Punto non presente nell’ordine del giorno.', en: 'Not an item of the agenda.' },
          });
      }
      if (citesRecordId(d.text)) errors.push({ field: 'text', code: 'record-id', message: NO_RECORD_IDS });
      if (errors.length > 0) throw problems.fields(errors);
      // The meeting's year in Rome numbers the decision; one statement takes the number.
      const [numbered] = await queryRows<{ year: number; last_number: number; decided_on: string }>(
        tx,
        sql`with meeting as (
              select extract(year from (starts_at at time zone 'Europe/Rome'))::smallint as year,
                     (starts_at at time zone 'Europe/Rome')::date as decided_on
                from governance_meetings where id = ${meetingId})
            insert into governance_decision_numbers as n (committee_id, year, last_number)
            select ${meeting.committeeId}, year, 1 from meeting
            on conflict (committee_id, year) do update set last_number = n.last_number + 1
            returning n.year, n.last_number, (select decided_on::text from meeting) as decided_on`,
      );
      const [row] = await queryRows<{ id: string }>(
        tx,
        sql`insert into governance_decisions (committee_id, meeting_id, agenda_item_id, year, number, text,
              indicator_key, decided_on, created_by)
            values (${meeting.committeeId}, ${meetingId}, ${d.agendaItemId}, ${numbered!.year},
              ${numbered!.last_number}, ${d.text}, ${d.indicatorKey}, ${numbered!.decided_on}::date, ${ctx.userId})
            returning id`,
      );
      await audit(tx, ctx, 'governance.decision_recorded', 'governance_decision', row!.id, {
        meetingId,
        number: decisionLabel(numbered!.last_number, numbered!.year),
      });
      return { items: await decisionsWhere(tx, meetingId) };
    },
  });
}
