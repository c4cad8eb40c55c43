import { sql } from 'drizzle-orm';
import { activeDpos } from '../../platform/access/dpo-notice.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { queryRows } from '../../platform/db/client.js';
import { systemTransaction } from '../../platform/db/context.js';
import { italianDay } from '../../platform/i18n/italian-dates.js';
import { JOB_ACTOR, type JobKind } from '../../platform/jobs/job-queue.js';
import { queueMail } from '../../platform/mail/mail-queue.js';
import { TODAY } from './privacy-shared.js';

export const REQUEST_REMINDERS_JOB = 'privacy.request_reminders';
/** How many days before its deadline the DPO is reminded of an open request. */
export const REMINDER_DAYS_BEFORE = 7;

const DEADLINE = sql`coalesce(r.extended_to, r.due_on)`;

/**
 * Reminds every DPO by e-mail of a data subject's request still open a week before its deadline
 * (extended or not), and once more when the deadline has passed (issue 23, item 3). The mail names
 * the kind of request and the days, never the person; the request records which deadline each
 * reminder was for, in the same transaction as the mails are queued, so a run twice sends nothing
 * twice and an extension brings the reminders back for the new deadline.
 */
export const requestRemindersJob: JobKind<Record<string, never>> = {
  name: REQUEST_REMINDERS_JOB,
  label: {
    it: 'Promemoria delle scadenze delle richieste degli interessati',
    en: 'Reminders of data subjects’ request deadlines',
  },
  retryLimit: 3,
  retryDelaySeconds: 60,
  expireInSeconds: 300,
  schedule: '15 8 * * *',
  async handle(_data, { deps }) {
    await systemTransaction(deps.db, async (tx) => {
      const due = await queryRows<{
        id: string;
        kind: string;
        received_on: string;
        deadline: string;
        stage: 'soon' | 'overdue';
      }>(
        tx,
        sql`select r.id, r.kind, r.received_on::text, ${DEADLINE}::text as deadline,
                   case when ${DEADLINE} < ${TODAY} then 'overdue' else 'soon' end as stage
              from privacy_requests r
             where r.status = 'open'
               and ((${DEADLINE} < ${TODAY} and r.reminded_overdue_for is distinct from ${DEADLINE})
                 or (${DEADLINE} >= ${TODAY} and ${DEADLINE} - ${REMINDER_DAYS_BEFORE}::int <= ${TODAY}
                     and r.reminded_due_soon_for is distinct from ${DEADLINE}))
             order by ${DEADLINE} limit 500 for update of r skip locked`,
      );
      if (due.length === 0) return;
      const dpos = (await activeDpos(tx)).filter((d): d is { id: string; email: string } => d.email !== null);
      // With no DPO to tell, nothing is marked: the reminder goes once a DPO has an address.
      if (dpos.length === 0) return;
      const link = `${deps.config.publicUrl}/privacy#requests-heading`;
      for (const r of due) {
        const late = r.stage === 'overdue';
        for (const dpo of dpos)
          await queueMail({
            deps,
            tx,
            key: `privacy-request-${r.stage}:${r.id}:${r.deadline}:${dpo.id}`,
            mail: {
              to: dpo.email,
              subject: late
                ? 'Richiesta di un interessato oltre la scadenza / A data subject’s request is past its deadline'
                : 'Richiesta di un interessato in scadenza / A data subject’s request is due soon',
              text:
                `Una richiesta ricevuta il ${italianDay(r.received_on)} ${late ? 'doveva avere risposta' : 'va evasa'} entro il ${italianDay(r.deadline)}.\n` +
                `A request received on ${r.received_on} ${late ? 'was due' : 'is due'} by ${r.deadline}.\n\n${link}\n`,
            },
          });
        await tx.execute(
          late
            ? sql`update privacy_requests set reminded_overdue_for = ${r.deadline} where id = ${r.id}`
            : sql`update privacy_requests set reminded_due_soon_for = ${r.deadline} where id = ${r.id}`,
        );
        await writeAudit({
          tx,
          actor: JOB_ACTOR,
          event: {
            action: 'privacy.request_reminded',
            recordType: 'privacy_request',
            recordId: r.id,
            details: { stage: r.stage, deadline: r.deadline, dpos: dpos.length },
          },
        });
      }
    });
  },
};
