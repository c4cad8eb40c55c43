import { desc, eq, sql } from 'drizzle-orm';
import type { TPerson, TPersonChange, TPersonUpdate } from '../../../contracts/households.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { countOf, type Tx } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import { pgErrorCode } from '../../platform/db/pg-errors.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { personProblems, personValues, rethrowUnknownMunicipality } from './cases.people.js';
import { displayNames, refuseMerged } from './cases.policy.js';
import { people, personChanges } from './cases.sql.js';
import { findOwnHousehold, findPerson } from './households.repository.js';
import { duplicatesOf } from './households.service.js';

/**
 * Correcting a household member: an edit keeps who changed which field from what to what
 * (person_changes), a removal is for a member registered by mistake. Only the owning service
 * edits; safety details and the at-risk mark keep their own routes, with step-up and a reason.
 */

/** The fields an edit may change, in the order the history lists them. */
const EDITABLE: (keyof TPerson & keyof TPersonUpdate)[] = [
  'givenName',
  'familyName',
  'relationship',
  'caseRole',
  'birthYear',
  'birthDate',
  'gender',
  'citizenship',
  'languages',
  'preferredLanguage',
  'interpreterNeeded',
  'preferredMediatorGender',
  'livesInHousehold',
  'municipality',
  'identifierType',
  'identifier',
];

/**
 * The person when the acting service owns their household and may edit them; otherwise not found.
 * A duplicate merged into another record is read-only: the kept record is the one corrected.
 */
async function ownPerson({ tx, personId }: { tx: Tx; personId: string }) {
  const person = await findPerson({ tx, id: personId });
  if (!person || !(await findOwnHousehold({ tx, id: person.householdId })))
    throw new OutOfScope('person', personId);
  refuseMerged({ merged: person.mergedIntoId !== null });
  return person;
}

/**
 * What decides whether a person is protected from the perpetrator's team (a victim, a minor:
 * trama_is_minor, trama_blocked_people_of): fixed once the person has been referred.
 */
export const PROTECTION_FIELDS: string[] = ['caseRole', 'birthYear', 'birthDate'];

/** Whether the person was ever referred to another service. */
export async function isReferred({ tx, personId }: { tx: Tx; personId: string }) {
  const n = await unsafeAsSystem(tx, (sys) =>
    countOf(sys, sql`select count(*)::int as n from referral_people where person_id = ${personId}`),
  );
  return n > 0;
}

/** Two field values alike (arrays and nulls compared by value). */
export const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export async function updatePerson({
  deps,
  ctx,
  personId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  personId: string;
  input: TPersonUpdate;
}): Promise<TPerson> {
  const { acknowledgeDuplicates, ...fields } = input;
  const errors = personProblems(fields, '');
  if (errors.length > 0) throw problems.fields(errors);
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const current = await ownPerson({ tx, personId });
      const values = personValues({
        ...fields,
        atRisk: current.atRisk,
        livesInHousehold: fields.livesInHousehold ?? current.livesInHousehold,
      });
      const next: Record<string, unknown> = { ...values, birthDate: values.birthDate };
      const changes = EDITABLE.filter((f) => !same(current[f], next[f])).map((field) => ({
        field,
        from: current[field] ?? null,
        to: next[field] ?? null,
      }));
      if (changes.length === 0) return current;
      const locked = changes.filter((c) => PROTECTION_FIELDS.includes(c.field));
      if (locked.length > 0 && (await isReferred({ tx, personId })))
        throw problems.fields(
          locked.map((c) => ({
            field: c.field,
            code: 'referred',
            message: {
              it: 'Dopo l’invio a un servizio il ruolo nel caso e i dati di nascita non si cambiano qui: chi può vedere la persona (una vittima, un minore) dipende da questi. Chiedi al servizio che ha il caso.',
              en: 'Once the person has been referred, the role in the case and the birth data are not changed here: who may see them (a victim, a minor) depends on them. Ask the service that has the case.',
            },
          })),
        );
      const identityChanged = changes.some((c) =>
        ['givenName', 'familyName', 'birthYear', 'birthDate', 'identifierType', 'identifier'].includes(
          c.field,
        ),
      );
      if (identityChanged)
        await duplicatesOf({
          tx,
          members: [fields],
          prefix: () => '',
          acknowledged: acknowledgeDuplicates,
          exceptPersonId: personId,
        });
      try {
        await tx
          .update(people)
          .set({ ...values, atRisk: current.atRisk, updatedAt: new Date() })
          .where(eq(people.id, personId));
      } catch (error) {
        rethrowUnknownMunicipality(error);
      }
      await tx.insert(personChanges).values({ personId, changedBy: ctx.userId, changes });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'person.updated',
          recordType: 'person',
          recordId: personId,
          details: { fields: changes.map((c) => c.field) },
        },
      });
      return (await findPerson({ tx, id: personId }))!;
    },
  });
}

/**
 * Removes a member registered by mistake. Whatever refers to the person — a consent, a referral,
 * a session, a message — keeps them (its foreign key says so), and the household keeps one member.
 */
export async function removePerson({
  deps,
  ctx,
  personId,
  reason,
}: {
  deps: Deps;
  ctx: AccessContext;
  personId: string;
  reason: string;
}) {
  await scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const person = await ownPerson({ tx, personId });
      // Two removals at once must not both see two members: one waits for the other.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`household:${person.householdId}`}))`);
      const members = await countOf(
        tx,
        sql`select count(*)::int as n from people where household_id = ${person.householdId}`,
      );
      if (members <= 1)
        throw problems.conflict({
          it: 'È l’unica persona del nucleo: un nucleo ha almeno una persona.',
          en: 'This is the household’s only member: a household has at least one.',
        });
      try {
        await tx.delete(people).where(eq(people.id, personId));
      } catch (error) {
        if (pgErrorCode(error) !== '23503') throw error;
        throw problems.conflict({
          it: 'La persona compare in un consenso, un invio, un incontro o un messaggio: non si può togliere dal nucleo. Correggi i suoi dati invece.',
          en: 'The person appears in a consent, a referral, a session or a message: they cannot be removed from the household. Correct their details instead.',
        });
      }
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'person.removed',
          recordType: 'person',
          recordId: personId,
          purpose: reason,
          details: { householdId: person.householdId },
        },
      });
    },
  });
}

/** Who changed what in the person's record, newest first (audited as a read of the person). */
export async function personHistory({
  deps,
  ctx,
  personId,
}: {
  deps: Deps;
  ctx: AccessContext;
  personId: string;
}): Promise<TPersonChange[]> {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      if (!(await findPerson({ tx, id: personId }))) throw new OutOfScope('person', personId);
      const rows = await tx
        .select()
        .from(personChanges)
        .where(eq(personChanges.personId, personId))
        .orderBy(desc(personChanges.changedAt), desc(personChanges.id));
      const names = await displayNames({ tx, ids: rows.map((r) => r.changedBy) });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'person.history_read', recordType: 'person', recordId: personId },
      });
      return rows.map((r) => ({
        changedAt: r.changedAt.toISOString(),
        changedBy: names.get(r.changedBy)?.name ?? '',
        changes: r.changes as TPersonChange['changes'],
      }));
    },
  });
}
