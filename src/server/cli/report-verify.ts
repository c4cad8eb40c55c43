import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readReportSeal } from '../modules/impact/impact-verify.js';
import { keyIdOf, loadCheckpointKey } from '../platform/audit/checkpoint-key.js';
import { loadConfig } from '../platform/config/config.js';
import { exitOnStartupError, failCli } from './cli-common.js';

/**
 * Checks an impact report's file (PDF or XLSX) offline: its seal's Ed25519 signature against the
 * platform's public key, and that no byte changed since it was sealed (issue 25, item 4). Never
 * opens the database, so it runs beside a running Trama. Exit code 0 when valid, 2 when not.
 *   npm run report:verify -- <file> [--public-key FILE]   (the key sent with the report, PEM)
 */
let parsed: ReturnType<typeof parseOptions>;
try {
  parsed = parseOptions();
} catch (error) {
  failCli((error as Error).message);
}
function parseOptions() {
  return parseArgs({
    allowPositionals: true,
    options: { 'public-key': { type: 'string', multiple: true } },
  });
}

const file = parsed.positionals[0];
if (!file || parsed.positionals.length > 1)
  failCli('usage: npm run report:verify -- <file> [--public-key FILE]');

const publicKeys = new Map<string, KeyObject>();
let bytes: Buffer;
try {
  const key = loadCheckpointKey({ config: loadConfig(), warn: () => {}, create: false });
  if (key) publicKeys.set(key.keyId, key.publicKey);
  for (const path of parsed.values['public-key'] ?? []) {
    const publicKey = createPublicKey(readFileSync(path, 'utf8'));
    publicKeys.set(keyIdOf(publicKey), publicKey);
  }
  bytes = readFileSync(file);
} catch (error) {
  exitOnStartupError(error);
}
if (publicKeys.size === 0)
  failCli('no public key: pass --public-key FILE (the key published with the report)');

const result = readReportSeal({ bytes, publicKeys });
if (!result.valid || !result.report) {
  console.error(`NOT VALID: ${file}: ${result.problem}`);
  process.exit(2);
}
const r = result.report;
console.log(
  [
    `VALID: ${file}`,
    `  report ${r.id}, period ${r.period}, ${r.final ? 'final (period locked)' : 'DRAFT (period not locked)'}`,
    `  ${r.format.toUpperCase()} in ${r.lang === 'it' ? 'Italian' : 'English'}, sealed ${r.signedAt}`,
    `  content SHA-256 ${r.contentHash}, signed by key ${r.keyId}`,
  ].join('\n'),
);
