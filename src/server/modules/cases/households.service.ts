import { and, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  TAtRiskUpdate,
  TConsent,
  THousehold,
  TSafetyDetails,
  ZConsentCreateSchema,
  ZExclusionCreateSchema,
  ZHouseholdCreateSchema,
  ZPersonInputSchema,
} from '../../../contracts/households.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { decryptField } from '../../platform/crypto/field-crypto.js';
import { queryRows, type Tx, uuidList } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import { rethrowConstraintViolation } from '../../platform/db/pg-errors.js';
import type { Deps } from '../../platform/deps.js';
import { HttpProblem, problems } from '../../platform/http/problem.js';
import { municipalities } from '../../platform/tenancy/tenancy.sql.js';
import { randomCode } from './cases.identifiers.js';
import {
  contactContext,
  isMinor,
  personProblems,
  personValues,
  safeContactContext,
  sealJson,
  selectPeople,
  toPerson,
} from './cases.people.js';
import { actingService, displayNames } from './cases.policy.js';
import { caseTeam, consents, households, people, personExclusions } from './cases.sql.js';

/** Safety details are revealed only this soon after a step-up (ARCHITECTURE: mechanism 2). */
export const STEP_UP_MINUTES = 15;

export async function listHouseholds({
  deps,
  ctx,
  query,
}: {
  deps: Deps;
  ctx: AccessContext;
  query: { q?: string | undefined; page: number };
}) {
  const pageSize = 25;
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const filter = query.q ? sql`and h.code like ${`${query.q.toUpperCase()}%`}` : sql``;
      const own = sql`(h.owner_service_id = (select trama_service()) or h.owner_service_id = any((select trama_supervised_services())::uuid[]))`;
      const items = await queryRows<{
        id: string;
        code: string;
        municipality: string;
        members: number;
        created_at: Date;
      }>(
        tx,
        sql`select h.id, h.code, h.municipality, h.created_at,
              (select count(*)::int from people p where p.household_id = h.id) as members
            from households h where ${own} ${filter}
            order by h.created_at desc, h.id limit ${pageSize} offset ${(query.page - 1) * pageSize}`,
      );
      const [count] = await queryRows<{ n: number }>(
        tx,
        sql`select count(*)::int as n from households h where ${own} ${filter}`,
      );
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'household.listed', details: { shown: items.length, page: query.page } },
      });
      return {
        items: items.map((h) => ({
          id: h.id,
          code: h.code,
          municipality: h.municipality,
          memberCount: h.members,
          createdAt: new Date(h.created_at).toISOString(),
        })),
        page: query.page,
        pageSize,
        total: count!.n,
      };
    },
  });
}

export async function createHousehold({
  deps,
  ctx,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  input: z.infer<typeof ZHouseholdCreateSchema>;
}) {
  const serviceId = actingService(ctx);
  const errors = input.members.flatMap((m, i) => personProblems(m, `members.${i}.`));
  if (errors.length > 0) throw problems.fields(errors);
  const id = await scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const [place] = await tx
        .select({ districtId: municipalities.districtId })
        .from(municipalities)
        .where(eq(municipalities.istatCode, input.municipality));
      if (!place)
        throw problems.field('municipality', 'unknown', {
          it: 'Comune sconosciuto.',
          en: 'Unknown municipality.',
        });
      const [household] = await tx
        .insert(households)
        .values({
          code: randomCode('N'),
          ownerServiceId: serviceId,
          municipality: input.municipality,
          districtId: place.districtId,
          createdBy: ctx.userId,
        })
        .returning({ id: households.id });
      await insertPeople({ tx, householdId: household!.id, members: input.members });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'household.created',
          recordType: 'household',
          recordId: household!.id,
          details: { members: input.members.length },
        },
      });
      return household!.id;
    },
  });
  return getHousehold({ deps, ctx, id, audit: false });
}

async function insertPeople({
  tx,
  householdId,
  members,
}: {
  tx: Tx;
  householdId: string;
  members: z.infer<typeof ZPersonInputSchema>[];
}) {
  const [{ n: first } = { n: 0 }] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from people where household_id = ${householdId}`,
  );
  try {
    return await tx
      .insert(people)
      .values(members.map((m, i) => ({ householdId, position: first + i, ...personValues(m) })))
      .returning({ id: people.id });
  } catch (error) {
    rethrowConstraintViolation(error, {
      reference: {
        field: 'municipality',
        message: { it: 'Comune sconosciuto.', en: 'Unknown municipality.' },
      },
    });
  }
}

export async function getHousehold({
  deps,
  ctx,
  id,
  audit = true,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  audit?: boolean;
}): Promise<THousehold> {
  const found = await scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const [h] = await queryRows<{
        id: string;
        code: string;
        municipality: string;
        district_id: string | null;
        owner: string;
        created_at: Date;
      }>(
        tx,
        sql`select h.id, h.code, h.municipality, h.district_id, s.name as owner, h.created_at
            from households h join services s on s.id = h.owner_service_id where h.id = ${id}`,
      );
      if (!h) throw new OutOfScope('household', id);
      const members = await selectPeople({ tx, where: sql`p.household_id = ${id}` });
      const consentRows = await consentsOf({ tx, personIds: members.map((m) => m.id) });
      if (audit)
        await writeAudit({
          tx,
          actor: actorOf(ctx),
          event: { action: 'household.read', recordType: 'household', recordId: id },
        });
      return {
        id: h.id,
        code: h.code,
        municipality: h.municipality,
        districtId: h.district_id,
        ownerServiceName: h.owner,
        createdAt: new Date(h.created_at).toISOString(),
        members: members.map(toPerson),
        consents: consentRows,
      };
    },
  });
  return found;
}

async function consentsOf({ tx, personIds }: { tx: Tx; personIds: string[] }): Promise<TConsent[]> {
  if (personIds.length === 0) return [];
  const rows = await queryRows<{
    id: string;
    person_id: string;
    given_by: TConsent['givenBy'];
    representative_name: string | null;
    purpose: TConsent['purpose'];
    recipient_service_id: string | null;
    recipient_name: string | null;
    sections: TConsent['sections'];
    given_on: string;
    expires_on: string | null;
    method: TConsent['method'];
    witness_name: string | null;
    court_order_reference: string | null;
    revoked_at: Date | null;
    expired: boolean;
  }>(
    tx,
    sql`select c.id, c.person_id, c.given_by, c.representative_name, c.purpose, c.recipient_service_id,
          s.name as recipient_name, c.sections, to_char(c.given_on, 'YYYY-MM-DD') as given_on,
          to_char(c.expires_on, 'YYYY-MM-DD') as expires_on, c.method, c.witness_name, c.court_order_reference,
          c.revoked_at, (c.expires_on is not null and c.expires_on < current_date) as expired
        from consents c left join services s on s.id = c.recipient_service_id
        where c.person_id in (${uuidList(personIds)}) order by c.given_on desc, c.created_at desc`,
  );
  return rows.map((c) => ({
    id: c.id,
    personId: c.person_id,
    givenBy: c.given_by,
    representativeName: c.representative_name,
    purpose: c.purpose,
    recipientServiceId: c.recipient_service_id,
    recipientServiceName: c.recipient_name,
    sections: c.sections,
    givenOn: c.given_on,
    expiresOn: c.expires_on,
    method: c.method,
    witnessName: c.witness_name,
    courtOrderReference: c.court_order_reference,
    revokedAt: c.revoked_at ? new Date(c.revoked_at).toISOString() : null,
    state: c.revoked_at ? 'revoked' : c.expired ? 'expired' : 'active',
  }));
}

export async function addPerson({
  deps,
  ctx,
  householdId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  householdId: string;
  input: z.infer<typeof ZPersonInputSchema>;
}) {
  const errors = personProblems(input, '');
  if (errors.length > 0) throw problems.fields(errors);
  const person = await scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const [h] = await queryRows<{ id: string }>(
        tx,
        sql`select id from households where id = ${householdId} and owner_service_id = (select trama_service())`,
      );
      if (!h) throw new OutOfScope('household', householdId);
      const [row] = (await insertPeople({ tx, householdId, members: [input] }))!;
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'person.created', recordType: 'person', recordId: row!.id },
      });
      const [p] = await selectPeople({ tx, where: sql`p.id = ${row!.id}` });
      return toPerson(p!);
    },
  });
  return person;
}

/**
 * The person as the caller may handle their safety data and consents: the household's own service
 * or the clinical team of one of their cases. A recipient of a pending referral sees the person
 * but not this.
 */
async function personInCare({ tx, personId }: { tx: Tx; personId: string }) {
  const [row] = await queryRows<{
    id: string;
    owner: boolean;
    birth_year: number | null;
    birth_date: string | null;
    case_role: string;
  }>(
    tx,
    sql`select p.id, h.owner_service_id = (select trama_service()) as owner, p.birth_year, p.case_role,
          to_char(p.birth_date, 'YYYY-MM-DD') as birth_date
        from people p join households h on h.id = p.household_id
        where p.id = ${personId} and (h.owner_service_id = (select trama_service()) or p.id in (
          select rp.person_id from referral_people rp join cases c on c.referral_id = rp.referral_id
          where c.id = any((select trama_team_cases('{lead,member}'))::uuid[])))`,
  );
  return row ?? null;
}

/** `personInCare`, or an audited 404 once the transaction has rolled back. */
async function requirePersonInCare({ tx, personId }: { tx: Tx; personId: string }) {
  const person = await personInCare({ tx, personId });
  if (!person) throw new OutOfScope('person', personId);
  return person;
}

export async function revealSafety({
  deps,
  ctx,
  personId,
  reason,
}: {
  deps: Deps;
  ctx: AccessContext;
  personId: string;
  reason: string;
}): Promise<TSafetyDetails> {
  const fresh = ctx.stepUpAt && Date.now() - ctx.stepUpAt.getTime() < STEP_UP_MINUTES * 60_000;
  if (!fresh)
    throw new HttpProblem(
      403,
      'step-up-required',
      { it: 'Conferma la tua identità', en: 'Confirm your identity' },
      {
        it: 'I dati di sicurezza si vedono solo dopo aver confermato il codice di autenticazione.',
        en: 'Safety details are shown only after you confirm your authentication code.',
      },
    );
  const found = await scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requirePersonInCare({ tx, personId });
      const [row] = await queryRows<{ contact: string | null; safe: string | null }>(
        tx,
        sql`select contact_encrypted as contact, safe_contact_encrypted as safe from people where id = ${personId}`,
      );
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'person.safety_read', recordType: 'person', recordId: personId, purpose: reason },
      });
      const contact = row!.contact
        ? JSON.parse(
            decryptField({ keyring: deps.keyring, value: row!.contact, context: contactContext(personId) }),
          )
        : {};
      const safeContact = row!.safe
        ? JSON.parse(
            decryptField({ keyring: deps.keyring, value: row!.safe, context: safeContactContext(personId) }),
          )
        : { channels: [], neverWriteTo: [] };
      return { ...contact, safeContact } as TSafetyDetails;
    },
  });
  return found;
}

export async function updateSafety({
  deps,
  ctx,
  personId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  personId: string;
  input: TSafetyDetails;
}) {
  await scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const person = await requirePersonInCare({ tx, personId });
      if (!person.owner) throw new OutOfScope('person', personId);
      const { safeContact, ...contact } = input;
      await tx
        .update(people)
        .set({
          contactEncrypted: sealJson({
            keyring: deps.keyring,
            value: contact,
            context: contactContext(personId),
          }),
          safeContactEncrypted: sealJson({
            keyring: deps.keyring,
            value: safeContact,
            context: safeContactContext(personId),
          }),
          updatedAt: new Date(),
        })
        .where(eq(people.id, personId));
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'person.safety_updated',
          recordType: 'person',
          recordId: personId,
          details: { fields: Object.keys(input) },
        },
      });
    },
  });
}

/**
 * Marks someone at risk from the household's perpetrator, or clears the mark: the household's own
 * service decides, with a reason, audited. The mark protects at once (trama_blocked_people_of).
 */
export async function setAtRisk({
  deps,
  ctx,
  personId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  personId: string;
  input: TAtRiskUpdate;
}) {
  await scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const person = await requirePersonInCare({ tx, personId });
      if (!person.owner) throw new OutOfScope('person', personId);
      await tx
        .update(people)
        .set({ atRisk: input.atRisk, updatedAt: new Date() })
        .where(eq(people.id, personId));
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'person.at_risk_updated',
          recordType: 'person',
          recordId: personId,
          purpose: input.reason,
          details: { atRisk: input.atRisk },
        },
      });
    },
  });
}

export async function createConsent({
  deps,
  ctx,
  personId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  personId: string;
  input: z.infer<typeof ZConsentCreateSchema>;
}) {
  const created = await scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const person = await requirePersonInCare({ tx, personId });
      if (isMinor(person, person.case_role) && input.givenBy === 'self' && input.method !== 'court_order')
        throw problems.field('givenBy', 'minor', {
          it: 'Per un minore il consenso è dato dal legale rappresentante.',
          en: "A minor's consent is given by a legal representative.",
        });
      let row: { id: string } | undefined;
      try {
        [row] = await tx
          .insert(consents)
          .values({
            personId,
            givenBy: input.givenBy,
            representativeName: input.representativeName ?? null,
            purpose: input.purpose,
            recipientServiceId: input.recipientServiceId ?? null,
            sections: input.sections,
            givenOn: input.givenOn,
            expiresOn: input.expiresOn ?? null,
            method: input.method,
            witnessName: input.witnessName ?? null,
            courtOrderReference: input.courtOrderReference ?? null,
            recordedBy: ctx.userId,
          })
          .returning({ id: consents.id });
      } catch (error) {
        rethrowConstraintViolation(error, { reference: { field: 'recipientServiceId' } });
      }
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'consent.created',
          recordType: 'person',
          recordId: personId,
          details: { consentId: row!.id, purpose: input.purpose, method: input.method },
        },
      });
      const [consent] = await consentsOf({ tx, personIds: [personId] }).then((l) =>
        l.filter((c) => c.id === row!.id),
      );
      return consent!;
    },
  });
  return created;
}

/** Revoking takes effect in the same transaction: the consents trigger lapses what rested on it. */
export async function revokeConsent({
  deps,
  ctx,
  consentId,
  reason,
}: {
  deps: Deps;
  ctx: AccessContext;
  consentId: string;
  reason: string;
}) {
  const revoked = await scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const [row] = await tx
        .select({ personId: consents.personId, revokedAt: consents.revokedAt })
        .from(consents)
        .where(eq(consents.id, consentId));
      if (!row) throw new OutOfScope('consent', consentId);
      await requirePersonInCare({ tx, personId: row.personId });
      if (row.revokedAt)
        throw problems.conflict({ it: 'Consenso già revocato.', en: 'Consent already revoked.' });
      await tx
        .update(consents)
        .set({ revokedAt: new Date(), revocationReason: reason })
        .where(and(eq(consents.id, consentId), isNull(consents.revokedAt)));
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'consent.revoked',
          recordType: 'person',
          recordId: row.personId,
          details: { consentId },
        },
      });
      return (await consentsOf({ tx, personIds: [row.personId] })).find((c) => c.id === consentId)!;
    },
  });
  return revoked;
}

export async function listExclusions({
  deps,
  ctx,
  personId,
}: {
  deps: Deps;
  ctx: AccessContext;
  personId: string;
}) {
  const rows = await scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requirePersonInCare({ tx, personId });
      const list = await tx.select().from(personExclusions).where(eq(personExclusions.personId, personId));
      const names = await displayNames({ tx, ids: list.map((x) => x.userId) });
      return list.map((x) => ({
        id: x.id,
        personId: x.personId,
        userId: x.userId,
        userDisplayName: names.get(x.userId)?.name ?? '',
        reason: x.reason as 'relative' | 'same_community' | 'other',
        createdAt: x.createdAt.toISOString(),
      }));
    },
  });
  return rows;
}

/**
 * A conflict-of-interest lock: the user leaves every team of this person's cases at once and
 * can never be added again or reach them by break-the-glass (RLS: trama_blocked_people_of).
 */
export async function addExclusion({
  deps,
  ctx,
  personId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  personId: string;
  input: z.infer<typeof ZExclusionCreateSchema>;
}) {
  const created = await scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requirePersonInCare({ tx, personId });
      if (input.userId === ctx.userId)
        throw problems.field('userId', 'self', {
          it: 'Non puoi escludere te stesso: chiedi al responsabile.',
          en: 'You cannot exclude yourself: ask the team lead.',
        });
      let row: typeof personExclusions.$inferSelect | undefined;
      try {
        [row] = await tx
          .insert(personExclusions)
          .values({
            personId,
            userId: input.userId,
            reason: input.reason,
            note: input.note ?? null,
            createdBy: ctx.userId,
          })
          .returning();
      } catch (error) {
        rethrowConstraintViolation(error, {
          unique: { field: 'userId', message: { it: 'Già escluso.', en: 'Already excluded.' } },
          reference: { field: 'userId' },
        });
      }
      // The lock must hold even if the one who sets it does not lead every case of the person.
      await unsafeAsSystem(tx, (sys) =>
        sys.execute(sql`delete from ${caseTeam} where user_id = ${input.userId} and case_id in (
          select c.id from cases c join referral_people rp on rp.referral_id = c.referral_id
          where rp.person_id = ${personId})`),
      );
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'person.excluded',
          recordType: 'person',
          recordId: personId,
          details: { userId: input.userId, reason: input.reason },
        },
      });
      const names = await displayNames({ tx, ids: [row!.userId] });
      return {
        id: row!.id,
        personId,
        userId: row!.userId,
        userDisplayName: names.get(row!.userId)?.name ?? '',
        reason: row!.reason as 'relative' | 'same_community' | 'other',
        createdAt: row!.createdAt.toISOString(),
      };
    },
  });
  return created;
}
