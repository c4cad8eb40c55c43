import { ZAuditQuerySchema } from '../../../contracts/index.js';
import { contractSearch } from '../../routing/search.js';

const { actor, action, recordType, recordId, code, result, from, to, page } = ZAuditQuerySchema.shape;

/**
 * Filters live in the URL so a DPO can bookmark or share a query (a name typed, a record's code,
 * words of the vocabulary). They are read with the API's own query schema: a value the server
 * would refuse is dropped.
 */
export const parseAuditSearch = contractSearch({
  actor,
  action,
  recordType,
  recordId,
  code,
  result,
  from,
  to,
  page,
});
