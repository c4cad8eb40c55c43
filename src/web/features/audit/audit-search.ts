import { ZAuditQuerySchema } from '../../../contracts/index.js';
import { contractSearch } from '../../routing/search.js';

const { actorUserId, action, recordType, recordId, outcome, from, to, page } = ZAuditQuerySchema.shape;

/**
 * Filters live in the URL so a DPO can bookmark or share a query (they hold no personal data). They
 * are read with the API's own query schema: a value the server would refuse is dropped.
 */
export const parseAuditSearch = contractSearch({
  actorUserId,
  action,
  recordType,
  recordId,
  outcome,
  from,
  to,
  page,
});
