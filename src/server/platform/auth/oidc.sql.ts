import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations, users } from '../tenancy/tenancy.sql.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * An organisation's own OpenID Connect identity provider, registered by an admin. A login through
 * it maps to an existing account of that organisation (by verified e-mail in an allowed domain);
 * it never creates an account or grants a role (ADR 0014).
 */
export const identityProviders = pgTable(
  'identity_providers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** Shown on the sign-in page: "Accedi con <name>". */
    name: text('name').notNull(),
    issuer: text('issuer').notNull().unique(),
    clientId: text('client_id').notNull(),
    /** Encrypted with the field keyring (context identity_providers.client_secret + id). */
    clientSecretEncrypted: text('client_secret_encrypted').notNull(),
    /** E-mail domains whose users may sign in through this provider, lower case. */
    allowedDomains: text('allowed_domains').array().notNull().default(sql`'{}'::text[]`),
    /** `amr` values that count as a second factor done at the provider (e.g. mfa, otp, hwk). */
    mfaAmrValues: text('mfa_amr_values').array().notNull().default(sql`'{}'::text[]`),
    /** `acr` values that count as a second factor done at the provider. */
    mfaAcrValues: text('mfa_acr_values').array().notNull().default(sql`'{}'::text[]`),
    enabled: boolean('enabled').notNull().default(true),
    createdBy: uuid('created_by').references(() => users.id),
    /** Who last changed what decides whose logins it accepts and how (ADR 0014: second person). */
    changedBy: uuid('changed_by').references(() => users.id),
    /** A second person (another admin, or a DPO) approved the provider as it now stands. */
    approvedBy: uuid('approved_by').references(() => users.id),
    approvedAt: ts('approved_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('identity_providers_organisation_idx').on(t.organisationId)],
);

/**
 * A sign-in through a provider in flight: the state (hashed), the nonce and the PKCE verifier,
 * kept in the database so any instance can finish it and a state is used once.
 */
export const oidcLogins = pgTable('oidc_logins', {
  stateHash: text('state_hash').primaryKey(),
  providerId: uuid('provider_id')
    .notNull()
    .references(() => identityProviders.id, { onDelete: 'cascade' }),
  nonce: text('nonce').notNull(),
  codeVerifier: text('code_verifier').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  consumedAt: ts('consumed_at'),
});
