import type { z } from 'zod';
import type {
  THousehold,
  ZHouseholdCreateSchema,
  ZPersonAddSchema,
  ZPersonInputSchema,
} from '../../../contracts/households.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import type { Tx } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { randomCode } from './cases.identifiers.js';
import {
  birthYearOf,
  identifierOf,
  personProblems,
  personValues,
  rethrowUnknownMunicipality,
  UNKNOWN_MUNICIPALITY,
} from './cases.people.js';
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
import { duplicateProblems } from './people-search.repository.js';

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
      // A search by name or code finds people: each household it shows is audited like a read,
      // so the record's access history shows who found it (never the text searched, which names someone).
      if (query.q)
        for (const found of result.items)
          await writeAudit({
            tx,
            actor: actorOf(ctx),
            event: { action: 'household.searched', recordType: 'household', recordId: found.id },
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
      const duplicates = await duplicatesOf({
        tx,
        members: input.members,
        prefix: (i) => `members.${i}.`,
        acknowledged: input.acknowledgeDuplicates,
      });
      const place = await findMunicipality({ tx, istatCode: input.municipality });
      if (!place) throw problems.field('municipality', 'unknown', UNKNOWN_MUNICIPALITY);
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
          details: { members: input.members.length, duplicatesAcknowledged: duplicates.length },
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
    rethrowUnknownMunicipality(error);
  }
}

/**
 * A person already held in the service's households stops the registration with a 409 naming where,
 * unless the operator has confirmed it is someone else; what was confirmed goes into the audit.
 */
export async function duplicatesOf({
  tx,
  members,
  prefix,
  acknowledged,
  exceptPersonId,
}: {
  tx: Tx;
  members: IdentityInput[];
  prefix: (index: number) => string;
  acknowledged: boolean;
  exceptPersonId?: string;
}) {
  const found = await duplicateProblems({
    tx,
    people: members.map(identityOf),
    prefix,
    ...(exceptPersonId ? { exceptPersonId } : {}),
  });
  if (found.length > 0 && !acknowledged) throw problems.possibleDuplicates(found);
  return found;
}

type IdentityInput = Pick<
  z.infer<typeof ZPersonInputSchema>,
  'givenName' | 'familyName' | 'birthYear' | 'birthDate' | 'identifierType' | 'identifier'
>;
const identityOf = (m: IdentityInput) => ({
  givenName: m.givenName,
  familyName: m.familyName,
  birthYear: birthYearOf(m),
  identifierType: m.identifierType,
  identifier: identifierOf(m),
});

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
  input: z.infer<typeof ZPersonAddSchema>;
}) {
  const { acknowledgeDuplicates, ...member } = input;
  const errors = personProblems(member, '');
  if (errors.length > 0) throw problems.fields(errors);
  const person = await scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      if (!(await findOwnHousehold({ tx, id: householdId }))) throw new OutOfScope('household', householdId);
      const duplicates = await duplicatesOf({
        tx,
        members: [member],
        prefix: () => '',
        acknowledged: acknowledgeDuplicates,
      });
      const [row] = (await insertPeople({ tx, householdId, members: [member] }))!;
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'person.created',
          recordType: 'person',
          recordId: row!.id,
          details: { duplicatesAcknowledged: duplicates.length },
        },
      });
      return (await findPerson({ tx, id: row!.id }))!;
    },
  });
  return person;
}
