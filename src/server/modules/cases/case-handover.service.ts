import { and, eq, sql } from 'drizzle-orm';
import type { THandover, THandoverProposal, TReferralReason } from '../../../contracts/case-documents.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { isoTime, queryRows, type Tx } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { caseHandovers } from './case-documents.sql.js';
import {
  displayNames,
  followsPerpetratorRefused,
  isBlockedFrom,
  refused,
  requireCase,
  requireOpen,
  straddlesPerpetrator,
} from './cases.policy.js';

/**
 * Hand-over (issue 22, item 7): the lead proposes handing the case to a colleague of the same service
 * (a practitioner or clinician), staying on the team as a member or leaving it; only the colleague
 * named accepts (trama_accept_case_handover moves the lead in one step) or declines; the proposer may
 * withdraw. And the referral's reason, kept readable by the team that received the case.
 */
const CLINICAL_ROLES = ['practitioner', 'clinician'];

interface HandoverRow {
  id: string;
  case_id: string;
  from_user_id: string;
  to_user_id: string;
  note: string | null;
  stay_as_member: boolean;
  status: THandover['status'];
  proposed_at: Date | string;
  decided_at: Date | string | null;
}

/** The case codes of hand-overs the viewer already reached (the colleague named is not on the team yet). */
async function caseCodes(tx: Tx, caseIds: string[]) {
  if (caseIds.length === 0) return new Map<string, string>();
  const rows = await unsafeAsSystem(tx, (sys) =>
    queryRows<{ id: string; code: string }>(
      sys,
      sql`select id, code from cases where id = any(${`{${caseIds.join(',')}}`}::uuid[])`,
    ),
  );
  return new Map(rows.map((r) => [r.id, r.code]));
}

async function toHandovers(tx: Tx, ctx: AccessContext, rows: HandoverRow[]): Promise<THandover[]> {
  const names = await displayNames({ tx, ids: rows.flatMap((r) => [r.from_user_id, r.to_user_id]) });
  const codes = await caseCodes(
    tx,
    rows.map((r) => r.case_id),
  );
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    caseCode: codes.get(r.case_id) ?? '—',
    fromName: names.get(r.from_user_id)?.name ?? '—',
    toUserId: r.to_user_id,
    toName: names.get(r.to_user_id)?.name ?? '—',
    note: r.note,
    stayAsMember: r.stay_as_member,
    status: r.status,
    proposedAt: isoTime(r.proposed_at)!,
    decidedAt: isoTime(r.decided_at),
    canAnswer: r.status === 'proposed' && r.to_user_id === ctx.userId,
    canWithdraw: r.status === 'proposed' && r.from_user_id === ctx.userId,
  }));
}

const SELECT = sql`select id, case_id, from_user_id, to_user_id, note, stay_as_member, status, proposed_at, decided_at
  from case_handovers`;

async function audit(
  tx: Tx,
  ctx: AccessContext,
  action: Parameters<typeof writeAudit>[0]['event']['action'],
  caseId: string,
  details: Record<string, unknown>,
) {
  await writeAudit({
    tx,
    actor: actorOf(ctx),
    event: { action, recordType: 'case', recordId: caseId, details },
  });
}

export function proposeHandover({
  deps,
  ctx,
  caseId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  caseId: string;
  input: THandoverProposal;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const found = await requireCase({ tx, id: caseId, needs: ['clinical'] });
      requireOpen(found);
      if (found.teamRole !== 'lead')
        throw refused({
          it: 'Passa il caso solo chi ne è responsabile.',
          en: 'Only the case lead hands the case over.',
        });
      if (input.toUserId === ctx.userId)
        throw problems.field('toUserId', 'self', { it: 'Scegli un collega.', en: 'Choose a colleague.' });
      const [colleague] = await unsafeAsSystem(tx, (sys) =>
        queryRows<{ id: string }>(
          sys,
          sql`select u.id from users u join memberships m on m.user_id = u.id
              where u.id = ${input.toUserId} and u.disabled_at is null and m.service_id = ${found.serviceId}
                and m.role = any(${`{${CLINICAL_ROLES.join(',')}}`}::text[])`,
        ),
      );
      if (!colleague)
        throw problems.field('toUserId', 'not_colleague', {
          it: 'Si passa il caso a un operatore o clinico dello stesso servizio.',
          en: 'A case is handed to a practitioner or clinician of the same service.',
        });
      const personIds = (
        await queryRows<{ person_id: string }>(
          tx,
          sql`select person_id from referral_people where referral_id = ${found.referralId}`,
        )
      ).map((r) => r.person_id);
      if (await isBlockedFrom({ tx, userId: input.toUserId, personIds }))
        throw problems.field('toUserId', 'excluded', {
          it: 'Questa persona è esclusa dal caso (conflitto di interessi o regola di sicurezza).',
          en: 'This person is excluded from the case (conflict of interest or a safety rule).',
        });
      const [open] = await queryRows<{ id: string }>(
        tx,
        sql`select id from case_handovers where case_id = ${found.id} and status = 'proposed'`,
      );
      if (open)
        throw problems.conflict({
          it: 'C’è già un passaggio in attesa di risposta: ritiralo prima di proporne un altro.',
          en: 'A hand-over is already awaiting an answer: withdraw it before proposing another.',
        });
      const [row] = await tx
        .insert(caseHandovers)
        .values({
          caseId: found.id,
          fromUserId: ctx.userId,
          toUserId: input.toUserId,
          note: input.note ?? null,
          stayAsMember: input.stayAsMember,
        })
        .returning({ id: caseHandovers.id });
      await audit(tx, ctx, 'case_handover.proposed', found.id, {
        handoverId: row!.id,
        toUserId: input.toUserId,
        stayAsMember: input.stayAsMember,
      });
      return { id: row!.id };
    },
  });
}

/** The case's hand-overs, for its team and supervisors. */
export function listHandovers({ deps, ctx, caseId }: { deps: Deps; ctx: AccessContext; caseId: string }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const found = await requireCase({ tx, id: caseId, needs: ['clinical', 'supervisor'] });
      const rows = await queryRows<HandoverRow>(
        tx,
        sql`${SELECT} where case_id = ${found.id} order by proposed_at desc, id`,
      );
      await audit(tx, ctx, 'case_handover.listed', found.id, { count: rows.length });
      return toHandovers(tx, ctx, rows);
    },
  });
}

/** Hand-overs waiting for the viewer's answer (Home, and the colleague's page). */
export function myHandovers({ deps, ctx }: { deps: Deps; ctx: AccessContext }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const rows = await queryRows<HandoverRow>(
        tx,
        sql`${SELECT} where to_user_id = ${ctx.userId} and status = 'proposed' order by proposed_at, id`,
      );
      for (const r of rows) await audit(tx, ctx, 'case_handover.listed', r.case_id, { count: 1 });
      return toHandovers(tx, ctx, rows);
    },
  });
}

/** How many hand-overs wait for the viewer (Home's attention list). */
export async function handoversToAnswer({ tx, ctx }: { tx: Tx; ctx: AccessContext }) {
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from case_handovers where to_user_id = ${ctx.userId} and status = 'proposed'`,
  );
  return row?.n ?? 0;
}

async function proposedOf(tx: Tx, caseId: string, handoverId: string) {
  const [row] = await queryRows<HandoverRow>(
    tx,
    sql`${SELECT} where id = ${handoverId} and case_id = ${caseId}`,
  );
  if (!row) throw new OutOfScope('case', caseId);
  if (row.status !== 'proposed')
    throw problems.conflict({
      it: 'Questo passaggio ha già avuto risposta.',
      en: 'This hand-over was already answered.',
    });
  return row;
}

/** The colleague named accepts (becomes lead) or declines; nobody else may. */
export function answerHandover({
  deps,
  ctx,
  caseId,
  handoverId,
  answer,
}: {
  deps: Deps;
  ctx: AccessContext;
  caseId: string;
  handoverId: string;
  answer: 'accept' | 'decline';
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const row = await proposedOf(tx, caseId, handoverId);
      if (row.to_user_id !== ctx.userId)
        throw refused({
          it: 'Risponde al passaggio solo il collega a cui è proposto.',
          en: 'Only the colleague it is proposed to answers a hand-over.',
        });
      if (answer === 'decline') {
        await tx
          .update(caseHandovers)
          .set({ status: 'declined', decidedAt: new Date() })
          .where(and(eq(caseHandovers.id, handoverId), eq(caseHandovers.status, 'proposed')));
        await audit(tx, ctx, 'case_handover.declined', caseId, { handoverId });
        return { status: 'declined' as const };
      }
      const [moved] = await queryRows<{ case_id: string | null }>(
        tx,
        sql`select trama_accept_case_handover(${handoverId}::uuid) as case_id`,
      );
      if (!moved?.case_id)
        throw problems.conflict({
          it: 'Il caso non può più passare: chi lo ha proposto non ne è più responsabile, o il caso è chiuso.',
          en: 'The case can no longer be handed over: the proposer no longer leads it, or it is closed.',
        });
      // The safety rule holds on the team as written (the transaction rolls back on refusal).
      if (await straddlesPerpetrator({ tx, userId: ctx.userId })) throw followsPerpetratorRefused();
      // A lock set since the proposal (a conflict of interest) still stops the colleague. Read as the
      // owner: the case's people, for the user the hand-over names, only to ask the lock.
      const personIds = await unsafeAsSystem(tx, async (sys) =>
        (
          await queryRows<{ person_id: string }>(
            sys,
            sql`select rp.person_id from referral_people rp join cases c on c.referral_id = rp.referral_id
                where c.id = ${caseId}`,
          )
        ).map((r) => r.person_id),
      );
      if (await isBlockedFrom({ tx, userId: ctx.userId, personIds }))
        throw problems.conflict({
          it: 'Sei esclusa o escluso da questo caso (conflitto di interessi o regola di sicurezza): non puoi riceverlo.',
          en: 'You are excluded from this case (conflict of interest or a safety rule): you cannot take it.',
        });
      await audit(tx, ctx, 'case_handover.accepted', caseId, {
        handoverId,
        fromUserId: row.from_user_id,
        stayAsMember: row.stay_as_member,
      });
      return { status: 'accepted' as const };
    },
  });
}

export function withdrawHandover({
  deps,
  ctx,
  caseId,
  handoverId,
}: {
  deps: Deps;
  ctx: AccessContext;
  caseId: string;
  handoverId: string;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const row = await proposedOf(tx, caseId, handoverId);
      if (row.from_user_id !== ctx.userId)
        throw refused({
          it: 'Ritira il passaggio solo chi lo ha proposto.',
          en: 'Only the proposer withdraws a hand-over.',
        });
      await tx
        .update(caseHandovers)
        .set({ status: 'withdrawn', decidedAt: new Date() })
        .where(and(eq(caseHandovers.id, handoverId), eq(caseHandovers.status, 'proposed')));
      await audit(tx, ctx, 'case_handover.withdrawn', caseId, { handoverId });
      return { status: 'withdrawn' as const };
    },
  });
}

/**
 * The referral's reason for the team that received the case: once accepted, the referral is the two
 * services' business and a team member may not read it (another service's member, a new lead after a
 * hand-over); its purpose, urgency, message and shared sections are read as the owner for a case the
 * policy has just opened to its clinical team or supervisor (never the referrer's copy of the case).
 */
export function referralReason({ deps, ctx, caseId }: { deps: Deps; ctx: AccessContext; caseId: string }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx): Promise<TReferralReason> => {
      const found = await requireCase({ tx, id: caseId, needs: ['clinical', 'supervisor'] });
      const [r] = await unsafeAsSystem(tx, (sys) =>
        queryRows<{
          purpose: string;
          urgency: string;
          message: string;
          sections: string[];
          from_name: string;
          sent_at: Date | string | null;
        }>(
          sys,
          sql`select r.purpose, r.urgency, r.message, r.sections, s.name as from_name, r.sent_at
              from referrals r join services s on s.id = r.from_service_id where r.id = ${found.referralId}`,
        ),
      );
      if (!r) throw new OutOfScope('case', caseId);
      await audit(tx, ctx, 'case.referral_reason_read', found.id, { referralId: found.referralId });
      return {
        purpose: r.purpose,
        urgency: r.urgency,
        message: r.message,
        sections: r.sections,
        fromServiceName: r.from_name,
        sentAt: isoTime(r.sent_at),
      };
    },
  });
}

/** Home: the hand-overs waiting for the viewer's answer. */
export async function handoverReminders({ tx, ctx }: { tx: Tx; ctx: AccessContext }) {
  if (!ctx.permissions.has('cases.write')) return [];
  return [
    { kind: 'handovers_to_answer' as const, count: await handoversToAnswer({ tx, ctx }), link: '/handovers' },
  ];
}
