import { and, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  TFamilyNetwork,
  ZLegalRoleCreateSchema,
  ZLegalRoleEndSchema,
  ZRelationCreateSchema,
} from '../../../contracts/tutela.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { type FieldError, problems } from '../../platform/http/problem.js';
import { refused } from './cases.policy.js';
import {
  findLegalRole,
  householdReach,
  networkOf,
  orderOfHousehold,
  peopleOfHousehold,
  relationExists,
} from './family-network.repository.js';
import { legalRoles, personRelations } from './tutela.sql.js';

/**
 * The family network (issue 15, item 4): who relates to whom, who holds parental responsibility,
 * the tutore, the curatore speciale. The household's own service and the clinical team of one of
 * its cases write it; a supervising coordinator and a break-the-glass grant read it; nobody else
 * learns the household exists.
 */

type Role = TFamilyNetwork['legalRoles'][number];

/** The household as the viewer reaches it, or an audited 404. */
async function requireHousehold({ tx, id }: { tx: Tx; id: string }) {
  const found = await householdReach({ tx, id });
  if (!found) throw new OutOfScope('household', id);
  return found;
}

/** Readers (a supervisor, a break-the-glass grant) see the household: a 403 tells them nothing new. */
async function requireWorkedHousehold({ tx, id }: { tx: Tx; id: string }) {
  const found = await requireHousehold({ tx, id });
  if (!found.writes)
    throw refused({
      it: 'La rete familiare la modificano il servizio del nucleo e l’équipe clinica dei suoi casi.',
      en: 'The family network is changed by the household’s service and the clinical team of its cases.',
    });
  return found;
}

const NOT_IN_HOUSEHOLD = { it: 'Persona non presente nel nucleo.', en: 'Person not in this household.' };
const notInHousehold = (field: string): FieldError => ({
  field,
  code: 'not_in_household',
  message: NOT_IN_HOUSEHOLD,
});

export async function readNetwork({
  deps,
  ctx,
  householdId,
}: {
  deps: Deps;
  ctx: AccessContext;
  householdId: string;
}): Promise<TFamilyNetwork> {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requireHousehold({ tx, id: householdId });
      const network = await networkOf({ tx, householdId });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'family_network.read',
          recordType: 'household',
          recordId: householdId,
          details: {
            people: network.people.length,
            relations: network.relations.length,
            legalRoles: network.legalRoles.length,
          },
        },
      });
      return network;
    },
  });
}

export async function addRelation({
  deps,
  ctx,
  householdId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  householdId: string;
  input: z.infer<typeof ZRelationCreateSchema>;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requireWorkedHousehold({ tx, id: householdId });
      const members = await peopleOfHousehold({
        tx,
        householdId,
        personIds: [input.fromPersonId, input.toPersonId],
      });
      const errors = (['fromPersonId', 'toPersonId'] as const)
        .filter((f) => !members.has(input[f]))
        .map(notInHousehold);
      if (errors.length > 0) throw problems.fields(errors);
      // Two identical additions at once must not both find none: one waits for the other.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`relations:${householdId}`}))`);
      if (await relationExists({ tx, householdId, ...input }))
        throw problems.field(
          'kind',
          'duplicate',
          { it: 'Questa relazione è già registrata.', en: 'This relation is already recorded.' },
          409,
        );
      const [row] = await tx
        .insert(personRelations)
        .values({ householdId, ...input, createdBy: ctx.userId })
        .returning({ id: personRelations.id });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'family_network.relation_added',
          recordType: 'household',
          recordId: householdId,
          details: { relationId: row!.id },
        },
      });
      return { id: row!.id, ...input };
    },
  });
}

export async function removeRelation({
  deps,
  ctx,
  householdId,
  relationId,
}: {
  deps: Deps;
  ctx: AccessContext;
  householdId: string;
  relationId: string;
}) {
  await scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requireWorkedHousehold({ tx, id: householdId });
      // Only a relation the viewer sees: both its people visible (RLS), in this household.
      const visible = await queryRows(
        tx,
        sql`select 1 from person_relations where id = ${relationId} and household_id = ${householdId}`,
      );
      if (visible.length === 0) throw problems.notFound();
      await tx
        .delete(personRelations)
        .where(and(eq(personRelations.id, relationId), eq(personRelations.householdId, householdId)));
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'family_network.relation_removed',
          recordType: 'household',
          recordId: householdId,
          details: { relationId },
        },
      });
    },
  });
}

export async function addLegalRole({
  deps,
  ctx,
  householdId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  householdId: string;
  input: z.infer<typeof ZLegalRoleCreateSchema>;
}): Promise<Role> {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requireWorkedHousehold({ tx, id: householdId });
      const holderPersonId = input.holderPersonId ?? null;
      const members = await peopleOfHousehold({
        tx,
        householdId,
        personIds: [input.personId, ...(holderPersonId ? [holderPersonId] : [])],
      });
      const errors: FieldError[] = [];
      if (!members.has(input.personId)) errors.push(notInHousehold('personId'));
      if (holderPersonId && !members.has(holderPersonId)) errors.push(notInHousehold('holderPersonId'));
      else if (holderPersonId === input.personId)
        errors.push({
          field: 'holderPersonId',
          code: 'self',
          message: {
            it: 'Il titolare del ruolo è un’altra persona.',
            en: 'The role is held by another person.',
          },
        });
      if (input.orderId && !(await orderOfHousehold({ tx, householdId, orderId: input.orderId })))
        errors.push({
          field: 'orderId',
          code: 'not_in_household',
          message: {
            it: 'Il provvedimento non riguarda un caso di questo nucleo.',
            en: 'The order is not one of a case of this household.',
          },
        });
      if (errors.length > 0) throw problems.fields(errors);
      const [row] = await tx
        .insert(legalRoles)
        .values({
          personId: input.personId,
          role: input.role,
          holderPersonId,
          holderName: input.holderName ?? null,
          holderOrganisation: input.holderOrganisation ?? null,
          orderId: input.orderId ?? null,
          startsOn: input.startsOn,
          createdBy: ctx.userId,
        })
        .returning({ id: legalRoles.id });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'legal_role.created',
          recordType: 'person',
          recordId: input.personId,
          details: { legalRoleId: row!.id, householdId },
        },
      });
      return {
        id: row!.id,
        personId: input.personId,
        role: input.role,
        holderPersonId,
        holderName: input.holderName ?? null,
        holderOrganisation: input.holderOrganisation ?? null,
        orderId: input.orderId ?? null,
        startsOn: input.startsOn,
        endsOn: null,
      };
    },
  });
}

export async function endLegalRole({
  deps,
  ctx,
  householdId,
  roleId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  householdId: string;
  roleId: string;
  input: z.infer<typeof ZLegalRoleEndSchema>;
}) {
  await scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requireWorkedHousehold({ tx, id: householdId });
      const role = await findLegalRole({ tx, householdId, roleId });
      if (!role) throw problems.notFound();
      if (role.ends_on)
        throw problems.conflict({
          it: 'Il ruolo è già concluso.',
          en: 'The role has already ended.',
        });
      if (input.endsOn < role.starts_on)
        throw problems.field('endsOn', 'before_start', {
          it: 'La fine non può precedere l’inizio.',
          en: 'The end cannot come before the start.',
        });
      const [row] = await tx
        .update(legalRoles)
        .set({ endsOn: input.endsOn })
        // Conditional: of two requests at once, the second finds it ended.
        .where(and(eq(legalRoles.id, roleId), isNull(legalRoles.endsOn)))
        .returning({ personId: legalRoles.personId });
      if (!row)
        throw problems.conflict({
          it: 'Il ruolo è già concluso.',
          en: 'The role has already ended.',
        });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'legal_role.ended',
          recordType: 'person',
          recordId: row!.personId,
          details: { legalRoleId: roleId, householdId },
        },
      });
    },
  });
}
