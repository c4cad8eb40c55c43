import type { z } from 'zod';
import type {
  THousehold,
  ZHouseholdCreateSchema,
  ZPersonInputSchema,
} from '../../../contracts/households.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import type { Tx } from '../../platform/db/client.js';
import { rethrowConstraintViolation } from '../../platform/db/pg-errors.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { randomCode } from './cases.identifiers.js';
import { personProblems, personValues } from './cases.people.js';
import { actingService } from './cases.policy.js';
import { households, people } from './cases.sql.js';
import {
  countPeople,
  findHousehold,
  findMunicipality,
  findOwnHousehold,
  findPerson,
  pageOfHouseholds,
} from './households.repository.js';

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
      const result = await pageOfHouseholds({ tx, q: query.q, page: query.page, pageSize });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'household.listed', details: { shown: result.items.length, page: query.page } },
      });
      return result;
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
      const place = await findMunicipality({ tx, istatCode: input.municipality });
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
  const first = await countPeople({ tx, householdId });
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
      const household = await findHousehold({ tx, id });
      if (!household) throw new OutOfScope('household', id);
      if (audit)
        await writeAudit({
          tx,
          actor: actorOf(ctx),
          event: { action: 'household.read', recordType: 'household', recordId: id },
        });
      return household;
    },
  });
  return found;
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
      if (!(await findOwnHousehold({ tx, id: householdId }))) throw new OutOfScope('household', householdId);
      const [row] = (await insertPeople({ tx, householdId, members: [input] }))!;
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'person.created', recordType: 'person', recordId: row!.id },
      });
      return (await findPerson({ tx, id: row!.id }))!;
    },
  });
  return person;
}
