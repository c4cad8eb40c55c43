import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { auditTrailModule } from './modules/audit-trail/audit-trail.module.js';
import { autonomyModule } from './modules/autonomy/autonomy.module.js';
import { breakGlassModule } from './modules/break-glass/break-glass.module.js';
import { casesModule } from './modules/cases/cases.module.js';
import { communityModule } from './modules/community/community.module.js';
import { governanceModule } from './modules/governance/governance.module.js';
import { identityProvidersModule } from './modules/identity-providers/identity-providers.module.js';
import { impactModule } from './modules/impact/impact.module.js';
import { mediationModule } from './modules/mediation/mediation.module.js';
import { observatoryModule } from './modules/observatory/observatory.module.js';
import { privacyModule } from './modules/privacy/privacy.module.js';
import { referenceModule } from './modules/reference/reference.module.js';
import { researchModule } from './modules/research/research.module.js';
import { structureModule } from './modules/structure/structure.module.js';
import { trainingModule } from './modules/training/training.module.js';
import { usersModule } from './modules/users/users.module.js';
import { websiteModule } from './modules/website/website.module.js';
import { installAccessHook } from './platform/access/access-hook.js';
import { registerGrantChecks } from './platform/access/break-glass.js';
import { registerRecordTables } from './platform/access/not-found.js';
import { collectRouteDeclarations } from './platform/access/route-access.js';
import { registerAuditLabels } from './platform/audit/audit-labels.js';
import { authRoutes } from './platform/auth/auth.routes.js';
import { ssoRoutes } from './platform/auth/sso.routes.js';
import type { Deps } from './platform/deps.js';
import { registerExportKinds } from './platform/exports/export-kind.js';
import { exportsRoutes } from './platform/exports/exports.routes.js';
import { homeRoutes } from './platform/home/home.routes.js';
import { installErrorHandler, sendFrameworkProblem, sendProblem } from './platform/http/error-handler.js';
import { installIdempotency } from './platform/http/idempotency.js';
import { installInputGuard } from './platform/http/input-guard.js';
import { withSafeSerializers } from './platform/http/log-serializers.js';
import { HttpProblem } from './platform/http/problem.js';
import { installRateLimits } from './platform/http/rate-limit.js';
import { installSecurityHeaders } from './platform/http/security-headers.js';
import { registerIndicators } from './platform/indicators/indicator-registry.js';
import { jobsRoutes } from './platform/jobs/jobs.routes.js';
import {
  auditLabelsOf,
  erasuresOf,
  exportKindsOf,
  grantChecksOf,
  indicatorsOf,
  jobKindsOf,
  processingOf,
  recordTablesOf,
  type TramaModule,
} from './platform/module.js';
import { registerProcessing } from './platform/privacy/processing.js';
import { registerErasures } from './platform/retention/record-erasure.js';
import { fileRoutes } from './platform/storage/storage.routes.js';

function trustNearestHops(hops: number) {
  return (_address: string, hop: number) => hop < hops;
}

export const WEB_ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../dist/web');

export interface BuildAppOptions {
  deps: Deps;
  logger?: FastifyServerOptions['logger'];
  /** Serve the built operator app (off in most tests: there may be no build). */
  serveWeb?: boolean;
  /** The modules to mount; tests add a fixture module to prove the seam (test/fixtures). */
  modules?: readonly TramaModule[];
}

/**
 * The modules, in the order their items appear on Home. Adding a module is one line here, its
 * permissions in platform/access/permissions.ts, and its web feature (docs/adding-a-module.md).
 */
export const MODULES: readonly TramaModule[] = [
  breakGlassModule,
  usersModule,
  identityProvidersModule,
  auditTrailModule,
  observatoryModule,
  casesModule,
  structureModule,
  researchModule,
  referenceModule,
  trainingModule,
  mediationModule,
  communityModule,
  autonomyModule,
  governanceModule,
  privacyModule,
  websiteModule,
  impactModule,
];

// The demo seed reads the indicators without building the app; buildApp registers its own modules'.
registerIndicators(indicatorsOf(MODULES));
registerErasures(erasuresOf(MODULES));
registerProcessing(processingOf(MODULES));

/** The one composition root: the server, tests and benchmarks all build Trama through here. */
export async function buildApp({
  deps,
  logger = false,
  serveWeb = true,
  modules = MODULES,
}: BuildAppOptions) {
  const app = Fastify({
    logger: withSafeSerializers(logger),
    bodyLimit: 64 * 1024,
    // A hop count as the function Fastify makes of one (its typings of the number form are narrower).
    trustProxy:
      typeof deps.config.trustProxy === 'number'
        ? trustNearestHops(deps.config.trustProxy)
        : deps.config.trustProxy,
    routerOptions: { ignoreTrailingSlash: false },
    frameworkErrors: sendFrameworkProblem,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const declarations = collectRouteDeclarations(app);

  await app.register(cookie);
  await installSecurityHeaders(app);
  installErrorHandler(app);
  installInputGuard(app);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Trama API',
        version: '0.1.0',
        description: 'Errors are RFC 7807 problem+json with Italian and English text.',
      },
    },
    transform: (input) => {
      const out = jsonSchemaTransform(input);
      const access = (input.route.config as { access?: string } | undefined)?.access;
      return { ...out, schema: { ...out.schema, description: `Access: ${access}` } };
    },
  });
  // Counted before the access hook reads a session: a request over its limit costs no query.
  await installRateLimits({ app, settings: deps.config.rateLimits });
  installAccessHook({ app, db: deps.db });
  installIdempotency({ app, db: deps.db, keyring: deps.keyring });

  // Never limited: load balancers poll it from one address.
  const statusConfig = { access: 'public', rate: 'exempt' } as const;
  app.get('/status', { config: statusConfig, schema: { hide: true } }, async (request, reply) => {
    try {
      await deps.database.query('select 1');
      return { status: 'ok', database: deps.database.kind };
    } catch {
      return sendProblem(
        request,
        reply,
        new HttpProblem(
          503,
          'unavailable',
          { it: 'Servizio non disponibile', en: 'Service unavailable' },
          {
            it: 'Il database non risponde.',
            en: 'The database is not answering.',
          },
        ),
      );
    }
  });

  app.get('/api/openapi.json', { config: { access: 'api-docs.read' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  await app.register(authRoutes(deps));
  await app.register(ssoRoutes(deps));
  await app.register(fileRoutes(deps));
  registerRecordTables(recordTablesOf(modules));
  registerAuditLabels(auditLabelsOf(modules));
  registerGrantChecks(grantChecksOf(modules));
  registerIndicators(indicatorsOf(modules));
  registerErasures(erasuresOf(modules));
  registerProcessing(processingOf(modules));
  for (const module of modules) await app.register(module.routes(deps));
  await app.register(homeRoutes(deps, modules));
  const jobKinds = jobKindsOf(modules);
  await app.register(jobsRoutes(deps, jobKinds));
  registerExportKinds(exportKindsOf(modules));
  await app.register(exportsRoutes(deps));

  if (serveWeb && existsSync(join(WEB_ROOT, 'index.html'))) {
    await app.register(fastifyStatic, { root: WEB_ROOT, serve: false });
    // Every path that is not the API is the operator app: files if they exist, else index.html.
    const webConfig = { access: 'public', rate: 'static' } as const;
    app.get('/*', { config: webConfig, schema: { hide: true } }, async (request, reply) => {
      const path = (request.params as { '*': string })['*'];
      if (path.startsWith('api/'))
        throw new HttpProblem(404, 'not-found', { it: 'Non trovato', en: 'Not found' });
      if (path && !path.includes('..') && existsSync(join(WEB_ROOT, path))) {
        return reply
          .header(
            'cache-control',
            path.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
          )
          .sendFile(path);
      }
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    });
  }

  await app.ready();
  return { app, declarations, jobKinds };
}
