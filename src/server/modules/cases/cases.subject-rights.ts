import { sql } from 'drizzle-orm';
import type { AuditActor } from '../../platform/audit/audit-events.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import { problems } from '../../platform/http/problem.js';
import type { Rectification } from '../../platform/retention/record-erasure.js';
import { personChanges } from './cases.sql.js';
import { isReferred, same } from './person-edits.service.js';

/**
 * A data subject's rectification and restriction (GDPR arts. 16 and 18; issue 23), applied to the
 * person's record for the DPO, as the system, in the DPO's transaction. A rectification goes into
 * the person's history like an operator's correction; birth data, which decide who may see a minor,
 * follow the same rule as the service's own edit. A restriction marks the record: the database then
 * refuses to change it or to bring it into a new referral or session (migration 0052).
 */
const FIELDS = [
  ['givenName', 'given_name'],
  ['familyName', 'family_name'],
  ['birthDate', 'birth_date'],
] as const;

export async function rectify({
  tx,
  personId,
  corrections,
  actor,
}: {
  tx: Tx;
  personId: string;
  corrections: Rectification;
  actor: AuditActor;
}): Promise<string[]> {
  const [current] = await queryRows<{ given_name: string; family_name: string; birth_date: string | null }>(
    tx,
    sql`select given_name, family_name, birth_date::text from people where id = ${personId} and merged_into_id is null`,
  );
  if (!current)
    throw problems.conflict({
      it: 'La scheda della persona è stata unita a un’altra: la rettifica va fatta dal servizio sulla scheda tenuta.',
      en: 'The person’s record was merged into another: the service corrects the kept record.',
    });
  const changes = FIELDS.filter(([field, column]) => {
    const to = corrections[field];
    return to !== undefined && !same(current[column], to.trim());
  }).map(([field, column]) => ({ field, from: current[column], to: corrections[field]!.trim() }));
  if (changes.length === 0) return [];
  if (changes.some((c) => c.field === 'birthDate') && (await isReferred({ tx, personId })))
    throw problems.field('corrections.birthDate', 'referred', {
      it: 'La persona è stata inviata a un servizio: la data di nascita decide chi può vederla (un minore) e la corregge il servizio che ha il caso.',
      en: 'The person has been referred: the birth date decides who may see them (a minor), and the service that has the case corrects it.',
    });
  const value = (field: (typeof FIELDS)[number][0]) => changes.find((c) => c.field === field)?.to;
  // A record restricted pending the check of its accuracy (art. 18(1)(a)) is the one being corrected.
  await tx.execute(sql`select set_config('trama.subject_rectifying', 'on', true)`);
  await tx.execute(sql`update people set
      given_name = coalesce(${value('givenName') ?? null}, given_name),
      family_name = coalesce(${value('familyName') ?? null}, family_name),
      birth_date = coalesce(${value('birthDate') ?? null}::date, birth_date),
      birth_year = case when ${value('birthDate') ?? null}::date is null then birth_year
                        else extract(year from ${value('birthDate') ?? null}::date)::smallint end,
      updated_at = now()
    where id = ${personId}`);
  await tx.execute(sql`select set_config('trama.subject_rectifying', 'off', true)`);
  await tx.insert(personChanges).values({ personId, changedBy: actor.userId!, changes });
  await writeAudit({
    tx,
    actor,
    event: {
      action: 'person.updated',
      recordType: 'person',
      recordId: personId,
      details: { fields: changes.map((c) => c.field), by: 'data_subject_request' },
    },
  });
  return changes.map((c) => c.field);
}

/** Sets or lifts the restriction of processing on the person's record. */
export async function restrict({ tx, personId, on }: { tx: Tx; personId: string; on: boolean }) {
  await tx.execute(
    on
      ? sql`update people set processing_restricted_at = now() where id = ${personId} and processing_restricted_at is null`
      : sql`update people set processing_restricted_at = null where id = ${personId}`,
  );
}

/** Whether the person's processing is restricted now. */
export async function isRestricted({ tx, personId }: { tx: Tx; personId: string }) {
  const [row] = await queryRows<{ restricted: boolean }>(
    tx,
    sql`select processing_restricted_at is not null as restricted from people where id = ${personId}`,
  );
  return row?.restricted ?? false;
}
