import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { sealPending } from '../platform/audit/audit-chain.js';
import { keyIdOf, loadCheckpointKey } from '../platform/audit/checkpoint-key.js';
import { verifyAuditTrail } from '../platform/audit/checkpoint-verify.js';
import { ConfigError } from '../platform/config/config.js';
import { runMigrations } from '../platform/db/migrate.js';
import { exitOnStartupError, failCli, openForCli } from './cli-common.js';

/**
 * Seals what is committed, walks the whole chain, then checks it against every signed checkpoint
 * (ADR 0009); exit code 2 when a link or a checkpoint is broken.
 *   --public-key FILE        also trust this public key (PEM), e.g. the one the DPO received by mail
 *   --checkpoints FILE       the checkpoint file (default TRAMA_AUDIT_CHECKPOINT_FILE)
 *   --require-checkpoints    no checkpoint at all is a failure, not a warning
 */
let args: ReturnType<typeof parseOptions>;
try {
  args = parseOptions();
} catch (error) {
  failCli((error as Error).message);
}
function parseOptions() {
  return parseArgs({
    options: {
      'public-key': { type: 'string', multiple: true },
      checkpoints: { type: 'string' },
      'require-checkpoints': { type: 'boolean' },
    },
  }).values;
}

function readPublicKey(file: string): KeyObject {
  try {
    return createPublicKey(readFileSync(file, 'utf8'));
  } catch {
    throw new ConfigError(`cannot read the public key ${file}: a PEM public key is needed`);
  }
}

const { config, database } = await openForCli();
const publicKeys = new Map<string, KeyObject>();
try {
  const key = loadCheckpointKey({
    config,
    warn: (m) => console.error(`Trama: warning: ${m}`),
    create: false,
  });
  if (key) publicKeys.set(key.keyId, key.publicKey);
  for (const file of args['public-key'] ?? []) {
    const publicKey = readPublicKey(file);
    publicKeys.set(keyIdOf(publicKey), publicKey);
  }
} catch (error) {
  await database.close();
  exitOnStartupError(error);
}
await runMigrations(database);
await sealPending({ database });
const report = await verifyAuditTrail({
  database,
  checkpointFile: args.checkpoints ?? config.auditCheckpointFile,
  publicKeys,
  requireCheckpoints: args['require-checkpoints'] ?? false,
});
await database.close();
for (const line of report.lines) console.log(line);
if (!report.ok) process.exitCode = 2;
