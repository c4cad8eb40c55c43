import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/deps.js';

/** Routes of governance's plan (issue 21). */
export const planRoutes =
  (_deps: Deps): FastifyPluginAsyncZod =>
  async () => {};
