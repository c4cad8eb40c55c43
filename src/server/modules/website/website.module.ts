import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/deps.js';
import type { TramaModule } from '../../platform/module.js';
import { siteRoutes } from './public/site.routes.js';
import { WEBSITE_AUDIT_ACTIONS, WEBSITE_RECORD_TABLES } from './website.audit.js';
import { seedDemoWebsite } from './website.demo.js';
import { WEBSITE_FIELD_CLASSES, WEBSITE_RETENTION } from './website.fields.js';
import { WEBSITE_INDICATORS } from './website.indicators.js';
import { publishDueJob } from './website.jobs.js';
import { WEBSITE_PROCESSING } from './website.processing.js';
import { websiteRoutes } from './website.routes.js';
import { conferenceRoutes } from './website-conferences.routes.js';
import { mediaRoutes } from './website-media.routes.js';
import { planRoutes } from './website-plan.routes.js';
import { registerWebsiteFiles } from './website-shared.js';
import { seedDemoChapterFiles } from './website-video.demo.js';
import { videoRoutes } from './website-videos.routes.js';

const routes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    registerWebsiteFiles();
    await app.register(websiteRoutes(deps));
    await app.register(videoRoutes(deps));
    await app.register(planRoutes(deps));
    await app.register(mediaRoutes(deps));
    await app.register(conferenceRoutes(deps));
    await app.register(siteRoutes(deps));
  };

/** The public website and its editorial workflow (WP7, issue 24). */
export const websiteModule: TramaModule = {
  name: 'website',
  processing: WEBSITE_PROCESSING,
  fieldClasses: WEBSITE_FIELD_CLASSES,
  retention: WEBSITE_RETENTION,
  auditActions: WEBSITE_AUDIT_ACTIONS,
  recordTables: WEBSITE_RECORD_TABLES,
  seedDemo: seedDemoWebsite,
  seedDemoFiles: seedDemoChapterFiles,
  jobs: [publishDueJob],
  indicators: WEBSITE_INDICATORS,
  routes,
};
