import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { type TAttentionItem, ZHomeSchema } from '../../../contracts/home.js';
import { requireAccess, scoped } from '../access/access-hook.js';
import type { Deps } from '../deps.js';
import type { TramaModule } from '../module.js';

/**
 * What needs the user's attention: each module says what of its own does (TramaModule.attention),
 * counted in one transaction as the viewer (RLS applies). Home imports no module's internals.
 */
export const homeRoutes =
  (deps: Deps, modules: readonly TramaModule[]): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/home',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['home'],
          summary: 'What needs the signed-in user\u2019s attention',
          response: { 200: ZHomeSchema },
        },
      },
      async (request) => {
        const ctx = requireAccess(request);
        return scoped({
          db: deps.db,
          ctx,
          work: async (tx) => {
            const items: TAttentionItem[] = [];
            for (const module of modules)
              if (module.attention) items.push(...(await module.attention({ tx, ctx })));
            return { attention: items.filter((i) => i.count > 0) };
          },
        });
      },
    );
  };
