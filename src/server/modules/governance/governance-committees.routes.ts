import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/deps.js';

/** Routes of governance's committees (issue 21). */
export const committeesRoutes =
  (_deps: Deps): FastifyPluginAsyncZod =>
  async () => {};
