import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  ZIdentityProviderCreateSchema,
  ZIdentityProviderUpdateSchema,
} from '../../../contracts/identity-providers.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { notFoundAudited } from '../../platform/access/not-found.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { identityProviders } from '../../platform/auth/oidc.sql.js';
import { callbackUrlOf } from '../../platform/auth/sso.service.js';
import { encryptField, type Keyring } from '../../platform/crypto/field-crypto.js';
import { rethrowConstraintViolation } from '../../platform/db/pg-errors.js';
import type { Deps } from '../../platform/deps.js';
import { findProvider, listProviders } from './identity-providers.repository.js';

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

export async function listIdentityProviders({ deps, ctx }: { deps: Deps; ctx: AccessContext }) {
  const providers = await scoped({ db: deps.db, ctx, work: (tx) => listProviders({ tx }) });
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
  // The id is chosen here: the secret's encryption names its row before the row exists.
  const id = randomUUID();
  const secret = sealSecret({ keyring: deps.keyring, id, secret: input.clientSecret });
  try {
    return await scoped({
      db: deps.db,
      ctx,
      work: async (tx) => {
        // Columns written out: trama_app may insert these and no others (migration 0016).
        await tx.execute(sql`insert into identity_providers (id, organisation_id, name, issuer, client_id,
            client_secret_encrypted, allowed_domains, mfa_amr_values, mfa_acr_values, enabled, created_by)
          values (${id}, ${input.organisationId}, ${input.name}, ${input.issuer}, ${input.clientId}, ${secret},
            ${textArray(input.allowedDomains)}, ${textArray(input.mfaAmrValues)}, ${textArray(input.mfaAcrValues)},
            ${input.enabled}, ${ctx.userId})`);
        await writeAudit({
          tx,
          actor: actorOf(ctx),
          event: { action: 'identity_provider.created', recordType: 'identity_provider', recordId: id },
        });
        return (await findProvider({ tx, id }))!;
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
  const { clientSecret, ...fields } = input;
  const updated = await scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const rows = await tx
        .update(identityProviders)
        .set({
          ...fields,
          ...(clientSecret === undefined
            ? {}
            : { clientSecretEncrypted: sealSecret({ keyring: deps.keyring, id, secret: clientSecret }) }),
          // A new version: the sign-in flow discovers the provider again with what changed.
          updatedAt: sql`now()`,
        })
        .where(eq(identityProviders.id, id))
        .returning({ id: identityProviders.id });
      if (rows.length === 0) return null;
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'identity_provider.updated',
          recordType: 'identity_provider',
          recordId: id,
          // Which fields changed, never their values (the secret above all).
          details: { fields: Object.keys(input).sort() },
        },
      });
      return findProvider({ tx, id });
    },
  });
  return updated ?? notFoundAudited({ db: deps.db, ctx, recordType: 'identity_provider', id });
}

/** A list of text as a PostgreSQL text[], one parameter per item. */
function textArray(values: readonly string[]) {
  return sql`array[${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )}]::text[]`;
}
