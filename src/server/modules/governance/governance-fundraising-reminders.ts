import { sql } from 'drizzle-orm';
import { DEADLINE_REMINDER_DAYS_BEFORE } from '../../../contracts/governance-codes.js';
import { queryRows } from '../../platform/db/client.js';
import { systemTransaction } from '../../platform/db/context.js';
import type { JobKind } from '../../platform/jobs/job-queue.js';
import { queueMail } from '../../platform/mail/mail-queue.js';
import { TODAY } from './governance-fundraising-shared.js';

export const DEADLINE_REMINDERS_JOB = 'governance.deadline_reminders';

/** One mail per opportunity and deadline: a deadline moved later is a new reminder. */
export const deadlineReminderKey = (opportunityId: string, deadlineOn: string) =>
  `fundraising-deadline:${opportunityId}:${deadlineOn}`;

const longDate = (iso: string, locale: 'it-IT' | 'en-GB') =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString(locale, { dateStyle: 'long', timeZone: 'Europe/Rome' });

/**
 * Daily: the owner of every open opportunity whose call closes within DEADLINE_REMINDER_DAYS_BEFORE
 * days is mailed once. Judged at run time (stage, deadline, owner still enabled with an address),
 * so a missed day still reminds; never twice, because the opportunity records the deadline it was
 * reminded of in the same transaction that queues the mail (and the mail job sends a key once).
 */
export const deadlineRemindersJob: JobKind<Record<string, never>> = {
  name: DEADLINE_REMINDERS_JOB,
  label: { it: 'Promemoria delle scadenze dei bandi', en: 'Reminders of calls’ deadlines' },
  retryLimit: 3,
  retryDelaySeconds: 300,
  expireInSeconds: 600,
  schedule: '15 7 * * *',
  async handle(_data, { deps }) {
    await systemTransaction(deps.db, async (tx) => {
      const due = await queryRows<{
        id: string;
        title: string;
        deadline_on: string;
        funder: string;
        email: string;
        days: number;
      }>(
        tx,
        sql`select o.id, o.title, o.deadline_on::text as deadline_on, f.name as funder, u.email,
                   (o.deadline_on - ${TODAY})::int as days
              from governance_opportunities o
              join governance_funders f on f.id = o.funder_id
              join users u on u.id = o.owner_id
             where o.stage not in ('received', 'lost') and o.deadline_on is not null
               and o.deadline_on between ${TODAY} and ${TODAY} + ${DEADLINE_REMINDER_DAYS_BEFORE}::int
               and u.disabled_at is null and u.email is not null
               and o.deadline_reminded_on is distinct from o.deadline_on
             order by o.deadline_on, o.id
             limit 500
               for update of o skip locked`,
      );
      for (const o of due) {
        const link = `${deps.config.publicUrl}/fundraising/opportunities/${o.id}`;
        await queueMail({
          deps,
          tx,
          key: deadlineReminderKey(o.id, o.deadline_on),
          mail: {
            to: o.email,
            subject: `Scadenza del bando: ${o.title} / Call deadline: ${o.title}`,
            text:
              `«${o.title}» (${o.funder}): la scadenza è il ${longDate(o.deadline_on, 'it-IT')}, fra ${o.days} giorni.\n` +
              `"${o.title}" (${o.funder}): the deadline is ${longDate(o.deadline_on, 'en-GB')}, in ${o.days} days.\n\n${link}\n`,
          },
        });
        await tx.execute(
          sql`update governance_opportunities set deadline_reminded_on = deadline_on where id = ${o.id}`,
        );
      }
    });
  },
};

/** Reminders of a call's deadline to the opportunity's owner (issue 21, item 5). */
export const FUNDRAISING_JOBS: readonly JobKind<never>[] = [deadlineRemindersJob as JobKind<never>];
