import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/deps.js';

/** Routes of governance's minutes (issue 21). */
export const minutesRoutes =
  (_deps: Deps): FastifyPluginAsyncZod =>
  async () => {};
