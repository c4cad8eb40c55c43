import { ZAuditOutcomeSchema } from '../../../contracts/index.js';
import { optionalString, positiveInt } from '../../routing/search.js';
import type { AuditFilters } from './audit-api.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Filters live in the URL so a DPO can bookmark or share a query (they hold no personal data). */
export function parseAuditSearch(search: Record<string, unknown>): AuditFilters {
  const outcome = ZAuditOutcomeSchema.safeParse(search.outcome);
  const date = (v: unknown) => (typeof v === 'string' && DATE.test(v) ? v : undefined);
  return {
    actorUserId: optionalString(search.actorUserId, 36),
    action: optionalString(search.action, 80),
    recordType: optionalString(search.recordType, 80),
    recordId: optionalString(search.recordId, 80),
    outcome: outcome.success ? outcome.data : undefined,
    from: date(search.from),
    to: date(search.to),
    page: search.page === undefined ? undefined : positiveInt(search.page),
  };
}
