import type { TramaModule } from '../../platform/module.js';
import { OBSERVATORY_AUDIT_ACTIONS, OBSERVATORY_RECORD_TABLES } from './observatory.audit.js';
import { seedObservatoryDemo } from './observatory.demo.js';
import { incidentsExport } from './observatory.exports.js';
import { OBSERVATORY_FIELD_CLASSES, OBSERVATORY_RETENTION } from './observatory.fields.js';
import { incidentRecorderExport } from './observatory.incident-recorder.js';
import { istatSurveyExport } from './observatory.istat-survey.js';
import { OBSERVATORY_PROCESSING } from './observatory.processing.js';
import { observatoryRoutes } from './observatory.routes.js';
import { draftsToFinish } from './observatory.service.js';

export const observatoryModule: TramaModule = {
  name: 'observatory',
  processing: OBSERVATORY_PROCESSING,
  fieldClasses: OBSERVATORY_FIELD_CLASSES,
  retention: OBSERVATORY_RETENTION,
  auditActions: OBSERVATORY_AUDIT_ACTIONS,
  recordTables: OBSERVATORY_RECORD_TABLES,
  seedDemo: seedObservatoryDemo,
  routes: observatoryRoutes,
  exports: [incidentsExport, incidentRecorderExport, istatSurveyExport],
  // Drafts are never counted: an unfinished record is a missing number in the observatory.
  attention: async ({ tx, ctx }) =>
    ctx.permissions.has('incidents.record')
      ? [{ kind: 'incident_drafts' as const, count: await draftsToFinish({ tx, ctx }), link: '/incidents' }]
      : [],
};
