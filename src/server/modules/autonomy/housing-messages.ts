import { sql } from 'drizzle-orm';
import type { TSafeContact } from '../../../contracts/households.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import type { AuditActor } from '../../platform/audit/audit-events.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import { systemTransaction, unsafeAsSystem } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { JOB_ACTOR, type JobKind } from '../../platform/jobs/job-queue.js';
import { deliverOnce } from '../../platform/mail/mail-queue.js';
import { type ContactPlan, planContact } from '../cases/cases.contact.js';
import { openJson, safeContactContext } from '../cases/cases.people.js';

/**
 * Messages to a hosted household about its stay (issue 20: "the household's safe-contact rules
 * apply to every message about the placement"). When a stay starts, one message is planned per
 * adult of the household who lives in it and is not its perpetrator, under that person's
 * safe-contact rules: an e-mail only to the address the rules name and never to one on the "never
 * write to" list, in the allowed hours; otherwise a task for the team (a call, a word in person),
 * or nothing. The e-mail is a job that judges again when it runs. Its text names no address, no
 * unit, no district and no service.
 */

const STAY_MESSAGE_JOB_NAME = 'housing.stay-message';

const STAY_MESSAGE_SUBJECT = 'Un messaggio per te / A message for you';
const STAY_MESSAGE_TEXT =
  'Il servizio che ti segue ti contatterà per i dettagli del tuo inserimento.\n' +
  'The service that follows you will contact you about the details of your placement.\n';

type Judgement = ContactPlan | { channel: 'none'; reason: string };

interface Recipient {
  person_id: string;
  safe: string | null;
  /** Still an adult living in the household, not its perpetrator, and the stay not ended. */
  eligible: boolean;
}

function judge({ deps, recipient, now }: { deps: Pick<Deps, 'keyring'>; recipient: Recipient; now: Date }) {
  if (!recipient.eligible) return { channel: 'none', reason: 'not_hosted' } as const;
  const rules = openJson<TSafeContact>({
    keyring: deps.keyring,
    value: recipient.safe,
    context: safeContactContext(recipient.person_id),
  });
  return planContact({ rules, now }) as Judgement;
}

const statusOf = (plan: Judgement) =>
  plan.channel === 'none'
    ? `not_sent:${plan.reason}`
    : plan.channel === 'email'
      ? 'planned'
      : `task:${plan.channel}`;

/** Who may be written to about the stay, read as the owner (a system connection or after judging). */
function recipients(sys: Tx, { occupancyId, personId }: { occupancyId: string; personId?: string }) {
  return queryRows<Recipient>(
    sys,
    sql`select p.id as person_id, p.safe_contact_encrypted as safe,
               (p.case_role <> 'perpetrator' and p.lives_in_household
                and not trama_is_minor(p.birth_date, p.birth_year, p.case_role)
                and o.exit_reason is null and (o.ends_on is null or o.ends_on > current_date)) as eligible
          from housing_occupancies o join people p on p.household_id = o.household_id
         where o.id = ${occupancyId} ${personId ? sql`and p.id = ${personId}` : sql``}
         order by p.position, p.id`,
  );
}

function audit({
  tx,
  actor,
  personId,
  action,
  channel,
}: {
  tx: Tx;
  actor: AuditActor;
  personId: string;
  action: 'housing.message_planned' | 'housing.message_sent' | 'housing.message_withheld';
  channel: string;
}) {
  return writeAudit({
    tx,
    actor,
    event: { action, recordType: 'person', recordId: personId, details: { channel } },
  });
}

/**
 * In the transaction that starts the stay (the caller has judged the coordinator): one message per
 * eligible adult, its e-mail queued in the same transaction (no message for a stay rolled back).
 */
export async function planStayMessages({
  deps,
  ctx,
  tx,
  occupancyId,
}: {
  deps: Pick<Deps, 'jobs' | 'keyring'>;
  ctx: AccessContext;
  tx: Tx;
  occupancyId: string;
}) {
  const now = new Date();
  // The people and their rules, and the messages (the request role has no grant to write them), as the owner.
  const planned = await unsafeAsSystem(tx, async (sys) => {
    const out: { personId: string; messageId: string; plan: Judgement }[] = [];
    for (const recipient of await recipients(sys, { occupancyId })) {
      if (!recipient.eligible) continue;
      const plan = judge({ deps, recipient, now });
      const [message] = await queryRows<{ id: string }>(
        sys,
        sql`insert into housing_messages (occupancy_id, person_id, channel, not_before, status)
            values (${occupancyId}, ${recipient.person_id}, ${plan.channel},
                    ${'notBefore' in plan ? plan.notBefore : now}, ${statusOf(plan)})
            returning id`,
      );
      out.push({ personId: recipient.person_id, messageId: message!.id, plan });
    }
    return out;
  });
  for (const { personId, messageId, plan } of planned) {
    if (plan.channel === 'email')
      await deps.jobs.enqueue(tx, STAY_MESSAGE_JOB_NAME, { messageId }, { startAfter: plan.notBefore });
    await audit({
      tx,
      actor: actorOf(ctx),
      personId,
      action: 'housing.message_planned',
      channel: plan.channel,
    });
  }
}

/**
 * A planned e-mail whose time has come: judged again (the rules, the person, the stay may have
 * changed), then sent once, moved to the next allowed hours, or withheld. Run twice, it finds the
 * message no longer planned (or its mail already delivered) and sends nothing more.
 */
export const stayMessageJob: JobKind<{ messageId: string }> = {
  name: STAY_MESSAGE_JOB_NAME,
  label: {
    it: 'Messaggi ai nuclei sull’inserimento in appartamento',
    en: 'Messages to households about their stay',
  },
  retryLimit: 8,
  retryDelaySeconds: 60,
  expireInSeconds: 120,
  async handle({ messageId }, { deps }) {
    const send = await systemTransaction(deps.db, async (tx) => {
      const [message] = await queryRows<{ person_id: string; occupancy_id: string }>(
        tx,
        sql`select person_id, occupancy_id from housing_messages where id = ${messageId} and status = 'planned' for update`,
      );
      if (!message) return null;
      const [recipient] = await recipients(tx, {
        occupancyId: message.occupancy_id,
        personId: message.person_id,
      });
      const now = new Date();
      const plan: Judgement = recipient
        ? judge({ deps, recipient, now })
        : { channel: 'none', reason: 'not_hosted' };
      if (plan.channel === 'email' && plan.notBefore > now) {
        await tx.execute(
          sql`update housing_messages set not_before = ${plan.notBefore} where id = ${messageId}`,
        );
        await deps.jobs.enqueue(tx, STAY_MESSAGE_JOB_NAME, { messageId }, { startAfter: plan.notBefore });
        return null;
      }
      if (plan.channel === 'email')
        return {
          personId: message.person_id,
          mail: { to: plan.to, subject: STAY_MESSAGE_SUBJECT, text: STAY_MESSAGE_TEXT },
        };
      await tx.execute(
        sql`update housing_messages set status = ${statusOf(plan)}, channel = ${plan.channel} where id = ${messageId}`,
      );
      await audit({
        tx,
        actor: JOB_ACTOR,
        personId: message.person_id,
        action: 'housing.message_withheld',
        channel: plan.channel,
      });
      return null;
    });
    if (!send) return;
    // SMTP down: the job fails, is retried and judged again then. Sent once per message.
    await deliverOnce({ deps, key: `housing-stay:${messageId}`, mail: send.mail });
    await systemTransaction(deps.db, async (tx) => {
      await tx.execute(
        sql`update housing_messages set status = 'sent' where id = ${messageId} and status = 'planned'`,
      );
      await audit({
        tx,
        actor: JOB_ACTOR,
        personId: send.personId,
        action: 'housing.message_sent',
        channel: 'email',
      });
    });
  },
};
