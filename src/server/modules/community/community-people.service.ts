import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  ZConsentInputSchema,
  ZConsentWithdrawSchema,
  ZHolderPersonInputSchema,
} from '../../../contracts/community.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { queryRows, sqlArray, type Tx } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { requireCommunityWorker } from './community.policy.js';
import { loadPerson, requireHolder } from './community-holders.repository.js';

/**
 * A holder's reference people (opinion leaders among them) and their consent to be contacted,
 * kept as data: purpose, channel, date given and date withdrawn. A consent is withdrawn once and
 * never deleted, so what a person agreed to and when stays known.
 */

type PersonInput = z.infer<typeof ZHolderPersonInputSchema>;
type ConsentInput = z.infer<typeof ZConsentInputSchema>;
type ConsentWithdraw = z.infer<typeof ZConsentWithdrawSchema>;

/** A person of this holder (looked up before the worker check: unknown ids are a 404 for everyone). */
async function requirePerson(tx: Tx, holderId: string, personId: string) {
  await requireHolder(tx, holderId);
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`select id from community_holder_people where id = ${personId} and holder_id = ${holderId}`,
  );
  if (!row) throw new OutOfScope('community_holder_person', personId);
}

async function personSaved(tx: Tx, ctx: AccessContext, personId: string) {
  await writeAudit({
    tx,
    actor: actorOf(ctx),
    event: { action: 'community.person_saved', recordType: 'community_holder_person', recordId: personId },
  });
  return (await loadPerson(tx, personId))!;
}

export async function addPerson({
  deps,
  ctx,
  holderId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  holderId: string;
  input: PersonInput;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requireHolder(tx, holderId);
      await requireCommunityWorker(tx);
      const [row] = await queryRows<{ id: string }>(
        tx,
        sql`insert into community_holder_people (holder_id, full_name, role_title, phone, email, opinion_leader,
              influence_topics, influence_community)
            values (${holderId}, ${input.fullName}, ${input.roleTitle}, ${input.phone}, ${input.email},
              ${input.opinionLeader}, ${sqlArray(input.influenceTopics)}, ${input.influenceCommunity})
            returning id`,
      );
      return personSaved(tx, ctx, row!.id);
    },
  });
}

export async function updatePerson({
  deps,
  ctx,
  holderId,
  personId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  holderId: string;
  personId: string;
  input: PersonInput;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requirePerson(tx, holderId, personId);
      await requireCommunityWorker(tx);
      await tx.execute(
        sql`update community_holder_people set full_name = ${input.fullName}, role_title = ${input.roleTitle},
              phone = ${input.phone}, email = ${input.email}, opinion_leader = ${input.opinionLeader},
              influence_topics = ${sqlArray(input.influenceTopics)}, influence_community = ${input.influenceCommunity}
            where id = ${personId}`,
      );
      return personSaved(tx, ctx, personId);
    },
  });
}

/** Removes a reference person (who left the holder, or asked to be forgotten) with their consents. */
export async function removePerson({
  deps,
  ctx,
  holderId,
  personId,
}: {
  deps: Deps;
  ctx: AccessContext;
  holderId: string;
  personId: string;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requirePerson(tx, holderId, personId);
      await requireCommunityWorker(tx);
      await tx.execute(sql`delete from community_holder_people where id = ${personId}`);
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'community.person_removed',
          recordType: 'community_holder_person',
          recordId: personId,
        },
      });
    },
  });
}

interface ConsentRow {
  id: string;
  purpose: ConsentInput['purpose'];
  channel: ConsentInput['channel'];
  given_on: string;
  withdrawn_on: string | null;
  person_id: string;
}

const CONSENT_COLUMNS = sql`id, purpose, channel, given_on::text as given_on, withdrawn_on::text as withdrawn_on, person_id`;

const consentOf = (r: ConsentRow) => ({
  id: r.id,
  purpose: r.purpose,
  channel: r.channel,
  givenOn: r.given_on,
  withdrawnOn: r.withdrawn_on,
});

export async function addConsent({
  deps,
  ctx,
  holderId,
  personId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  holderId: string;
  personId: string;
  input: ConsentInput;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requirePerson(tx, holderId, personId);
      await requireCommunityWorker(tx);
      const [row] = await queryRows<ConsentRow>(
        tx,
        sql`insert into community_consents (person_id, purpose, channel, given_on, recorded_by)
            values (${personId}, ${input.purpose}, ${input.channel}, ${input.givenOn}, ${ctx.userId})
            returning ${CONSENT_COLUMNS}`,
      );
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'community.consent_recorded',
          recordType: 'community_holder_person',
          recordId: personId,
          details: { consentId: row!.id, purpose: input.purpose },
        },
      });
      return consentOf(row!);
    },
  });
}

const alreadyWithdrawn = () =>
  problems.conflict({
    it: 'Il consenso è già stato revocato.',
    en: 'The consent has already been withdrawn.',
  });

const withdrawnBeforeGiven = () =>
  problems.field('withdrawnOn', 'before_given', {
    it: 'La revoca non può venire prima della data del consenso.',
    en: 'The withdrawal cannot come before the consent was given.',
  });

/** Withdraws a consent once: one conditional update, so two withdrawals at once cannot both succeed. */
export async function withdrawConsent({
  deps,
  ctx,
  consentId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  consentId: string;
  input: ConsentWithdraw;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const [current] = await queryRows<ConsentRow>(
        tx,
        sql`select ${CONSENT_COLUMNS} from community_consents where id = ${consentId}`,
      );
      if (!current) throw problems.notFound();
      await requireCommunityWorker(tx);
      if (input.withdrawnOn < current.given_on) throw withdrawnBeforeGiven();
      const [row] = await queryRows<ConsentRow>(
        tx,
        sql`update community_consents set withdrawn_on = ${input.withdrawnOn}
             where id = ${consentId} and withdrawn_on is null returning ${CONSENT_COLUMNS}`,
      );
      if (!row) throw alreadyWithdrawn();
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'community.consent_withdrawn',
          recordType: 'community_holder_person',
          recordId: row.person_id,
          details: { consentId },
        },
      });
      return consentOf(row);
    },
  });
}
