import { sql } from 'drizzle-orm';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import type { AuditAction } from '../../platform/audit/audit-events.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import type { Tx } from '../../platform/db/client.js';
import { erasureOf, type RecordErasure } from '../../platform/retention/record-erasure.js';
import type { PRIVACY_RECORD_TABLES } from './privacy.audit.js';

/** Today in Rome: the day periods and holds are counted in. */
export const TODAY = sql`(now() at time zone 'Europe/Rome')::date`;

export function auditPrivacy({
  tx,
  ctx,
  action,
  recordType,
  recordId,
  details,
}: {
  tx: Tx;
  ctx: AccessContext;
  action: AuditAction;
  recordType: keyof typeof PRIVACY_RECORD_TABLES | 'household';
  recordId?: string;
  details?: Record<string, unknown>;
}) {
  return writeAudit({ tx, actor: actorOf(ctx), event: { action, recordType, recordId, details } });
}

/** Case management's erasure: the only class the retention run acts on so far (ADR 0026). */
export function caseErasure(): RecordErasure {
  const erasure = erasureOf('case_record');
  if (!erasure) throw new Error('case management is not mounted: nothing to anonymise');
  return erasure;
}

/** A hold in force on a day: started, not ended, not lifted. */
export const holdInForce = (alias: string) =>
  sql.raw(
    `${alias}.lifted_at is null and ${alias}.starts_on <= (now() at time zone 'Europe/Rome')::date and (${alias}.ends_on is null or ${alias}.ends_on >= (now() at time zone 'Europe/Rome')::date)`,
  );
