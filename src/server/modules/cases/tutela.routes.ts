import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/deps.js';
import { courtRoutes } from './court.routes.js';
import { familyRoutes } from './family.routes.js';
import { transfersRoutes } from './transfers.routes.js';

/** Tutela Minori's own cases and the court (issue 15, ADR 0017): each part's routes beside its service. */
export const tutelaRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(courtRoutes(deps));
    await app.register(familyRoutes(deps));
    await app.register(transfersRoutes(deps));
  };
