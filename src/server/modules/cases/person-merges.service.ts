import { and, eq, isNull, sql } from 'drizzle-orm';
import type { TPerson } from '../../../contracts/households.js';
import type {
  TDuplicatePair,
  TDuplicatePerson,
  TPersonMerge,
  TPersonMergeInput,
} from '../../../contracts/person-merges.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import type { Tx } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { people, personChanges } from './cases.sql.js';
import { duplicatePairs, mergeBlock } from './duplicate-pairs.js';
import { findPerson } from './households.repository.js';
import { isReferred, PROTECTION_FIELDS, same } from './person-edits.service.js';
import {
  areRelated,
  mergeablePeople,
  ownPersonForMerge,
  relatedPairs,
  selectMerges,
} from './person-merges.repository.js';
import { personMerges } from './person-merges.sql.js';

/**
 * Merging duplicate people (issue 22, item 7; ADR 0025). The duplicate is not deleted: it keeps its
 * row and everything that points to it (consents, referrals, sessions, other modules' records),
 * marked as merged into the kept person, read-only and out of searches; the kept record takes the
 * details it lacked. A revert gives both back as they were. Only the service that owns both records
 * merges them; a perpetrator is never merged with anyone but a perpetrator record (a trigger keeps
 * that floor too), nor two people the family network records as related.
 */

/** At most this many pairs are listed: a longer list is worked through from the top. */
const PAIRS_SHOWN = 100;

export function listDuplicates({ deps, ctx }: { deps: Deps; ctx: AccessContext }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx): Promise<TDuplicatePair[]> => {
      const rows = await mergeablePeople({ tx });
      const related = await relatedPairs({ tx, ids: rows.map((r) => r.id) });
      const pairs = duplicatePairs({
        people: rows.map((r) => ({
          id: r.id,
          foldedName: r.folded,
          birthYear: r.birth_year,
          birthDate: r.birth_date,
          caseRole: r.case_role,
          identifier: r.identifier,
        })),
        related: (a, b) => related.has(`${a}|${b}`),
      }).slice(0, PAIRS_SHOWN);
      const byId = new Map(
        rows.map((r): [string, TDuplicatePerson] => [
          r.id,
          {
            id: r.id,
            householdId: r.household_id,
            householdCode: r.household_code,
            givenName: r.given_name,
            familyName: r.family_name,
            birthYear: r.birth_year,
            birthDate: r.birth_date,
            caseRole: r.case_role,
          },
        ]),
      );
      // Names and births of the people listed: the read is audited like a search of the households.
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'person.duplicates_listed',
          details: { pairs: pairs.length, people: [...new Set(pairs.flatMap((p) => [p.a, p.b]))] },
        },
      });
      return pairs.map((p) => ({
        a: byId.get(p.a)!,
        b: byId.get(p.b)!,
        signs: p.signs,
        blockedBy: p.blockedBy,
      }));
    },
  });
}

const MERGE_REFUSALS = {
  self: {
    it: 'Scegli un’altra scheda: una persona non si unisce a se stessa.',
    en: 'Choose another record: a person is not merged with themselves.',
  },
  already: {
    it: 'Questa scheda è già unita a un’altra persona.',
    en: 'This record is already merged into another person.',
  },
  keepsOthers: {
    it: 'Questa scheda tiene già altre schede unite: tienila tu e unisci l’altra a lei.',
    en: 'This record already keeps other merged records: keep it and merge the other one into it.',
  },
  perpetrator: {
    it: 'Un autore di violenza non si unisce mai alla scheda di un’altra persona: le protezioni delle vittime dipendono da questa distinzione.',
    en: 'A perpetrator is never merged with another person’s record: the victims’ protection depends on telling them apart.',
  },
  different_role: {
    it: 'Le due schede hanno ruoli diversi nel caso: correggi prima il ruolo, se è la stessa persona.',
    en: 'The two records have different roles in the case: correct the role first, if they are the same person.',
  },
  related: {
    it: 'La rete familiare registra queste due schede come parenti: sono due persone.',
    en: 'The family network records these two as relatives: they are two people.',
  },
};

/** What the kept record takes from the duplicate: only what it lacks; protections are never lowered. */
function fillFrom({ kept, merged, referred }: { kept: TPerson; merged: TPerson; referred: boolean }) {
  const filled: { field: keyof TPerson; from: unknown; to: unknown }[] = [];
  const take = (field: keyof TPerson, to: unknown) => {
    if (!same(kept[field], to)) filled.push({ field, from: kept[field] ?? null, to });
  };
  // Birth data decide who may see a person (a minor): not filled once the kept person was referred.
  if (!referred && kept.birthDate === null && merged.birthDate !== null) {
    take('birthDate', merged.birthDate);
    take('birthYear', Number(merged.birthDate.slice(0, 4)));
  } else if (!referred && kept.birthYear === null && merged.birthYear !== null)
    take('birthYear', merged.birthYear);
  for (const field of ['citizenship', 'municipality', 'preferredLanguage'] as const)
    if (kept[field] === null && merged[field] !== null) take(field, merged[field]);
  if (kept.identifierType === 'none' && merged.identifierType !== 'none') {
    take('identifierType', merged.identifierType);
    take('identifier', merged.identifier);
  }
  take('languages', [...new Set([...kept.languages, ...merged.languages])]);
  take('interpreterNeeded', kept.interpreterNeeded || merged.interpreterNeeded);
  take('atRisk', kept.atRisk || merged.atRisk);
  return filled;
}

/** The person, locked until the transaction ends: two merges of one record never both go through. */
async function requireOwnPerson({ tx, id }: { tx: Tx; id: string }) {
  const row = await ownPersonForMerge({ tx, id });
  const person = row ? await findPerson({ tx, id }) : null;
  if (!row || !person) throw new OutOfScope('person', id);
  return { row, person };
}

async function recordBoth({
  tx,
  ctx,
  action,
  mergeId,
  keptId,
  mergedId,
  fields,
}: {
  tx: Tx;
  ctx: AccessContext;
  action: 'person.merged' | 'person.merge_reverted';
  mergeId: string;
  keptId: string;
  mergedId: string;
  fields: string[];
}) {
  // Once on each record, so "who touched my record" finds the merge from either side.
  for (const [recordId, other] of [
    [keptId, mergedId],
    [mergedId, keptId],
  ] as const)
    await writeAudit({
      tx,
      actor: actorOf(ctx),
      event: { action, recordType: 'person', recordId, details: { mergeId, otherPersonId: other, fields } },
    });
}

export function mergePeople({
  deps,
  ctx,
  keptId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  keptId: string;
  input: TPersonMergeInput;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx): Promise<TPersonMerge> => {
      const refuse = (code: keyof typeof MERGE_REFUSALS, status = 409) =>
        problems.field('mergedPersonId', code, MERGE_REFUSALS[code], status);
      if (input.mergedPersonId === keptId) throw refuse('self', 400);
      // Both locked in one order (by id), so that two opposite merges wait rather than deadlock.
      const [first, second] = [keptId, input.mergedPersonId].sort();
      const locked = new Map([
        [first!, await requireOwnPerson({ tx, id: first! })],
        [second!, await requireOwnPerson({ tx, id: second! })],
      ]);
      const kept = locked.get(keptId)!;
      const merged = locked.get(input.mergedPersonId)!;
      if (kept.row.merged_into_id) throw problems.field('personId', 'already', MERGE_REFUSALS.already, 409);
      if (merged.row.merged_into_id) throw refuse('already');
      if (merged.row.keeps_others) throw refuse('keepsOthers');
      const block = mergeBlock({
        a: kept.person,
        b: merged.person,
        related: await areRelated({ tx, a: keptId, b: input.mergedPersonId }),
      });
      if (block) throw refuse(block);
      const filled = fillFrom({
        kept: kept.person,
        merged: merged.person,
        referred: await isReferred({ tx, personId: keptId }),
      });
      if (filled.length > 0)
        await tx
          .update(people)
          .set({ ...Object.fromEntries(filled.map((f) => [f.field, f.to])), updatedAt: new Date() })
          .where(eq(people.id, keptId));
      await tx
        .update(people)
        .set({ mergedIntoId: keptId, updatedAt: new Date() })
        .where(eq(people.id, input.mergedPersonId));
      const [merge] = await tx
        .insert(personMerges)
        .values({
          keptPersonId: keptId,
          mergedPersonId: input.mergedPersonId,
          reason: input.reason,
          filled,
          mergedBy: ctx.userId,
        })
        .returning({ id: personMerges.id });
      if (filled.length > 0)
        await tx.insert(personChanges).values({ personId: keptId, changedBy: ctx.userId, changes: filled });
      await recordBoth({
        tx,
        ctx,
        action: 'person.merged',
        mergeId: merge!.id,
        keptId,
        mergedId: input.mergedPersonId,
        fields: filled.map((f) => f.field),
      });
      return (await selectMerges({ tx, where: sql`m.id = ${merge!.id}` }))[0]!;
    },
  });
}

/**
 * Gives both records back: the duplicate is a person of its own again, and the kept record returns
 * each detail it took, unless someone has changed that detail since (then the change stays).
 */
export function revertMerge({
  deps,
  ctx,
  mergeId,
  reason,
}: {
  deps: Deps;
  ctx: AccessContext;
  mergeId: string;
  reason: string;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx): Promise<TPersonMerge> => {
      // Locked first: two reverts of one merge never both restore.
      await tx.execute(sql`select id from person_merges where id = ${mergeId} for update`);
      const [found] = await selectMerges({ tx, where: sql`m.id = ${mergeId}` });
      if (!found) throw new OutOfScope('person', mergeId);
      if (!found.canRevert)
        throw problems.conflict(
          found.revertedAt
            ? { it: 'Questa unione è già stata annullata.', en: 'This merge has already been undone.' }
            : {
                it: 'Annulla l’unione il servizio che ha le due schede.',
                en: 'The merge is undone by the service that holds both records.',
              },
        );
      const kept = (await findPerson({ tx, id: found.kept.id }))!;
      // Birth data decide who may see a person: once referred, what was filled stays.
      const referred = await isReferred({ tx, personId: found.kept.id });
      // The at-risk mark is cleared only with its own reason (person-safety.service.ts), never by an undo.
      const restored = found.filled.filter(
        (f) =>
          f.field !== 'atRisk' &&
          !(referred && PROTECTION_FIELDS.includes(f.field)) &&
          same(kept[f.field as keyof TPerson], f.to),
      );
      if (restored.length > 0) {
        await tx
          .update(people)
          .set({ ...Object.fromEntries(restored.map((f) => [f.field, f.from])), updatedAt: new Date() })
          .where(eq(people.id, found.kept.id));
        await tx.insert(personChanges).values({
          personId: found.kept.id,
          changedBy: ctx.userId,
          changes: restored.map((f) => ({ field: f.field, from: f.to, to: f.from })),
        });
      }
      await tx
        .update(people)
        .set({ mergedIntoId: null, updatedAt: new Date() })
        .where(eq(people.id, found.merged.id));
      await tx
        .update(personMerges)
        .set({ revertedBy: ctx.userId, revertedAt: new Date(), revertReason: reason })
        .where(and(eq(personMerges.id, mergeId), isNull(personMerges.revertedAt)));
      await recordBoth({
        tx,
        ctx,
        action: 'person.merge_reverted',
        mergeId,
        keptId: found.kept.id,
        mergedId: found.merged.id,
        fields: restored.map((f) => f.field),
      });
      return (await selectMerges({ tx, where: sql`m.id = ${mergeId}` }))[0]!;
    },
  });
}

/** The merges a person's record took part in, either side, newest first. */
export function mergesOf({ deps, ctx, personId }: { deps: Deps; ctx: AccessContext; personId: string }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      if (!(await findPerson({ tx, id: personId }))) throw new OutOfScope('person', personId);
      const merges = await selectMerges({
        tx,
        where: sql`(m.kept_person_id = ${personId} or m.merged_person_id = ${personId})`,
      });
      if (merges.length > 0)
        await writeAudit({
          tx,
          actor: actorOf(ctx),
          event: {
            action: 'person.merges_read',
            recordType: 'person',
            recordId: personId,
            details: { merges: merges.map((m) => m.id) },
          },
        });
      return merges;
    },
  });
}
