import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/deps.js';

/** Routes of governance's fundraising (issue 21). */
export const fundraisingRoutes =
  (_deps: Deps): FastifyPluginAsyncZod =>
  async () => {};
