import { sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db/client.js';
import { systemTransaction } from '../../platform/db/context.js';
import type { JobKind } from '../../platform/jobs/job-queue.js';
import { siteCache } from './public/site-cache.js';
import { brokenLinks } from './website-links.js';
import type { PageRow } from './website-pages.repository.js';
import { publicationRefusal, publishNow } from './website-workflow.js';

export const PUBLISH_DUE_JOB = 'website.publish_due';

/**
 * Publishes the pages whose scheduled moment has come (issue 24, item 3), every minute. A page
 * whose links broke since it was scheduled (the page it links to was archived) goes back to draft
 * with the reason, rather than going public with a dead link; so does a chapter of the video manual
 * that lost what it needs (its check, after a new video). Safe to run twice: a published page
 * is no longer scheduled.
 */
export const publishDueJob: JobKind<Record<string, never>> = {
  name: PUBLISH_DUE_JOB,
  label: { it: 'Pubblicazione delle pagine programmate', en: 'Publication of scheduled pages' },
  retryLimit: 3,
  retryDelaySeconds: 30,
  expireInSeconds: 120,
  schedule: '* * * * *',
  async handle(_data, { deps }) {
    await systemTransaction(deps.db, async (tx) => {
      const due = await queryRows<PageRow>(
        tx,
        sql`select p.id, p.kind, p.slug, p.category, p.state, p.parent_id, p.menu_order, p.publish_at, p.published_at,
                   p.submitted_by, p.approved_by, p.updated_at
              from site_pages p where p.state = 'scheduled' and p.publish_at <= now()
             order by p.publish_at limit 100 for update skip locked`,
      );
      for (const page of due) {
        const broken = (await brokenLinks(tx, page.id)).map((b) => b.message.it);
        const notReady = await publicationRefusal(tx, page);
        if (notReady) broken.push(notReady.it);
        if (broken.length === 0) {
          await publishNow(tx, page, null);
          continue;
        }
        await tx.execute(
          sql`update site_pages set state = 'draft', publish_at = null, updated_at = now() where id = ${page.id}`,
        );
        await tx.execute(
          sql`insert into site_page_transitions (page_id, action, from_state, to_state, note)
              values (${page.id}, 'return', 'scheduled', 'draft', ${broken.join(' ')})`,
        );
      }
    });
    siteCache.clear();
  },
};
