import { sealPending, verifyChain } from '../platform/audit/audit-chain.js';
import { runMigrations } from '../platform/db/migrate.js';
import { openForCli } from './cli-common.js';

// Seals what is committed, then walks the whole chain; exit code 2 when a link is broken.
const { database } = await openForCli();
await runMigrations(database);
await sealPending({ database });
const result = await verifyChain({ database });
await database.close();
if (result.intact) {
  console.log(`audit chain intact: ${result.checked} events verified, ${result.unsealed} not yet sealed`);
} else {
  const b = result.firstBroken!;
  console.log(
    `audit chain BROKEN at link ${b.chainSeq}${b.eventId ? ` (event id ${b.eventId})` : ''}: ${b.problem}; ${result.checked} events verified before it`,
  );
  process.exitCode = 2;
}
