// Every table of the platform, for drizzle-kit and for typed queries. Modules export their own.
export * from '../access/access.sql.js';
export * from '../audit/audit.sql.js';
export * from '../auth/auth.sql.js';
export * from '../auth/oidc.sql.js';
export * from '../exports/exports.sql.js';
export * from '../http/idempotency.sql.js';
export * from '../jobs/jobs.sql.js';
export * from '../storage/storage.sql.js';
export * from '../tenancy/tenancy.sql.js';
