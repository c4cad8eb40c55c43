import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import type { AuditAction } from '../../platform/audit/audit-events.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import type { Tx } from '../../platform/db/client.js';
import type { WEBSITE_RECORD_TABLES } from './website.audit.js';

export function auditWebsite({
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
  recordType: keyof typeof WEBSITE_RECORD_TABLES;
  recordId?: string;
  details?: Record<string, unknown>;
}) {
  return writeAudit({ tx, actor: actorOf(ctx), event: { action, recordType, recordId, details } });
}
