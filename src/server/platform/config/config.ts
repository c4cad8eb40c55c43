import { isIP } from 'node:net';
import { join } from 'node:path';
import { z } from 'zod';
import type { RateLimitSettings } from '../http/rate-limit.js';
import type { FileStoreSettings } from '../storage/file-store.js';

/** Every setting Trama reads, with its default. README.md lists them; keep the two in step. */
const ZConfigSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  TRAMA_MODE: z.enum(['demo', 'production']).default('demo'),
  TRAMA_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  TRAMA_DATA_KEY: z.string().optional(),
  TRAMA_PUBLIC_URL: z.url().optional(),
  /** The public site's accessibility statement, as published through AgID's form, and where to report a problem. */
  TRAMA_ACCESSIBILITY_STATEMENT_URL: z.url().default('https://form.agid.gov.it/'),
  TRAMA_ACCESSIBILITY_FEEDBACK_URL: z
    .string()
    .regex(/^(https:\/\/|mailto:)/, 'must start with https:// or mailto:')
    .default('mailto:accessibilita@trama.localhost'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().default('Trama <noreply@trama.localhost>'),
  TRAMA_TRUST_PROXY: z.string().default('false'),
  TRAMA_AUDIT_SEAL_INTERVAL_MS: z.coerce.number().int().min(100).max(60_000).default(1000),
  TRAMA_AUDIT_SIGNING_KEY: z.string().optional(),
  TRAMA_AUDIT_CHECKPOINT_INTERVAL_MIN: z.coerce.number().int().min(1).max(1440).default(15),
  TRAMA_AUDIT_CHECKPOINT_FILE: z.string().min(1).optional(),
  TRAMA_AUDIT_RETENTION_MONTHS: z.coerce.number().int().min(6).max(1200).default(24),
  TRAMA_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('info'),
  FILE_STORE: z.enum(['disk', 's3']).default('disk'),
  FILE_STORE_DIR: z.string().min(1).optional(),
  S3_ENDPOINT: z.url().optional(),
  S3_BUCKET: z.string().min(1).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).default('true'),
  TRAMA_REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
    .optional(),
  TRAMA_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  TRAMA_RATE_LIMIT_API: z.coerce.number().int().min(1).max(1_000_000_000).default(600),
  TRAMA_RATE_LIMIT_EXPENSIVE: z.coerce.number().int().min(1).max(1_000_000_000).default(20),
  TRAMA_RATE_LIMIT_SIGN_IN: z.coerce.number().int().min(1).max(1_000_000_000).default(60),
  TRAMA_RATE_LIMIT_PER_ADDRESS: z.coerce.number().int().min(1).max(1_000_000_000).default(3000),
  TRAMA_RATE_LIMIT_STATIC: z.coerce.number().int().min(1).max(1_000_000_000).default(1000),
  TRAMA_RATE_LIMIT_PREFIX: z.string().min(1).default('trama:rate-limit:'),
  TRAMA_SSO_ALLOW_INSECURE_LOCAL_ISSUER: z.enum(['true', 'false']).default('false'),
});

export interface Config {
  port: number;
  host: string;
  mode: 'demo' | 'production';
  dataDir: string;
  databaseUrl: string | undefined;
  dataKey: string | undefined;
  publicUrl: string;
  /** The public site's footer links (AGID guidelines): the accessibility statement and its feedback. */
  accessibility?: { statementUrl: string; feedbackUrl: string };
  smtpUrl: string | undefined;
  mailFrom: string;
  /**
   * Which reverse proxies' X-Forwarded-For to believe: none (false), the nearest N hops, or the
   * proxies' own addresses. Never "any": a client could then name its own address and step
   * around every per-address limit and lockout, and write it into the audit trail.
   */
  trustProxy: false | number | string[];
  auditSealIntervalMs: number;
  /** Ed25519 private key (PKCS#8 PEM or base64 DER) signing the audit checkpoints (ADR 0009). */
  auditSigningKey: string | undefined;
  auditCheckpointIntervalMin: number;
  /** Append-only file of signed checkpoints, outside the database. */
  auditCheckpointFile: string;
  /** Months an audit event is kept before the retention job removes it (Garante: 24). */
  auditRetentionMonths: number;
  logLevel: string;
  /** Where stored files' encrypted bytes live (platform/storage): `<dataDir>/files` or an S3 bucket. */
  fileStore: FileStoreSettings;
  /** Request rate limits per window, and where they are counted (platform/http/rate-limit.ts). */
  rateLimits: RateLimitSettings;
  /**
   * Whether an identity provider may be a plain-http one on this computer (tests, demos; ADR 0014).
   * Never in production mode: every other issuer, and every endpoint it names, is https.
   */
  ssoAllowInsecureLocalIssuer: boolean;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ZConfigSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`bad configuration: ${issue.path.join('.')} ${issue.message}`);
  }
  const c = parsed.data;
  if (c.FILE_STORE === 's3' && !(c.S3_BUCKET && c.S3_ACCESS_KEY_ID && c.S3_SECRET_ACCESS_KEY))
    throw new ConfigError('FILE_STORE=s3 needs S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY');
  if (c.TRAMA_MODE === 'production') {
    if (!c.TRAMA_DATA_KEY) throw new ConfigError('missing data key: production mode needs TRAMA_DATA_KEY');
    if (!c.DATABASE_URL) throw new ConfigError('production mode needs DATABASE_URL (PostgreSQL)');
    if (!c.TRAMA_PUBLIC_URL) throw new ConfigError('production mode needs TRAMA_PUBLIC_URL');
    if (!c.TRAMA_AUDIT_SIGNING_KEY)
      throw new ConfigError('production mode needs TRAMA_AUDIT_SIGNING_KEY (audit checkpoint signing key)');
    if (c.TRAMA_SSO_ALLOW_INSECURE_LOCAL_ISSUER === 'true')
      throw new ConfigError(
        'TRAMA_SSO_ALLOW_INSECURE_LOCAL_ISSUER=true is for tests and demos: production mode reaches identity providers over https only',
      );
  }
  return {
    port: c.PORT,
    host: c.HOST,
    mode: c.TRAMA_MODE,
    dataDir: c.TRAMA_DATA_DIR,
    databaseUrl: c.DATABASE_URL,
    dataKey: c.TRAMA_DATA_KEY,
    publicUrl: c.TRAMA_PUBLIC_URL ?? `http://localhost:${c.PORT}`,
    accessibility: {
      statementUrl: c.TRAMA_ACCESSIBILITY_STATEMENT_URL,
      feedbackUrl: c.TRAMA_ACCESSIBILITY_FEEDBACK_URL,
    },
    smtpUrl: c.SMTP_URL,
    mailFrom: c.MAIL_FROM,
    trustProxy: trustedProxiesOf(c.TRAMA_TRUST_PROXY),
    auditSealIntervalMs: c.TRAMA_AUDIT_SEAL_INTERVAL_MS,
    auditSigningKey: c.TRAMA_AUDIT_SIGNING_KEY,
    auditCheckpointIntervalMin: c.TRAMA_AUDIT_CHECKPOINT_INTERVAL_MIN,
    auditCheckpointFile: c.TRAMA_AUDIT_CHECKPOINT_FILE ?? join(c.TRAMA_DATA_DIR, 'audit-checkpoints.jsonl'),
    auditRetentionMonths: c.TRAMA_AUDIT_RETENTION_MONTHS,
    logLevel: c.TRAMA_LOG_LEVEL,
    fileStore:
      c.FILE_STORE === 's3'
        ? {
            kind: 's3',
            endpoint: c.S3_ENDPOINT,
            bucket: c.S3_BUCKET!,
            region: c.S3_REGION,
            accessKeyId: c.S3_ACCESS_KEY_ID!,
            secretAccessKey: c.S3_SECRET_ACCESS_KEY!,
            forcePathStyle: c.S3_FORCE_PATH_STYLE === 'true',
          }
        : { kind: 'disk', dir: c.FILE_STORE_DIR ?? join(c.TRAMA_DATA_DIR, 'files') },
    rateLimits: {
      windowSeconds: c.TRAMA_RATE_LIMIT_WINDOW_SECONDS,
      api: c.TRAMA_RATE_LIMIT_API,
      expensive: c.TRAMA_RATE_LIMIT_EXPENSIVE,
      signIn: c.TRAMA_RATE_LIMIT_SIGN_IN,
      perAddress: c.TRAMA_RATE_LIMIT_PER_ADDRESS,
      staticFiles: c.TRAMA_RATE_LIMIT_STATIC,
      redisUrl: c.TRAMA_REDIS_URL ?? c.REDIS_URL,
      redisPrefix: c.TRAMA_RATE_LIMIT_PREFIX,
    },
    ssoAllowInsecureLocalIssuer: c.TRAMA_SSO_ALLOW_INSECURE_LOCAL_ISSUER === 'true',
  };
}

/** `false`, a number of hops (1–10), or a comma-separated list of proxy addresses or CIDR ranges. */
function trustedProxiesOf(value: string): false | number | string[] {
  const text = value.trim();
  if (text === '' || text === 'false') return false;
  if (text === 'true')
    throw new ConfigError(
      'TRAMA_TRUST_PROXY=true would believe any X-Forwarded-For a client sends: give the number of proxies in front of Trama (e.g. 1) or their addresses (e.g. 10.0.0.5,10.0.1.0/24)',
    );
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops >= 1 && hops <= 10) return hops;
    throw new ConfigError('TRAMA_TRUST_PROXY: a number of proxies must be between 1 and 10');
  }
  const addresses = text.split(',').map((part) => part.trim());
  if (addresses.some((address) => !isAddressOrRange(address)))
    throw new ConfigError(
      'TRAMA_TRUST_PROXY: give false, a number of proxies, or their IP addresses / CIDR ranges separated by commas',
    );
  return addresses;
}

function isAddressOrRange(text: string) {
  const [address, bits, extra] = text.split('/');
  if (extra !== undefined || !address || isIP(address) === 0) return false;
  if (bits === undefined) return true;
  const max = isIP(address) === 4 ? 32 : 128;
  return /^\d+$/.test(bits) && Number(bits) <= max;
}
