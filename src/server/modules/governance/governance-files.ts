import { sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db/client.js';
import { registerFileAccess } from '../../platform/storage/file-access.js';

/** The record types governance stores files for, and the table the caller must be able to read the record in. */
const FILE_RECORDS = {
  governance_agenda_item: sql`governance_agenda_items`,
  governance_opportunity: sql`governance_opportunities`,
} as const;

/**
 * Governance's one file rule (the platform keeps one per module): a file follows its record — an
 * agenda item's documents whoever reads the meeting, an opportunity's whoever keeps fundraising.
 * Read as the caller, so row-level security (0045_governance_rls) decides.
 */
export function registerGovernanceFiles() {
  registerFileAccess({
    module: 'governance',
    canRead: async ({ tx, file }) => {
      const table = FILE_RECORDS[file.recordType as keyof typeof FILE_RECORDS];
      if (!table || !file.recordId) return false;
      const [row] = await queryRows<{ ok: boolean }>(
        tx,
        sql`select exists (select 1 from ${table} where id = ${file.recordId}) as ok`,
      );
      return row?.ok === true;
    },
  });
}
