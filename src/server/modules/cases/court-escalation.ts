import { type SQL, sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { queryRows } from '../../platform/db/client.js';
import { systemTransaction } from '../../platform/db/context.js';
import { enumLabel } from '../../platform/i18n/enum-labels.js';
import { JOB_ACTOR, type JobKind } from '../../platform/jobs/job-queue.js';
import { queueMail } from '../../platform/mail/mail-queue.js';

export const COURT_ESCALATION_JOB_NAME = 'cases.court_deadlines_late';

const romeTime = (at: Date, language: 'it-IT' | 'en-GB') =>
  at.toLocaleString(language, { timeZone: 'Europe/Rome', dateStyle: 'short', timeStyle: 'short' });

/**
 * Who is told that a case's deadline is late: its lead and clinical team (lead, member) and every
 * coordinator supervising its service (of the service, or of its whole organisation); each still
 * enabled, with an e-mail address, and still holding a membership in that service or its
 * organisation (someone who left the service is not mailed about its cases).
 */
function recipientsOf(caseId: SQL) {
  return sql`select distinct u.id, u.email from users u
    join cases rc on rc.id = ${caseId} join services rs on rs.id = rc.service_id
    where u.disabled_at is null and u.email is not null
      and exists (select 1 from memberships m where m.user_id = u.id
        and (m.service_id = rs.id or (m.service_id is null and m.organisation_id = rs.organisation_id))
        and (m.role = 'coordinator' or u.id = rc.lead_user_id
             or u.id in (select t.user_id from case_team t where t.case_id = rc.id and t.team_role in ('lead', 'member'))))`;
}

/**
 * A court deadline that falls late is escalated once: an e-mail to each of `recipientsOf` the case.
 * The mail says which case (its code), what and since when — never a name — and links to the court
 * tab. Hourly, because the art. 403 steps run in hours. Marked in the same transaction as the mails
 * are queued, so a run twice sends nothing twice; a deadline nobody can be told about is not marked
 * (nor taken, so it does not hold up the others) and goes out once someone can receive it.
 */
export const courtEscalationJob: JobKind<Record<string, never>> = {
  name: COURT_ESCALATION_JOB_NAME,
  label: { it: 'Avvisi delle scadenze del tribunale superate', en: 'Notices of late court deadlines' },
  retryLimit: 3,
  retryDelaySeconds: 60,
  expireInSeconds: 300,
  schedule: '7 * * * *',
  async handle(_data, { deps }) {
    await systemTransaction(deps.db, async (tx) => {
      const late = await queryRows<{ id: string; case_id: string; code: string; kind: string; due_at: Date }>(
        tx,
        sql`select d.id, d.case_id, c.code, d.kind, d.due_at from court_deadlines d join cases c on c.id = d.case_id
            where d.met_at is null and d.superseded_at is null and d.escalated_at is null
              and d.due_at < now() and c.status <> 'closed'
              and exists (${recipientsOf(sql`d.case_id`)})
            order by d.due_at limit 500 for update of d skip locked`,
      );
      for (const deadline of late) {
        const recipients = await queryRows<{ id: string; email: string }>(
          tx,
          recipientsOf(sql`${deadline.case_id}::uuid`),
        );
        if (recipients.length === 0) continue;
        const dueAt = new Date(deadline.due_at);
        const link = `${deps.config.publicUrl}/cases/${deadline.case_id}?tab=court`;
        for (const to of recipients)
          await queueMail({
            deps,
            tx,
            key: `court-deadline-late:${deadline.id}:${to.id}`,
            mail: {
              to: to.email,
              subject: `Scadenza del tribunale superata: caso ${deadline.code} / Court deadline passed: case ${deadline.code}`,
              text:
                `Caso ${deadline.code}: «${enumLabel('deadlineKind', deadline.kind, 'it')}» era da rispettare entro il ${romeTime(dueAt, 'it-IT')}.\n` +
                `Case ${deadline.code}: "${enumLabel('deadlineKind', deadline.kind, 'en')}" was due by ${romeTime(dueAt, 'en-GB')}.\n\n${link}\n`,
            },
          });
        await tx.execute(sql`update court_deadlines set escalated_at = now() where id = ${deadline.id}`);
        await writeAudit({
          tx,
          actor: JOB_ACTOR,
          event: {
            action: 'court_deadline.escalated',
            recordType: 'case',
            recordId: deadline.case_id,
            // Ids and counts: the kind of step (an art. 403 removal's) is special data.
            details: { deadlineId: deadline.id, notified: recipients.length },
          },
        });
      }
    });
  },
};
