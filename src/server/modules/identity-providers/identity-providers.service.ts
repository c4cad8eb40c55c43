import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  ZIdentityProviderCreateSchema,
  ZIdentityProviderUpdateSchema,
} from '../../../contracts/identity-providers.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { notFoundAudited, OutOfScope } from '../../platform/access/not-found.js';
import { writeAudit, writeAuditApart } from '../../platform/audit/audit-writer.js';
import { identityProviders } from '../../platform/auth/oidc.sql.js';
import { callbackUrlOf } from '../../platform/auth/sso.service.js';
import { isLocalHttpIssuer } from '../../platform/auth/sso-discovery.js';
import { requireRecentStepUp } from '../../platform/auth/step-up.js';
import { encryptField, type Keyring } from '../../platform/crypto/field-crypto.js';
import { queryRows, sqlArray, type Tx } from '../../platform/db/client.js';
import { rethrowConstraintViolation } from '../../platform/db/pg-errors.js';
import type { Deps } from '../../platform/deps.js';
import { HttpProblem, problems } from '../../platform/http/problem.js';
import {
  findProvider,
  findProviderRow,
  listProviders,
  mayApprove,
  type ProviderRow,
} from './identity-providers.repository.js';

/** The secret is bound to its row (associated data), as `keys:rotate` expects (encrypted-columns.ts). */
function sealSecret({ keyring, id, secret }: { keyring: Keyring; id: string; secret: string }) {
  return encryptField({ keyring, plaintext: secret, context: `identity_providers.client_secret:${id}` });
}

const ISSUER_TAKEN = {
  unique: {
    field: 'issuer',
    message: {
      it: 'Questo servizio di accesso è già registrato.',
      en: 'This identity provider is already registered.',
    },
  },
  reference: {
    field: 'organisationId',
    message: { it: 'Ente inesistente.', en: 'Unknown organisation.' },
  },
};

/** Registering or changing a provider decides who can enter Trama: a fresh second factor first. */
const STEP_UP_TO_CHANGE = {
  it: "Per registrare o modificare un servizio di accesso dell'ente conferma il codice della tua app di autenticazione.",
  en: "To register or change an organisation's identity provider, confirm the code from your authenticator app.",
};
const STEP_UP_TO_APPROVE = {
  it: "Per approvare un servizio di accesso dell'ente conferma il codice della tua app di autenticazione.",
  en: "To approve an organisation's identity provider, confirm the code from your authenticator app.",
};

const OWN_CHANGE = new HttpProblem(
  403,
  'second-person-required',
  { it: 'Approvazione non consentita', en: 'Approval not allowed' },
  {
    it: 'Serve una seconda persona: non puoi approvare una modifica tua.',
    en: 'A second person is needed: you cannot approve your own change.',
  },
);

const ALREADY_APPROVED = problems.conflict({
  it: "Questo servizio di accesso è già approvato così com'è.",
  en: 'This identity provider is already approved as it stands.',
});

/** The non-secret settings a registration's audit keeps, as the DPO will want to read them back. */
function settingsOf(row: ProviderRow) {
  return {
    organisation: row.organisationName,
    name: row.name,
    issuer: row.issuer,
    clientId: row.clientId,
    allowedDomains: row.allowedDomains,
    mfaAmrValues: row.mfaAmrValues,
    mfaAcrValues: row.mfaAcrValues,
    enabled: row.enabled,
  };
}

type Settings = ReturnType<typeof settingsOf>;

/** Each non-secret setting that changed, as its old and new value. */
function changesBetween(before: Settings, after: Settings) {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after) as (keyof Settings)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key]))
      changes[key] = { from: before[key], to: after[key] };
  }
  return changes;
}

/**
 * A plain-http issuer on this computer only where the server allows it (tests, demos): the
 * contract cannot know the server's configuration, so the service says no here.
 */
function requireAllowedIssuer(deps: Deps, issuer: string) {
  if (!deps.config.ssoAllowInsecureLocalIssuer && isLocalHttpIssuer(new URL(issuer)))
    throw problems.field('issuer', 'https_required', {
      it: 'Serve un indirizzo https: questo server non accetta servizi di accesso in http.',
      en: 'An https address is needed: this server does not accept identity providers over http.',
    });
}

export async function listIdentityProviders({ deps, ctx }: { deps: Deps; ctx: AccessContext }) {
  const providers = await scoped({ db: deps.db, ctx, work: (tx) => listProviders({ tx, ctx }) });
  return { redirectUri: callbackUrlOf(deps), providers };
}

export async function createIdentityProvider({
  deps,
  ctx,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  input: z.infer<typeof ZIdentityProviderCreateSchema>;
}) {
  requireAllowedIssuer(deps, input.issuer);
  requireRecentStepUp({ ctx, why: STEP_UP_TO_CHANGE });
  // The id is chosen here: the secret's encryption names its row before the row exists.
  const id = randomUUID();
  const secret = sealSecret({ keyring: deps.keyring, id, secret: input.clientSecret });
  try {
    return await scoped({
      db: deps.db,
      ctx,
      work: async (tx) => {
        // Columns written out: trama_app may insert these and no others (migration 0016). The
        // trigger (migration 0019) records who registered it and leaves it unapproved.
        await tx.execute(sql`insert into identity_providers (id, organisation_id, name, issuer, client_id,
            client_secret_encrypted, allowed_domains, mfa_amr_values, mfa_acr_values, enabled, created_by)
          values (${id}, ${input.organisationId}, ${input.name}, ${input.issuer}, ${input.clientId}, ${secret},
            ${sqlArray(input.allowedDomains)}, ${sqlArray(input.mfaAmrValues)}, ${sqlArray(input.mfaAcrValues)},
            ${input.enabled}, ${ctx.userId})`);
        const row = (await findProviderRow({ tx, id }))!;
        await writeAudit({
          tx,
          actor: actorOf(ctx),
          event: {
            action: 'identity_provider.created',
            recordType: 'identity_provider',
            recordId: id,
            // Everything but the secret, which no audit, log or answer ever carries.
            details: { ...settingsOf(row), clientSecret: 'set' },
          },
        });
        return (await findProvider({ tx, ctx, id }))!;
      },
    });
  } catch (error) {
    rethrowConstraintViolation(error, ISSUER_TAKEN);
  }
}

export async function updateIdentityProvider({
  deps,
  ctx,
  id,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  input: z.infer<typeof ZIdentityProviderUpdateSchema>;
}) {
  requireRecentStepUp({ ctx, why: STEP_UP_TO_CHANGE });
  const { clientSecret, ...fields } = input;
  const updated = await scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const before = await findProviderRow({ tx, id });
      if (!before) return null;
      await tx
        .update(identityProviders)
        .set({
          ...fields,
          ...(clientSecret === undefined
            ? {}
            : { clientSecretEncrypted: sealSecret({ keyring: deps.keyring, id, secret: clientSecret }) }),
          // A new version: the sign-in flow discovers the provider again with what changed.
          updatedAt: sql`now()`,
        })
        .where(eq(identityProviders.id, id));
      const after = (await findProviderRow({ tx, id }))!;
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'identity_provider.updated',
          recordType: 'identity_provider',
          recordId: id,
          details: {
            fields: Object.keys(input).sort(),
            // Old and new values of what is not secret; of the secret, only that it changed.
            changes: changesBetween(settingsOf(before), settingsOf(after)),
            ...(clientSecret === undefined ? {} : { clientSecret: 'changed' }),
            // The trigger (migration 0019) withdraws the approval when what the provider is trusted with changes.
            approvalWithdrawn: before.approvedAt !== null && after.approvedAt === null,
          },
        },
      });
      return findProvider({ tx, ctx, id });
    },
  });
  return updated ?? notFoundAudited({ db: deps.db, ctx, recordType: 'identity_provider', id });
}

type ApprovalOutcome = 'approved' | 'own_change' | 'already_approved' | 'not_found';

/**
 * A second person — another admin or a DPO — approves a provider as it stands; only then does it
 * accept sign-ins (ADR 0014). The database function decides (identity_provider_approve, migration
 * 0019: the row locked, never the person who made the last change); the checks before it only
 * spare a step-up that could not lead anywhere.
 */
export async function approveIdentityProvider({
  deps,
  ctx,
  id,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
}) {
  try {
    return await approveInScope({ deps, ctx, id });
  } catch (error) {
    // Approving one's own change is a refused authorisation: kept, in its own transaction.
    if (error === OWN_CHANGE)
      await writeAuditApart({
        db: deps.db,
        actor: actorOf(ctx),
        event: {
          action: 'access.denied',
          outcome: 'denied',
          recordType: 'identity_provider',
          recordId: id,
          details: { reason: 'own_change' },
        },
      });
    throw error;
  }
}

function approveInScope({ deps, ctx, id }: { deps: Deps; ctx: AccessContext; id: string }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const row = await findProviderRow({ tx, id });
      if (!row) throw new OutOfScope('identity_provider', id);
      if (row.approvedAt !== null) throw ALREADY_APPROVED;
      if (!mayApprove(row, ctx)) throw OWN_CHANGE;
      requireRecentStepUp({ ctx, why: STEP_UP_TO_APPROVE });
      const outcome = await approve(tx, id);
      if (outcome === 'not_found') throw new OutOfScope('identity_provider', id);
      if (outcome === 'own_change') throw OWN_CHANGE;
      if (outcome === 'already_approved') throw ALREADY_APPROVED;
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'identity_provider.approved',
          recordType: 'identity_provider',
          recordId: id,
          // What was approved, as it stood, and whose change it was: a later change withdraws it.
          details: { ...settingsOf(row), changedBy: row.lastChangedBy },
        },
      });
      return (await findProvider({ tx, ctx, id }))!;
    },
  });
}

async function approve(tx: Tx, id: string): Promise<ApprovalOutcome> {
  const [row] = await queryRows<{ outcome: ApprovalOutcome }>(
    tx,
    sql`select identity_provider_approve(${id}) as outcome`,
  );
  return row!.outcome;
}
