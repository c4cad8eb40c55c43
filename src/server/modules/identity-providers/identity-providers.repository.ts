import { asc, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { TIdentityProvider } from '../../../contracts/identity-providers.js';
import type { AccessContext } from '../../platform/access/access-context.js';
import { identityProviders } from '../../platform/auth/oidc.sql.js';
import type { Tx } from '../../platform/db/client.js';
import { organisations, users } from '../../platform/tenancy/tenancy.sql.js';

/**
 * Registrations as an admin or a DPO reads them, with the organisation's name and who changed and
 * approved each. The client secret is not among the columns: trama_app cannot read it (migration
 * 0016), and no answer carries it.
 */
const changer = alias(users, 'changer');
const approver = alias(users, 'approver');

/** The person whose change awaits (or got) a second person's approval: the last change, or the registration. */
const lastChangedBy = sql<
  string | null
>`coalesce(${identityProviders.changedBy}, ${identityProviders.createdBy})`;

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
  lastChangedBy,
  changedByName: changer.displayName,
  approvedByName: approver.displayName,
  approvedAt: identityProviders.approvedAt,
};

function select(tx: Tx, where?: SQL) {
  const query = tx
    .select(columns)
    .from(identityProviders)
    .innerJoin(organisations, eq(organisations.id, identityProviders.organisationId))
    .leftJoin(changer, eq(changer.id, lastChangedBy))
    .leftJoin(approver, eq(approver.id, identityProviders.approvedBy));
  return (where ? query.where(where) : query).orderBy(asc(organisations.name), asc(identityProviders.name));
}

export type ProviderRow = Awaited<ReturnType<typeof select>>[number];

/** Who may approve: an admin or a DPO, never the person whose change it is (the database's rule too). */
export function mayApprove(row: ProviderRow, ctx: AccessContext) {
  return (
    (ctx.role === 'admin' || ctx.role === 'dpo') &&
    row.approvedAt === null &&
    row.lastChangedBy !== ctx.userId
  );
}

function toProvider(row: ProviderRow, ctx: AccessContext): TIdentityProvider {
  const { lastChangedBy: _who, ...fields } = row;
  return {
    ...fields,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    approvedAt: row.approvedAt?.toISOString() ?? null,
    canApprove: mayApprove(row, ctx),
  };
}

export async function listProviders({ tx, ctx }: { tx: Tx; ctx: AccessContext }) {
  return (await select(tx)).map((row) => toProvider(row, ctx));
}

export async function findProviderRow({ tx, id }: { tx: Tx; id: string }) {
  const [row] = await select(tx, eq(identityProviders.id, id));
  return row ?? null;
}

export async function findProvider({ tx, ctx, id }: { tx: Tx; ctx: AccessContext; id: string }) {
  const row = await findProviderRow({ tx, id });
  return row ? toProvider(row, ctx) : null;
}
