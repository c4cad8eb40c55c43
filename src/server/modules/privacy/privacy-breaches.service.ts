import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  GARANTE_DEADLINE_HOURS,
  type TBreach,
  type TBreachSummary,
  type ZBreachDecisionSchema,
  type ZBreachInputSchema,
  type ZBreachNotificationInputSchema,
} from '../../../contracts/privacy-breaches.js';
import type { AccessContext } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { queryRows, type Tx, uuidList } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { auditPrivacy, caseErasure } from './privacy-shared.js';

/**
 * The breach register (issue 23, item 5). The DPO records what happened; Trama lists from the audit
 * trail what the account or address named reached in the window (codes, never contents), counts
 * the households concerned, keeps the 72-hour clock and records the decision and the notices.
 */

const SETTLED = sql`(coalesce(b.garante_decision = 'not_required', false)
  or exists (select 1 from privacy_breach_notifications n where n.breach_id = b.id and n.recipient = 'garante'))`;

interface SummaryRow {
  id: string;
  title: string;
  status: TBreach['status'];
  detected_at: Date;
  deadline: Date;
  settled: boolean;
  overdue: boolean;
}

const SUMMARY_SELECT = sql`select b.id, b.title, b.status, b.detected_at,
    b.detected_at + make_interval(hours => ${GARANTE_DEADLINE_HOURS}) as deadline,
    ${SETTLED} as settled,
    (not ${SETTLED} and b.status not in ('not_a_breach')
      and now() > b.detected_at + make_interval(hours => ${GARANTE_DEADLINE_HOURS})) as overdue
  from privacy_breaches b`;

const summaryOf = (r: SummaryRow): TBreachSummary => ({
  id: r.id,
  title: r.title,
  status: r.status,
  detectedAt: new Date(r.detected_at).toISOString(),
  garanteDeadline: new Date(r.deadline).toISOString(),
  garanteSettled: r.settled,
  overdue: r.overdue,
});

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** What the named account or address read or changed in the window, by kind of record. */
async function reachOf(
  tx: Tx,
  b: {
    occurred_from: Date;
    occurred_to: Date;
    suspected_user_id: string | null;
    suspected_ip: string | null;
  },
) {
  if (!b.suspected_user_id && !b.suspected_ip) return { reached: [], householdsReached: 0 };
  const rows = await queryRows<{ record_type: string; record_id: string; reads: number }>(
    tx,
    sql`select record_type, record_id, count(*)::int as reads from audit_events
         where occurred_at between ${b.occurred_from} and ${b.occurred_to}
           and record_type is not null and record_id is not null and outcome = 'success'
           and (${b.suspected_user_id}::uuid is null or actor_user_id = ${b.suspected_user_id}::uuid)
           and (${b.suspected_ip}::text is null or client_ip = ${b.suspected_ip}::text)
         group by record_type, record_id
         order by record_type, record_id
         limit 20000`,
  );
  const byType = new Map<string, { id: string; reads: number }[]>();
  for (const r of rows)
    byType.set(r.record_type, [...(byType.get(r.record_type) ?? []), { id: r.record_id, reads: r.reads }]);
  const reached = [];
  for (const [recordType, records] of byType) {
    const ids = records.map((r) => r.id).filter((id) => /^[0-9a-f-]{36}$/i.test(id));
    // Codes through the DPO-only function (a household's or a case's code), never a record's contents.
    const codes =
      ['household', 'case', 'person', 'consent', 'referral', 'session'].includes(recordType) && ids.length > 0
        ? (
            await queryRows<{ code: string }>(
              tx,
              sql`select distinct code from trama_audit_record_codes(${recordType}, array[${uuidList(ids)}]::uuid[]) order by code`,
            )
          ).map((c) => c.code)
        : [];
    reached.push({
      recordType,
      records: records.length,
      reads: records.reduce((sum, r) => sum + r.reads, 0),
      codes: codes.slice(0, 500),
    });
  }
  const householdsReached = await unsafeAsSystem(tx, (sys) =>
    caseErasure().recordsReached({
      tx: sys,
      records: rows
        .map((r) => ({ type: r.record_type, id: r.record_id }))
        .filter((r) => /^[0-9a-f-]{36}$/i.test(r.id)),
    }),
  );
  return { reached, householdsReached };
}

async function loadBreach(tx: Tx, id: string): Promise<TBreach> {
  const [summary] = await queryRows<SummaryRow>(tx, sql`${SUMMARY_SELECT} where b.id = ${id}`);
  if (!summary) throw new OutOfScope('privacy_breach', id);
  const [b] = await queryRows<{
    description: string;
    detected_how: string;
    occurred_from: Date;
    occurred_to: Date;
    suspected_user_id: string | null;
    suspected_user: string | null;
    suspected_ip: string | null;
    risk: TBreach['risk'];
    garante_decision: TBreach['garanteDecision'];
    garante_reasons: string | null;
    subjects_decision: TBreach['subjectsDecision'];
    subjects_reasons: string | null;
    decided_by: string | null;
    decided_at: Date | null;
    created_by: string;
  }>(
    tx,
    sql`select b.description, b.detected_how, b.occurred_from, b.occurred_to, b.suspected_user_id,
               su.display_name as suspected_user, b.suspected_ip, b.risk, b.garante_decision, b.garante_reasons,
               b.subjects_decision, b.subjects_reasons, du.display_name as decided_by, b.decided_at,
               cu.display_name as created_by
          from privacy_breaches b
          join users cu on cu.id = b.created_by
          left join users su on su.id = b.suspected_user_id
          left join users du on du.id = b.decided_by
         where b.id = ${id}`,
  );
  const notifications = await queryRows<{
    id: string;
    recipient: TBreach['notifications'][number]['recipient'];
    sent_at: Date;
    channel: string;
    reference: string | null;
    recorded_by: string;
  }>(
    tx,
    sql`select n.id, n.recipient, n.sent_at, n.channel, n.reference, u.display_name as recorded_by
          from privacy_breach_notifications n join users u on u.id = n.recorded_by
         where n.breach_id = ${id} order by n.sent_at`,
  );
  return {
    ...summaryOf(summary),
    description: b!.description,
    detectedHow: b!.detected_how,
    occurredFrom: new Date(b!.occurred_from).toISOString(),
    occurredTo: new Date(b!.occurred_to).toISOString(),
    suspectedUser: b!.suspected_user,
    suspectedIp: b!.suspected_ip,
    risk: b!.risk,
    garanteDecision: b!.garante_decision,
    garanteReasons: b!.garante_reasons,
    subjectsDecision: b!.subjects_decision,
    subjectsReasons: b!.subjects_reasons,
    decidedBy: b!.decided_by,
    decidedAt: iso(b!.decided_at),
    createdBy: b!.created_by,
    notifications: notifications.map((n) => ({
      id: n.id,
      recipient: n.recipient,
      sentAt: new Date(n.sent_at).toISOString(),
      channel: n.channel,
      reference: n.reference,
      recordedBy: n.recorded_by,
    })),
    ...(await reachOf(tx, b!)),
  };
}

export async function listBreaches({ deps, ctx }: { deps: Deps; ctx: AccessContext }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const rows = await queryRows<SummaryRow>(
        tx,
        sql`${SUMMARY_SELECT} order by b.detected_at desc limit 200`,
      );
      await auditPrivacy({
        tx,
        ctx,
        action: 'privacy.breaches_listed',
        recordType: 'privacy_breach',
        details: { count: rows.length },
      });
      return rows.map(summaryOf);
    },
  });
}

export async function recordBreach({
  deps,
  ctx,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  input: z.infer<typeof ZBreachInputSchema>;
}) {
  if (input.occurredTo < input.occurredFrom) {
    throw problems.field('occurredTo', 'before_start', {
      it: 'La fine del periodo non può precedere il suo inizio.',
      en: 'The window cannot end before it starts.',
    });
  }
  if (new Date(input.detectedAt).getTime() > Date.now() + 60_000) {
    throw problems.field('detectedAt', 'in_future', {
      it: 'La scoperta non può essere nel futuro.',
      en: 'The detection cannot be in the future.',
    });
  }
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      let suspectedUserId: string | null = null;
      if (input.suspectedUsername) {
        const [user] = await queryRows<{ id: string }>(
          tx,
          sql`select id from users where lower(username) = lower(${input.suspectedUsername.trim()})`,
        );
        if (!user) {
          throw problems.field('suspectedUsername', 'unknown_user', {
            it: 'Nessun account ha questo nome utente.',
            en: 'No account has this username.',
          });
        }
        suspectedUserId = user.id;
      }
      const [row] = await queryRows<{ id: string }>(
        tx,
        sql`insert into privacy_breaches (title, description, detected_at, detected_how, occurred_from, occurred_to,
              suspected_user_id, suspected_ip, created_by)
            values (${input.title}, ${input.description}, ${input.detectedAt}, ${input.detectedHow}, ${input.occurredFrom},
              ${input.occurredTo}, ${suspectedUserId}, ${input.suspectedIp}, ${ctx.userId})
            returning id`,
      );
      await auditPrivacy({
        tx,
        ctx,
        action: 'privacy.breach_recorded',
        recordType: 'privacy_breach',
        recordId: row!.id,
      });
      return loadBreach(tx, row!.id);
    },
  });
}

export async function getBreach({ deps, ctx, id }: { deps: Deps; ctx: AccessContext; id: string }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const breach = await loadBreach(tx, id);
      await auditPrivacy({
        tx,
        ctx,
        action: 'privacy.breach_read',
        recordType: 'privacy_breach',
        recordId: id,
      });
      return breach;
    },
  });
}

export async function decideBreach({
  deps,
  ctx,
  id,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  input: z.infer<typeof ZBreachDecisionSchema>;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await loadBreach(tx, id);
      await tx.execute(sql`update privacy_breaches set status = ${input.status}, risk = ${input.risk},
          garante_decision = ${input.garanteDecision}, garante_reasons = ${input.garanteReasons},
          subjects_decision = ${input.subjectsDecision}, subjects_reasons = ${input.subjectsReasons},
          decided_by = ${ctx.userId}, decided_at = now()
          where id = ${id}`);
      await auditPrivacy({
        tx,
        ctx,
        action: 'privacy.breach_decided',
        recordType: 'privacy_breach',
        recordId: id,
        details: { status: input.status, garante: input.garanteDecision, subjects: input.subjectsDecision },
      });
      return loadBreach(tx, id);
    },
  });
}

export async function recordBreachNotification({
  deps,
  ctx,
  id,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  input: z.infer<typeof ZBreachNotificationInputSchema>;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const breach = await loadBreach(tx, id);
      if (new Date(input.sentAt) < new Date(breach.detectedAt)) {
        throw problems.field('sentAt', 'before_detection', {
          it: 'Una notifica non può precedere la scoperta della violazione.',
          en: 'A notification cannot precede the breach’s detection.',
        });
      }
      await tx.execute(sql`insert into privacy_breach_notifications (breach_id, recipient, sent_at, channel, reference, recorded_by)
          values (${id}, ${input.recipient}, ${input.sentAt}, ${input.channel}, ${input.reference}, ${ctx.userId})`);
      await auditPrivacy({
        tx,
        ctx,
        action: 'privacy.breach_notified',
        recordType: 'privacy_breach',
        recordId: id,
        details: { recipient: input.recipient },
      });
      return loadBreach(tx, id);
    },
  });
}
