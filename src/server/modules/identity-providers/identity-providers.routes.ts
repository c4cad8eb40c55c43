import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParamsSchema } from '../../../contracts/common.js';
import {
  ZIdentityProviderCreateSchema,
  ZIdentityProviderListSchema,
  ZIdentityProviderSchema,
  ZIdentityProviderUpdateSchema,
} from '../../../contracts/identity-providers.js';
import { requireAccess } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import * as service from './identity-providers.service.js';

export const identityProvidersRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['identity-providers'];
    // An admin registers and changes providers; an admin or a DPO reads them and approves another's change.
    const access = 'identity-providers.manage';
    const review = 'identity-providers.review';

    app.get(
      '/api/identity-providers',
      {
        config: { access: review },
        schema: {
          tags,
          summary: 'The organisations\u2019 identity providers, and the redirect URI to register at each',
          response: { 200: ZIdentityProviderListSchema },
        },
      },
      async (request) => service.listIdentityProviders({ deps, ctx: requireAccess(request) }),
    );

    app.post(
      '/api/identity-providers',
      {
        config: { access },
        schema: {
          tags,
          summary:
            'Register an organisation\u2019s OpenID Connect provider (recent step-up; unapproved until a second person approves it; the secret is never returned)',
          body: ZIdentityProviderCreateSchema,
          response: { 201: ZIdentityProviderSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await service.createIdentityProvider({ deps, ctx: requireAccess(request), input: request.body }),
          ),
    );

    app.patch(
      '/api/identity-providers/:id',
      {
        config: { access },
        schema: {
          tags,
          summary:
            'Change a provider\u2019s name, credentials, domains, second-factor values or state (recent step-up; a change of what it trusts withdraws its approval)',
          params: ZIdParamsSchema,
          body: ZIdentityProviderUpdateSchema,
          response: { 200: ZIdentityProviderSchema },
        },
      },
      async (request) =>
        service.updateIdentityProvider({
          deps,
          ctx: requireAccess(request),
          id: request.params.id,
          input: request.body,
        }),
    );

    app.post(
      '/api/identity-providers/:id/approve',
      {
        config: { access: review },
        schema: {
          tags,
          summary:
            'Approve a provider as it stands, as a second person (another admin or a DPO; recent step-up): only then does it accept sign-ins',
          params: ZIdParamsSchema,
          response: { 200: ZIdentityProviderSchema },
        },
      },
      async (request) =>
        service.approveIdentityProvider({ deps, ctx: requireAccess(request), id: request.params.id }),
    );
  };
