import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  ANSWER_DAYS,
  type TReferral,
  type TReferralListItem,
  type ZReferralCreateSchema,
  type ZReferralListQuerySchema,
  type ZReferralUpdateSchema,
} from '../../../contracts/referrals.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { mailDpos, noticeToDpos } from '../../platform/access/dpo-notice.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { queryRows, type Tx, uuidList } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { HttpProblem, problems } from '../../platform/http/problem.js';
import { selectPeople } from './cases.people.js';
import { actingService, caseAccessOf } from './cases.policy.js';
import { referralPeople, referrals } from './cases.sql.js';

interface ReferralRow {
  id: string;
  household_id: string;
  household_code: string;
  status: TReferral['status'];
  purpose: TReferral['purpose'];
  court_investigation: boolean;
  urgency: TReferral['urgency'];
  sections: TReferral['status'][];
  message: string;
  from_service_id: string;
  from_name: string;
  to_service_id: string;
  to_name: string;
  sent_at: Date | null;
  answered_at: Date | null;
  due_by: Date | null;
  legal_basis: TReferral['legalBasis'];
  decline_reason: string | null;
  created_by: string;
  overdue: boolean;
  basis_ok: boolean;
  mine: boolean;
}

const SELECT_REFERRAL = sql`select r.id, r.household_id, trama_household_code(r.household_id) as household_code,
    r.status, r.purpose, r.court_investigation, r.urgency, r.sections, r.message, r.from_service_id,
    fs.name as from_name, r.to_service_id, ts.name as to_name, r.sent_at, r.answered_at, r.due_by, r.legal_basis,
    r.decline_reason, r.created_by, (r.status = 'sent' and r.due_by < now()) as overdue,
    (r.basis_lapsed_at is null and (r.basis_expires_on is null or r.basis_expires_on >= current_date)) as basis_ok,
    (r.from_service_id = (select trama_service()) or r.from_service_id = any((select trama_supervised_services())::uuid[])) as mine
  from referrals r
  join services fs on fs.id = r.from_service_id
  join services ts on ts.id = r.to_service_id`;

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export async function findReferral({ tx, id }: { tx: Tx; id: string }) {
  const [row] = await queryRows<ReferralRow>(tx, sql`${SELECT_REFERRAL} where r.id = ${id}`);
  return row ?? null;
}

export async function requireReferral({ tx, id }: { tx: Tx; id: string }) {
  const row = await findReferral({ tx, id });
  if (!row) throw new OutOfScope('referral', id);
  return row;
}

export function wrongState(status: string) {
  return new HttpProblem(
    409,
    'referral-state',
    { it: 'Invio già gestito', en: 'Referral already handled' },
    {
      it: `L'invio è in stato «${status}»: l'operazione non è più possibile.`,
      en: `The referral is "${status}": this is no longer possible.`,
    },
  );
}

export async function listReferrals({
  deps,
  ctx,
  query,
}: {
  deps: Deps;
  ctx: AccessContext;
  query: z.infer<typeof ZReferralListQuerySchema>;
}) {
  const pageSize = 25;
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const box =
        query.box === 'sent'
          ? sql`(r.from_service_id = (select trama_service()) or r.from_service_id = any((select trama_supervised_services())::uuid[]))`
          : sql`(r.to_service_id = (select trama_service()) or r.to_service_id = any((select trama_supervised_services())::uuid[])) and r.status <> 'draft'`;
      const status = query.status ? sql`and r.status = ${query.status}` : sql``;
      const overdue = query.overdue === 'true' ? sql`and r.status = 'sent' and r.due_by < now()` : sql``;
      const where = sql`where ${box} ${status} ${overdue}`;
      const rows = await queryRows<ReferralRow>(
        tx,
        sql`${SELECT_REFERRAL} ${where} order by coalesce(r.sent_at, r.created_at) desc, r.id
            limit ${pageSize} offset ${(query.page - 1) * pageSize}`,
      );
      const [count] = await queryRows<{ n: number }>(
        tx,
        sql`select count(*)::int as n from referrals r ${where}`,
      );
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'referral.listed', details: { box: query.box, shown: rows.length } },
      });
      const items: TReferralListItem[] = rows.map((r) => ({
        id: r.id,
        householdCode: r.household_code,
        status: r.status,
        purpose: r.purpose,
        urgency: r.urgency,
        fromServiceName: r.from_name,
        toServiceName: r.to_name,
        sentAt: iso(r.sent_at),
        dueBy: iso(r.due_by),
        overdue: r.overdue,
      }));
      return { items, page: query.page, pageSize, total: count!.n };
    },
  });
}

/** The referral as this viewer may see it: the sender everything it sent, the recipient the content while it waits. */
export async function toReferral({ tx, row }: { tx: Tx; row: ReferralRow }): Promise<TReferral> {
  const view = row.mine ? 'sender' : 'recipient';
  const showContent = view === 'sender' || (row.status === 'sent' && row.basis_ok);
  const [linked] = await queryRows<{ id: string }>(
    tx,
    sql`select id from cases where referral_id = ${row.id}`,
  );
  const caseAccess = linked ? await caseAccessOf({ tx, id: linked.id }) : null;
  // The outcome is what the sender may know of the case, whoever of its service asks.
  const [outcome] = await unsafeAsSystem(tx, (sys) =>
    queryRows<{ status: string; closure_outcome: string | null; closed_at: Date | null }>(
      sys,
      sql`select status, closure_outcome, closed_at from cases where referral_id = ${row.id}`,
    ),
  );
  let content: TReferral['content'] = null;
  if (showContent) {
    const ids = await queryRows<{ person_id: string }>(
      tx,
      sql`select person_id from referral_people where referral_id = ${row.id}`,
    );
    const personIds = ids.map((p) => p.person_id);
    const sharesLanguages = row.sections.includes('languages' as never);
    const people =
      personIds.length > 0
        ? await selectPeople({
            tx,
            where: sql`p.id in (${uuidList(personIds)})`,
          })
        : [];
    content = {
      message: row.message,
      sections: row.sections as never,
      personIds,
      people: people.map((p) => ({
        id: p.id,
        givenName: p.given_name,
        familyName: p.family_name,
        caseRole: p.case_role as never,
        birthYear: p.birth_year,
        gender: p.gender as never,
        citizenship: p.citizenship,
        ...(sharesLanguages
          ? {
              languages: p.languages,
              preferredLanguage: p.preferred_language,
              interpreterNeeded: p.interpreter_needed,
            }
          : {}),
      })),
    };
  }
  return {
    id: row.id,
    householdId: row.household_id,
    householdCode: row.household_code,
    status: row.status,
    purpose: row.purpose,
    courtInvestigation: row.court_investigation,
    urgency: row.urgency,
    fromServiceName: row.from_name,
    toServiceId: row.to_service_id,
    toServiceName: row.to_name,
    sentAt: iso(row.sent_at),
    answeredAt: iso(row.answered_at),
    dueBy: iso(row.due_by),
    overdue: row.overdue,
    legalBasis: row.legal_basis,
    declineReason: row.decline_reason,
    outcome: outcome
      ? {
          caseStatus: outcome.status,
          closureOutcome: outcome.closure_outcome,
          closedAt: iso(outcome.closed_at),
        }
      : null,
    caseId: caseAccess ? caseAccess.id : null,
    view,
    content,
  };
}

export async function getReferral({ deps, ctx, id }: { deps: Deps; ctx: AccessContext; id: string }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const row = await requireReferral({ tx, id });
      const referral = await toReferral({ tx, row });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'referral.read',
          recordType: 'referral',
          recordId: id,
          details: { content: referral.content !== null },
        },
      });
      return referral;
    },
  });
}

/**
 * Who may be referred, and to whom: the household's own people, never the perpetrator together
 * with someone he may harm (a victim, a minor, anyone marked at risk): their cases stay apart.
 */
async function checkReferralInput({
  tx,
  ctx,
  householdId,
  personIds,
  toServiceId,
}: {
  tx: Tx;
  ctx: AccessContext;
  householdId: string;
  personIds?: string[] | undefined;
  toServiceId?: string | undefined;
}) {
  const [household] = await queryRows<{ id: string }>(
    tx,
    sql`select id from households where id = ${householdId} and owner_service_id = (select trama_service())`,
  );
  if (!household)
    throw problems.field('householdId', 'unknown', {
      it: 'Nucleo sconosciuto o di un altro servizio.',
      en: 'Unknown household, or another service’s.',
    });
  if (toServiceId !== undefined) {
    if (toServiceId === ctx.serviceId)
      throw problems.field('toServiceId', 'self', {
        it: 'Non si invia al proprio servizio.',
        en: 'A service cannot refer to itself.',
      });
    const [to] = await queryRows<{ id: string }>(
      tx,
      sql`select id from services where id = ${toServiceId} and active`,
    );
    if (!to)
      throw problems.field('toServiceId', 'unknown', { it: 'Servizio sconosciuto.', en: 'Unknown service.' });
  }
  if (personIds === undefined) return;
  const people = await queryRows<{ id: string; case_role: string; protected: boolean }>(
    tx,
    sql`select id, case_role, trama_is_protected(case_role, at_risk, birth_date, birth_year) as protected
        from people where household_id = ${householdId} and id in (${uuidList(personIds)})`,
  );
  if (people.length !== personIds.length)
    throw problems.field('personIds', 'unknown', {
      it: 'Una persona non appartiene al nucleo.',
      en: 'A person is not in this household.',
    });
  const perpetrators = people.filter((p) => p.case_role === 'perpetrator');
  if (people.some((p) => p.protected && perpetrators.some((q) => q.id !== p.id)))
    throw problems.field('personIds', 'victim_and_perpetrator', {
      it: 'Vittima e autore si inviano separatamente, come ogni persona che l’autore può colpire (minori, persone a rischio): i loro casi restano distinti.',
      en: 'Victim and perpetrator are referred separately, as is anyone the perpetrator may harm (minors, people at risk): their cases stay apart.',
    });
}

export async function createReferral({
  deps,
  ctx,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  input: z.infer<typeof ZReferralCreateSchema>;
}) {
  const fromServiceId = actingService(ctx);
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await checkReferralInput({ tx, ctx, ...input });
      const { personIds, ...fields } = input;
      const [row] = await tx
        .insert(referrals)
        .values({ ...fields, fromServiceId, createdBy: ctx.userId })
        .returning({ id: referrals.id });
      await tx
        .insert(referralPeople)
        .values(personIds.map((personId) => ({ referralId: row!.id, personId })));
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'referral.created', recordType: 'referral', recordId: row!.id },
      });
      return toReferral({ tx, row: (await findReferral({ tx, id: row!.id }))! });
    },
  });
}

export async function updateReferral({
  deps,
  ctx,
  id,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  input: z.infer<typeof ZReferralUpdateSchema>;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const row = await requireReferral({ tx, id });
      if (!row.mine) throw problems.forbidden();
      if (row.status !== 'draft') throw wrongState(row.status);
      await checkReferralInput({ tx, ctx, householdId: row.household_id, ...input });
      const { personIds, ...fields } = input;
      await tx
        .update(referrals)
        .set({ ...fields, updatedAt: new Date() })
        .where(eq(referrals.id, id));
      if (personIds) {
        await tx.delete(referralPeople).where(eq(referralPeople.referralId, id));
        await tx.insert(referralPeople).values(personIds.map((personId) => ({ referralId: id, personId })));
      }
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'referral.updated',
          recordType: 'referral',
          recordId: id,
          details: { fields: Object.keys(input) },
        },
      });
      return toReferral({ tx, row: (await findReferral({ tx, id }))! });
    },
  });
}

export async function deleteReferral({ deps, ctx, id }: { deps: Deps; ctx: AccessContext; id: string }) {
  await scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const row = await requireReferral({ tx, id });
      if (!row.mine) throw problems.forbidden();
      if (row.status !== 'draft') throw wrongState(row.status);
      await tx.delete(referrals).where(and(eq(referrals.id, id), eq(referrals.status, 'draft')));
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'referral.deleted', recordType: 'referral', recordId: id },
      });
    },
  });
}

/**
 * Sends a draft. The legal basis comes first: consents (or a court order) on record for the
 * recipient, purpose and sections, decided by referral_basis() in the database, or an override
 * by someone permitted to, with a reason, which notifies every DPO.
 */
export async function sendReferral({
  deps,
  ctx,
  id,
  overrideReason,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  overrideReason: string | null | undefined;
}) {
  const { referral, dpoEmails } = await scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const row = await requireReferral({ tx, id });
      if (!row.mine) throw problems.forbidden();
      if (row.status !== 'draft') throw wrongState(row.status);
      const [basis] = await queryRows<{ ok: boolean; basis: string; expires_on: string | null }>(
        tx,
        sql`select ok, basis, to_char(expires_on, 'YYYY-MM-DD') as expires_on from referral_basis(${id})`,
      );
      let legalBasis = basis!.basis;
      let dpoEmails: string[] = [];
      if (!basis!.ok) {
        if (!overrideReason)
          throw problems.field(
            'consent',
            'missing',
            {
              it: 'Manca un consenso valido (o un provvedimento del tribunale) per questo servizio, scopo e dati, per ogni persona inviata.',
              en: 'A valid consent (or a court order) for this service, purpose and data is missing for a referred person.',
            },
            422,
          );
        if (!ctx.permissions.has('consent.override'))
          throw problems.field(
            'consentOverrideReason',
            'not_permitted',
            {
              it: 'Non hai il permesso di inviare senza consenso.',
              en: 'You are not permitted to refer without consent.',
            },
            403,
          );
        legalBasis = 'override';
        dpoEmails = await noticeToDpos({
          tx,
          kind: 'consent_override',
          payload: { referralId: id, by: ctx.username },
        });
        await writeAudit({
          tx,
          actor: actorOf(ctx),
          event: {
            action: 'referral.consent_override',
            recordType: 'referral',
            recordId: id,
            purpose: overrideReason,
          },
        });
      }
      const now = new Date();
      await tx
        .update(referrals)
        .set({
          status: 'sent',
          sentAt: now,
          dueBy: new Date(now.getTime() + ANSWER_DAYS[row.urgency] * 86_400_000),
          legalBasis,
          consentOverrideReason: legalBasis === 'override' ? overrideReason! : null,
          basisExpiresOn: legalBasis === 'override' ? null : basis!.expires_on,
          updatedAt: now,
        })
        .where(eq(referrals.id, id));
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'referral.sent', recordType: 'referral', recordId: id, details: { legalBasis } },
      });
      return { referral: await toReferral({ tx, row: (await findReferral({ tx, id }))! }), dpoEmails };
    },
  });
  mailDpos({
    mailer: deps.mailer,
    to: dpoEmails,
    subject: 'Trama: invio senza consenso / referral without consent',
    text: `${ctx.username} ha inviato senza consenso (invio ${id}). Motivo nel registro accessi.\n${ctx.username} sent a referral without consent (${id}). The reason is in the audit trail.\n`,
  });
  return referral;
}
