import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZCountrySchema, ZLanguageSchema } from '../../../contracts/structure.js';
import { requireAccess, scoped } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import { countries, languages } from '../../platform/tenancy/tenancy.sql.js';

export const referenceRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/reference/countries',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['reference'],
          summary: 'ISO 3166 countries, Italian and English names, EU membership',
          response: { 200: z.array(ZCountrySchema) },
        },
      },
      async (request) =>
        scoped({
          db: deps.db,
          ctx: requireAccess(request),
          work: (tx) => tx.select().from(countries).orderBy(countries.nameIt),
        }),
    );

    app.get(
      '/api/reference/languages',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['reference'],
          summary: 'Languages (ISO 639), with right-to-left flag',
          response: { 200: z.array(ZLanguageSchema) },
        },
      },
      async (request) =>
        scoped({
          db: deps.db,
          ctx: requireAccess(request),
          work: (tx) => tx.select().from(languages).orderBy(languages.nameIt),
        }),
    );
  };
