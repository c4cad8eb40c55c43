import { sql } from 'drizzle-orm';
import { PERMIT_STATUSES, type TResidence, type TResidenceRecord } from '../../../contracts/tutela.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { type FieldError, problems } from '../../platform/http/problem.js';
import { refused } from './cases.policy.js';

/**
 * A person's residence status (issue 15, item 8): special data, read one person at a time and
 * audited, never in a list, a household, a case or an export; counted only by the indicator.
 * Written by the household's own service or the clinical team of one of its cases, read also by a
 * supervising coordinator and a break-the-glass grant (trama_worked/readable_households, 0021).
 */

async function requirePerson({ tx, personId }: { tx: Tx; personId: string }) {
  const [row] = await queryRows<{ id: string; writes: boolean }>(
    tx,
    sql`select p.id, p.household_id = any((select trama_worked_households())::uuid[]) as writes
        from people p
        where p.id = ${personId} and p.household_id = any((select trama_readable_households())::uuid[])`,
  );
  if (!row) throw new OutOfScope('person', personId);
  return row;
}

async function residenceOf({ tx, personId }: { tx: Tx; personId: string }): Promise<TResidenceRecord> {
  const [row] = await queryRows<{
    status: TResidenceRecord['status'];
    permit_type: TResidenceRecord['permitType'];
    expires_on: string | null;
    expired: boolean;
    updated_at: Date;
  }>(
    tx,
    sql`select status, permit_type, to_char(expires_on, 'YYYY-MM-DD') as expires_on,
          coalesce(expires_on < current_date, false) as expired, updated_at
        from person_residence where person_id = ${personId}`,
  );
  return {
    personId,
    status: row?.status ?? null,
    permitType: row?.permit_type ?? null,
    expiresOn: row?.expires_on ?? null,
    expired: row?.expired ?? false,
    updatedAt: row ? new Date(row.updated_at).toISOString() : null,
  };
}

/** A permit type and an expiry belong to a status that rests on a permit, and only to one. */
function residenceProblems(input: TResidence): FieldError[] {
  if ((PERMIT_STATUSES as readonly string[]).includes(input.status)) return [];
  const onlyWithPermit = {
    it: 'Solo per chi ha (o ha chiesto) un permesso di soggiorno.',
    en: 'Only for someone holding (or awaiting) a residence permit.',
  };
  return (['permitType', 'expiresOn'] as const)
    .filter((f) => input[f])
    .map((field) => ({ field, code: 'not_a_permit_status', message: onlyWithPermit }));
}

export async function readResidence({
  deps,
  ctx,
  personId,
}: {
  deps: Deps;
  ctx: AccessContext;
  personId: string;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requirePerson({ tx, personId });
      const found = await residenceOf({ tx, personId });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'residence.read', recordType: 'person', recordId: personId },
      });
      return found;
    },
  });
}

export async function updateResidence({
  deps,
  ctx,
  personId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  personId: string;
  input: TResidence;
}) {
  const errors = residenceProblems(input);
  if (errors.length > 0) throw problems.fields(errors);
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const person = await requirePerson({ tx, personId });
      if (!person.writes)
        throw refused({
          it: 'La condizione di soggiorno la registrano il servizio del nucleo e l’équipe clinica dei suoi casi.',
          en: 'The residence status is recorded by the household’s service and the clinical team of its cases.',
        });
      const permitType = input.permitType ?? null;
      const expiresOn = input.expiresOn ?? null;
      await tx.execute(
        sql`insert into person_residence (person_id, status, permit_type, expires_on, recorded_by)
            values (${personId}, ${input.status}, ${permitType}, ${expiresOn}, ${ctx.userId})
            on conflict (person_id) do update set status = excluded.status, permit_type = excluded.permit_type,
              expires_on = excluded.expires_on, recorded_by = excluded.recorded_by, updated_at = now()`,
      );
      // The values are special data: the event names the person, never the status.
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'residence.updated', recordType: 'person', recordId: personId },
      });
      return residenceOf({ tx, personId });
    },
  });
}
