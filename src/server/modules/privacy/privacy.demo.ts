import { sql } from 'drizzle-orm';
import type { DemoSeedContext } from '../../platform/module.js';

/** The household of the demo's old cases that a court proceeding keeps (cases-retention.demo.ts). */
const HELD_HOUSEHOLD = 'N-ARCHIV3';

/**
 * A legal hold on one of the old closed cases (issue 23): the DPO's dry run lists it as held, with
 * the hold's reason and reference, and the anonymisation leaves it as it is.
 */
export async function seedDemoPrivacy({ tx, userIds }: DemoSeedContext) {
  await tx.execute(sql`insert into privacy_legal_holds (household_id, reason, reference, starts_on, created_by)
      select h.id, 'Procedimento penale in corso: il tribunale ha chiesto di conservare la documentazione.',
             'RG 1234/2025 Tribunale di Bergamo', (now() at time zone 'Europe/Rome')::date - 30, ${userIds.get('dpo')!}
        from households h where h.code = ${HELD_HOUSEHOLD}`);
}
