import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { countOf } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import type { TramaModule } from '../../platform/module.js';
import { TRAINING_AUDIT_ACTIONS, TRAINING_RECORD_TABLES } from './training.audit.js';
import { seedDemoTraining } from './training.demo.js';
import { TRAINING_EXPORTS } from './training.exports.js';
import { TRAINING_FIELD_CLASSES, TRAINING_RETENTION } from './training.fields.js';
import { TRAINING_INDICATORS } from './training.indicators.js';
import { TRAINING_PROCESSING } from './training.processing.js';
import { trainingRoutes } from './training.routes.js';
import { attendanceRoutes } from './training-attendance.routes.js';
import { certificateRoutes } from './training-certificates.routes.js';
import { dashboardRoutes } from './training-dashboard.routes.js';
import { fieldLogRoutes } from './training-field-log.routes.js';
import { offerLapseJob } from './training-offers.js';
import { questionnaireRoutes } from './training-questionnaires.routes.js';
import { flushResponsesJob } from './training-responses.js';

const routes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(trainingRoutes(deps));
    await app.register(attendanceRoutes(deps));
    await app.register(certificateRoutes(deps));
    await app.register(dashboardRoutes(deps));
    await app.register(questionnaireRoutes(deps));
    await app.register(fieldLogRoutes(deps));
  };

/** Training and competence (issue 17, ADR 0019); owns the gatherings piece (platform/gatherings). */
export const trainingModule: TramaModule = {
  name: 'training',
  processing: TRAINING_PROCESSING,
  fieldClasses: TRAINING_FIELD_CLASSES,
  retention: TRAINING_RETENTION,
  auditActions: TRAINING_AUDIT_ACTIONS,
  recordTables: TRAINING_RECORD_TABLES,
  jobs: [offerLapseJob, flushResponsesJob],
  seedDemo: seedDemoTraining,
  indicators: TRAINING_INDICATORS,
  exports: TRAINING_EXPORTS,
  routes,
  // A place offered to the viewer from a waiting list; a coordinator's staff requests to approve.
  attention: async ({ tx, ctx }) => [
    {
      kind: 'training_offers' as const,
      count: await countOf(
        tx,
        sql`select count(*)::int as n from gathering_places
             where user_id = ${ctx.userId} and status = 'offered' and offer_expires_at > now()`,
      ),
      link: '/training/mine',
    },
    ...(ctx.role === 'coordinator' && ctx.organisationId
      ? [
          {
            kind: 'training_approvals' as const,
            count: await countOf(
              tx,
              sql`select count(*)::int as n from gathering_places
                   where participant_organisation_id = ${ctx.organisationId} and status = 'awaiting_approval'
                     and user_id <> ${ctx.userId}`,
            ),
            link: '/training#approvals',
          },
        ]
      : []),
  ],
};
