import { sql } from 'drizzle-orm';
import { ACTION_REMINDER_DAYS_BEFORE } from '../../../contracts/governance-codes.js';
import { queryRows } from '../../platform/db/client.js';
import { systemTransaction } from '../../platform/db/context.js';
import { italianDay } from '../../platform/i18n/italian-dates.js';
import type { JobKind } from '../../platform/jobs/job-queue.js';
import { queueMail } from '../../platform/mail/mail-queue.js';
import { TODAY } from './governance-minutes-shared.js';

export const ACTION_REMINDERS_JOB_NAME = 'governance.action_reminders';

/**
 * Reminders to an action's owner (issue 21, item 2): ACTION_REMINDER_DAYS_BEFORE days before its
 * due date, and the day after it if still open. Judged when the job runs (a closed action, a
 * disabled account get nothing). Each mail's key names the action, the kind and the due date, so
 * a run twice mails once and a due date moved later earns its own reminder.
 */
export const actionRemindersJob: JobKind<Record<string, never>> = {
  name: ACTION_REMINDERS_JOB_NAME,
  label: { it: 'Promemoria delle azioni dei comitati', en: 'Reminders of the committees’ actions' },
  retryLimit: 3,
  retryDelaySeconds: 300,
  expireInSeconds: 600,
  schedule: '20 7 * * *',
  async handle(_data, { deps }) {
    await systemTransaction(deps.db, async (tx) => {
      const due = await queryRows<{
        id: string;
        title: string;
        due_on: string;
        kind: 'before' | 'overdue';
        email: string;
        committee: string;
      }>(
        tx,
        sql`select a.id, a.title, a.due_on::text, u.email, c.name as committee,
                   case when a.due_on < ${TODAY} then 'overdue' else 'before' end as kind
              from governance_actions a
              join users u on u.id = a.owner_id
              join governance_committees c on c.id = a.committee_id
             where a.status in ('open', 'in_progress')
               and u.disabled_at is null and u.email is not null
               and (a.due_on = ${TODAY} + ${ACTION_REMINDER_DAYS_BEFORE}::int or a.due_on = ${TODAY} - 1)
             order by a.due_on limit 1000`,
      );
      for (const action of due) {
        const link = `${deps.config.publicUrl}/governance/actions/${action.id}`;
        const when = italianDay(action.due_on);
        const [it, en] =
          action.kind === 'before'
            ? [`scade il ${when}`, `is due on ${action.due_on}`]
            : [`è scaduta il ${when}`, `was due on ${action.due_on}`];
        await queueMail({
          deps,
          tx,
          key: `governance-action:${action.id}:${action.kind}:${action.due_on}`,
          mail: {
            to: action.email,
            subject: `Azione del comitato: ${action.title} / Committee action: ${action.title}`,
            text:
              `L’azione «${action.title}» (${action.committee}) ${it}.\n` +
              `The action "${action.title}" (${action.committee}) ${en}.\n\n${link}\n`,
          },
        });
      }
    });
  },
};

/** Reminders to an action's owner before and after its due date (issue 21, item 2). */
export const ACTION_JOBS: readonly JobKind<never>[] = [actionRemindersJob];
