import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/deps.js';

export const certificateRoutes =
  (_deps: Deps): FastifyPluginAsyncZod =>
  async (_app) => {};
