// Every table of the platform, for drizzle-kit and for typed queries. Modules export their own.
export * from '../access/access.sql.js';
export * from '../audit/audit.sql.js';
export * from '../auth/auth.sql.js';
export * from '../tenancy/tenancy.sql.js';
