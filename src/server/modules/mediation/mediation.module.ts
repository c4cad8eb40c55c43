import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { countOf } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import type { TramaModule } from '../../platform/module.js';
import { MEDIATION_AUDIT_ACTIONS, MEDIATION_RECORD_TABLES } from './mediation.audit.js';
import { seedDemoMediation } from './mediation.demo.js';
import {
  MEDIATION_ENCRYPTED_COLUMNS,
  MEDIATION_FIELD_CLASSES,
  MEDIATION_RETENTION,
} from './mediation.fields.js';
import { MEDIATION_INDICATORS } from './mediation.indicators.js';
import { MEDIATION_PROCESSING } from './mediation.processing.js';
import { feedbackRoutes } from './mediation-feedback.routes.js';
import { hoursRoutes } from './mediation-hours.routes.js';
import { libraryRoutes } from './mediation-library.routes.js';
import { requestRoutes } from './mediation-requests.routes.js';
import { mediatorRoutes } from './mediators.routes.js';

const routes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(requestRoutes(deps));
    await app.register(mediatorRoutes(deps));
    await app.register(hoursRoutes(deps));
    await app.register(feedbackRoutes(deps));
    await app.register(libraryRoutes(deps));
  };

/** Linguistic-cultural mediation and the intercultural communication unit (issue 18). */
export const mediationModule: TramaModule = {
  name: 'mediation',
  processing: MEDIATION_PROCESSING,
  fieldClasses: MEDIATION_FIELD_CLASSES,
  retention: MEDIATION_RETENTION,
  encryptedColumns: MEDIATION_ENCRYPTED_COLUMNS,
  auditActions: MEDIATION_AUDIT_ACTIONS,
  recordTables: MEDIATION_RECORD_TABLES,
  indicators: MEDIATION_INDICATORS,
  seedDemo: seedDemoMediation,
  routes,
  // The coordinator's queue and the requests nobody could take; a mediator's offers and assignments to confirm.
  attention: async ({ tx, ctx }) => {
    if (ctx.role === 'mediator') {
      const mine = sql`(select trama_my_mediator())`;
      return [
        {
          kind: 'mediation_offers' as const,
          count: await countOf(
            tx,
            sql`select count(*)::int as n from mediation_offers o where o.mediator_id = ${mine} and o.status = 'pending'`,
          ),
          link: '/mediation/mine',
        },
        {
          kind: 'mediation_to_confirm' as const,
          count: await countOf(
            tx,
            sql`select count(*)::int as n from mediation_assignments a where a.mediator_id = ${mine} and a.status = 'assigned'`,
          ),
          link: '/mediation/mine',
        },
      ];
    }
    if (ctx.role !== 'coordinator') return [];
    const queue = sql`from mediation_requests r where trama_is_mediation_coordinator()
                        and r.mediation_service_id = ${ctx.serviceId} and r.status in ('open', 'offered')`;
    return [
      {
        kind: 'mediation_unmatched' as const,
        count: await countOf(tx, sql`select count(*)::int as n ${queue} and r.unmatched`),
        link: '/mediation/requests?unmatched=true',
      },
      {
        kind: 'mediation_to_assign' as const,
        count: await countOf(tx, sql`select count(*)::int as n ${queue} and not r.unmatched`),
        link: '/mediation/requests?status=open',
      },
    ];
  },
};
