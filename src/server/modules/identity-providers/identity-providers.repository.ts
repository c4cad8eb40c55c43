import { asc, eq, type SQL } from 'drizzle-orm';
import type { TIdentityProvider } from '../../../contracts/identity-providers.js';
import { identityProviders } from '../../platform/auth/oidc.sql.js';
import type { Tx } from '../../platform/db/client.js';
import { organisations } from '../../platform/tenancy/tenancy.sql.js';

/**
 * Registrations as the admin reads them, with the organisation's name. The client secret is not
 * among the columns: trama_app cannot read it (migration 0016), and no answer carries it.
 */
const columns = {
  id: identityProviders.id,
  organisationId: identityProviders.organisationId,
  organisationName: organisations.name,
  name: identityProviders.name,
  issuer: identityProviders.issuer,
  clientId: identityProviders.clientId,
  allowedDomains: identityProviders.allowedDomains,
  mfaAmrValues: identityProviders.mfaAmrValues,
  mfaAcrValues: identityProviders.mfaAcrValues,
  enabled: identityProviders.enabled,
  createdAt: identityProviders.createdAt,
  updatedAt: identityProviders.updatedAt,
};

function select(tx: Tx, where?: SQL) {
  const query = tx
    .select(columns)
    .from(identityProviders)
    .innerJoin(organisations, eq(organisations.id, identityProviders.organisationId));
  return (where ? query.where(where) : query).orderBy(asc(organisations.name), asc(identityProviders.name));
}

function toProvider(row: Awaited<ReturnType<typeof select>>[number]): TIdentityProvider {
  return { ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}

export async function listProviders({ tx }: { tx: Tx }) {
  return (await select(tx)).map(toProvider);
}

export async function findProvider({ tx, id }: { tx: Tx; id: string }) {
  const [row] = await select(tx, eq(identityProviders.id, id));
  return row ? toProvider(row) : null;
}
