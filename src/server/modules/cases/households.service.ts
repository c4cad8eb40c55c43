import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  TConsent,
  THousehold,
  ZHouseholdCreateSchema,
  ZPersonInputSchema,
} from '../../../contracts/households.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { queryRows, type Tx, uuidList } from '../../platform/db/client.js';
import { rethrowConstraintViolation } from '../../platform/db/pg-errors.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { municipalities } from '../../platform/tenancy/tenancy.sql.js';
import { randomCode } from './cases.identifiers.js';
import { personProblems, personValues, selectPeople, toPerson } from './cases.people.js';
import { actingService } from './cases.policy.js';
import { households, people } from './cases.sql.js';

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

export async function consentsOf({ tx, personIds }: { tx: Tx; personIds: string[] }): Promise<TConsent[]> {
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
