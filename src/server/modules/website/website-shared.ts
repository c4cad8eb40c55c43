import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import type { AuditAction } from '../../platform/audit/audit-events.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import type { Tx } from '../../platform/db/client.js';
import { registerFileAccess } from '../../platform/storage/file-access.js';
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

/**
 * Where a website file belongs for platform/storage: a chapter's video, poster or signed release
 * (`site_page`), or an image of the library (`site_media`). Editors read them all (the module's
 * file rule); what the public sees is only the copies publication makes. Kept as reference data.
 */
export const siteFileOwner = (recordType: 'site_page' | 'site_media', recordId: string | null) =>
  ({ module: 'website', recordType, recordId, dataClass: 'ordinary', retentionClass: 'reference' }) as const;

/** The module's file rule: editors open the website's files (a video before publication, a signed release). */
export function registerWebsiteFiles() {
  registerFileAccess({ module: 'website', canRead: async ({ ctx }) => ctx.permissions.has('website.edit') });
}
