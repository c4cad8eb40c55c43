import { sql } from 'drizzle-orm';
import type { TSafeContact } from '../../../contracts/households.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import type { AuditActor } from '../../platform/audit/audit-events.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { queryRows, type Tx, uuidList } from '../../platform/db/client.js';
import { systemTransaction } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { JOB_ACTOR, type JobKind } from '../../platform/jobs/job-queue.js';
import { deliverOnce } from '../../platform/mail/mail-queue.js';
import { type ContactPlan, planContact } from './cases.contact.js';
import { openJson, safeContactContext } from './cases.people.js';
import { personMessages } from './cases.sql.js';

export const REMINDER_JOB_NAME = 'cases.reminder';

interface ReminderContext {
  personId: string;
  safe: string | null;
  startsAt: Date;
  caseStatus: string;
  consentWithdrawn: boolean;
}

/**
 * What may be sent to a person now: their safe-contact rules, a legal basis still in force (the
 * case's own consent or court order has not lapsed, and the person has not withdrawn consent: one
 * revoked with no valid one left), a session still to come on a case still open. Asked when a
 * reminder is planned and again when it is due: what was allowed then may not be any more.
 */
function judge({ deps, context, now }: { deps: Pick<Deps, 'keyring'>; context: ReminderContext; now: Date }) {
  if (context.caseStatus === 'closed') return { channel: 'none', reason: 'case_closed' } as const;
  if (context.startsAt <= now) return { channel: 'none', reason: 'session_passed' } as const;
  if (context.consentWithdrawn) return { channel: 'none', reason: 'consent_withdrawn' } as const;
  const rules = openJson<TSafeContact>({
    keyring: deps.keyring,
    value: context.safe,
    context: safeContactContext(context.personId),
  });
  return planContact({ rules, now }) as ContactPlan | { channel: 'none'; reason: string };
}

/** What the judgement needs of each person and the session, read in the caller's transaction. */
async function loadContexts({
  tx,
  sessionId,
  personIds,
}: {
  tx: Tx;
  sessionId: string;
  personIds: string[];
}): Promise<ReminderContext[]> {
  const rows = await queryRows<{
    person_id: string;
    safe: string | null;
    starts_at: Date;
    case_status: string;
    withdrawn: boolean;
  }>(
    tx,
    sql`select p.id as person_id, p.safe_contact_encrypted as safe, s.starts_at, c.status as case_status,
          (c.basis_lapsed_at is not null or c.basis_expires_on < current_date
           or (exists (select 1 from consents k where k.person_id = p.id and k.purpose <> 'research' and k.revoked_at is not null)
               and not exists (select 1 from consents k where k.person_id = p.id and k.purpose <> 'research'
                                 and k.revoked_at is null and (k.expires_on is null or k.expires_on >= current_date)))) as withdrawn
        from people p, case_sessions s join cases c on c.id = s.case_id
       where s.id = ${sessionId} and p.id in (${uuidList(personIds)})`,
  );
  return rows.map((row) => ({
    personId: row.person_id,
    safe: row.safe,
    startsAt: new Date(row.starts_at),
    caseStatus: row.case_status,
    consentWithdrawn: row.withdrawn,
  }));
}

const REMINDER_SUBJECT = 'Promemoria appuntamento / Appointment reminder';
function reminderText(startsAt: Date) {
  // The message names no case and no service: only the time.
  return `Ha un appuntamento il ${startsAt.toLocaleString('it-IT', { timeZone: 'Europe/Rome' })}.\nYou have an appointment on ${startsAt.toLocaleString('en-GB', { timeZone: 'Europe/Rome' })}.\n`;
}

/**
 * One reminder per person, planned in the session's transaction. An e-mail becomes a job that
 * runs when the person's allowed hours open; other channels are tasks for the practitioner.
 */
export async function planReminders({
  deps,
  ctx,
  tx,
  sessionId,
  personIds,
}: {
  deps: Pick<Deps, 'jobs' | 'keyring'>;
  ctx: AccessContext;
  tx: Tx;
  sessionId: string;
  personIds: string[];
}) {
  if (personIds.length === 0) return;
  const now = new Date();
  for (const context of await loadContexts({ tx, sessionId, personIds })) {
    const plan = judge({ deps, context, now });
    const [message] = await tx
      .insert(personMessages)
      .values({
        personId: context.personId,
        sessionId,
        channel: plan.channel,
        notBefore: 'notBefore' in plan ? plan.notBefore : now,
        status: plan.channel === 'none' ? `not_sent:${plan.reason}` : 'planned',
      })
      .returning({ id: personMessages.id });
    if (plan.channel === 'email')
      await deps.jobs.enqueue(
        tx,
        REMINDER_JOB_NAME,
        { messageId: message!.id },
        { startAfter: plan.notBefore },
      );
    await audit({
      tx,
      actor: actorOf(ctx),
      personId: context.personId,
      action: 'person.message_planned',
      channel: plan.channel,
    });
  }
}

function audit({
  tx,
  actor,
  personId,
  action,
  channel,
  reason,
}: {
  tx: Tx;
  actor: AuditActor;
  personId: string;
  action: 'person.message_planned' | 'person.message_sent' | 'person.message_withheld';
  channel: string;
  reason?: string;
}) {
  return writeAudit({
    tx,
    actor,
    event: {
      action,
      recordType: 'person',
      recordId: personId,
      details: { channel, ...(reason ? { reason } : {}) },
    },
  });
}

/**
 * A planned e-mail reminder whose time has come: judged again, then sent, withheld, or moved to
 * the next allowed hours. Run twice, it finds the message no longer planned (or its mail already
 * delivered) and sends nothing more.
 */
export const reminderJob: JobKind<{ messageId: string }> = {
  name: REMINDER_JOB_NAME,
  label: { it: 'Promemoria degli appuntamenti', en: 'Appointment reminders' },
  // About four hours of SMTP outage (60 s doubling); each attempt judges again.
  retryLimit: 8,
  retryDelaySeconds: 60,
  expireInSeconds: 120,
  async handle({ messageId }, { deps }) {
    // Judged, and re-queued or withheld, in one transaction; an allowed mail is sent after it, by
    // this job (never handed on to a mail job that would send it later without judging again).
    const send = await systemTransaction(deps.db, async (tx) => {
      const [message] = await queryRows<{ person_id: string; session_id: string }>(
        tx,
        sql`select person_id, session_id from person_messages where id = ${messageId} and status = 'planned' for update`,
      );
      if (!message) return null;
      const [context] = await loadContexts({
        tx,
        sessionId: message.session_id,
        personIds: [message.person_id],
      });
      const now = new Date();
      const plan = context
        ? judge({ deps, context, now })
        : ({ channel: 'none', reason: 'session_passed' } as const);
      if (plan.channel === 'email' && plan.notBefore > now) {
        await tx.execute(
          sql`update person_messages set not_before = ${plan.notBefore} where id = ${messageId}`,
        );
        await deps.jobs.enqueue(tx, REMINDER_JOB_NAME, { messageId }, { startAfter: plan.notBefore });
        return null;
      }
      if (plan.channel === 'email')
        return {
          personId: message.person_id,
          mail: { to: plan.to, subject: REMINDER_SUBJECT, text: reminderText(context!.startsAt) },
        };
      // No written channel any more: a task for the practitioner, or nothing at all.
      const status = plan.channel === 'none' ? `not_sent:${plan.reason}` : 'planned';
      await tx.execute(
        sql`update person_messages set status = ${status}, channel = ${plan.channel} where id = ${messageId}`,
      );
      await audit({
        tx,
        actor: JOB_ACTOR,
        personId: message.person_id,
        action: 'person.message_withheld',
        channel: plan.channel,
        ...(plan.channel === 'none' ? { reason: plan.reason } : {}),
      });
      return null;
    });
    if (!send) return;
    // SMTP down: the job fails and is retried, and judged again then. Sent once per message.
    await deliverOnce({ deps, key: `reminder:${messageId}`, mail: send.mail });
    await systemTransaction(deps.db, async (tx) => {
      await tx.execute(
        sql`update person_messages set status = 'sent' where id = ${messageId} and status = 'planned'`,
      );
      await audit({
        tx,
        actor: JOB_ACTOR,
        personId: send.personId,
        action: 'person.message_sent',
        channel: 'email',
      });
    });
  },
};
