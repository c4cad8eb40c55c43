import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZConflictInputSchema } from '../../../contracts/mediation.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { decryptField, encryptField } from '../../platform/crypto/field-crypto.js';
import { isoTime, queryRows } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { isMediationCoordinator, requireMediationCoordinator } from './mediation.policy.js';
import { releaseUnsuitable } from './mediation-booking.js';

/** Declared conflicts: the mediation coordinator only. Subjects are shown by code, never by name. */
export async function listConflicts({
  deps,
  ctx,
  mediatorId,
}: {
  deps: Deps;
  ctx: AccessContext;
  mediatorId: string;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      if (!(await isMediationCoordinator(tx))) throw new OutOfScope('mediator', mediatorId);
      // Judged: the coordinator reads the codes of households they may not otherwise see (never names).
      const rows = await unsafeAsSystem(tx, (sys) =>
        queryRows<{
          id: string;
          kind: 'person' | 'household' | 'community';
          subject: string | null;
          note_encrypted: string | null;
          declared_at: Date;
        }>(
          sys,
          sql`select k.id, k.kind, k.note_encrypted, k.declared_at,
                   case k.kind when 'community' then (select name_it from countries where code = k.country)
                               else trama_household_code(coalesce(k.household_id,
                                      (select p.household_id from people p where p.id = k.person_id))) end as subject
              from mediator_conflicts k where k.mediator_id = ${mediatorId} order by k.declared_at, k.id`,
        ),
      );
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'mediation.conflicts_read', recordType: 'mediator', recordId: mediatorId },
      });
      return {
        items: rows.map((r) => ({
          id: r.id,
          kind: r.kind,
          subject: r.subject ?? '—',
          note: r.note_encrypted
            ? decryptField({
                keyring: deps.keyring,
                value: r.note_encrypted,
                context: `mediator_conflicts.note:${r.id}`,
              })
            : null,
          declaredAt: isoTime(r.declared_at)!,
        })),
      };
    },
  });
}

export async function declareConflict({
  deps,
  ctx,
  mediatorId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  mediatorId: string;
  input: z.infer<typeof ZConflictInputSchema>;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requireMediationCoordinator(tx);
      const [known] = await unsafeAsSystem(tx, (sys) =>
        queryRows<{ mediator: boolean; subject: boolean; household_id: string | null }>(
          sys,
          sql`select exists (select 1 from mediators where id = ${mediatorId}) as mediator,
                     (select id from households where code = ${input.householdCode ?? null}) as household_id,
                     case ${input.kind} when 'person' then exists (select 1 from people where id = ${input.personId ?? null})
                       when 'household' then exists (select 1 from households where code = ${input.householdCode ?? null})
                       else exists (select 1 from countries where code = ${input.country ?? null}) end as subject`,
        ),
      );
      if (!known?.mediator) throw new OutOfScope('mediator', mediatorId);
      const field = { person: 'personId', household: 'householdCode', community: 'country' }[input.kind];
      if (!known.subject) throw problems.field(field, 'unknown', { it: 'Non trovato.', en: 'Not found.' });
      const id = randomUUID();
      await tx.execute(
        sql`insert into mediator_conflicts (id, mediator_id, kind, person_id, household_id, country, note_encrypted, declared_by)
            values (${id}, ${mediatorId}, ${input.kind}, ${input.kind === 'person' ? input.personId : null},
                    ${input.kind === 'household' ? known.household_id : null}, ${input.kind === 'community' ? input.country : null},
                    ${input.note ? encryptField({ keyring: deps.keyring, plaintext: input.note, context: `mediator_conflicts.note:${id}` }) : null},
                    ${ctx.userId})`,
      );
      const released = await releaseUnsuitable(tx, mediatorId);
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'mediation.conflict_declared',
          recordType: 'mediator',
          recordId: mediatorId,
          details: { released },
        },
      });
      return { id };
    },
  });
}

export async function removeConflict({
  deps,
  ctx,
  conflictId,
}: {
  deps: Deps;
  ctx: AccessContext;
  conflictId: string;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      // RLS lets only the mediation coordinator delete: anyone else finds nothing to remove.
      const gone = await queryRows<{ mediator_id: string }>(
        tx,
        sql`delete from mediator_conflicts where id = ${conflictId} returning mediator_id`,
      );
      if (!gone[0]) throw problems.notFound();
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'mediation.conflict_removed',
          recordType: 'mediator',
          recordId: gone[0].mediator_id,
        },
      });
    },
  });
}
