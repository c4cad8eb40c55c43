import { sql } from 'drizzle-orm';
import type { THelpService, THelpServiceInput } from '../../../contracts/website.js';
import type { AccessContext } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { isoTime, queryRows, sqlArray, type Tx } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { HttpProblem, problems } from '../../platform/http/problem.js';
import { siteCache } from './public/site-cache.js';
import { auditWebsite } from './website-shared.js';

/**
 * The services of "where to get help" (issue 24, item 2): name, phone, hours, languages spoken and
 * comune — never an address, so a shelter's cannot be published by mistake. The help page is
 * sensitive: a change takes the service off the page until another editor publishes it.
 */

interface HelpRow {
  id: string;
  name: string;
  description: string;
  phone: string;
  hours: string;
  languages: THelpService['languages'];
  municipality: string;
  municipality_name: string;
  menu_order: number;
  published: boolean;
  updated_by: string;
  updated_at: Date;
  latitude: number | null;
  longitude: number | null;
}

const HELP_SELECT = sql`select s.id, s.name, s.description, s.phone, s.hours, s.languages, s.municipality,
  m.name as municipality_name, m.latitude, m.longitude, s.menu_order, s.published, s.updated_by, s.updated_at
  from site_help_services s join municipalities m on m.istat_code = s.municipality`;

const toService = (r: HelpRow): THelpService => ({
  id: r.id,
  name: r.name,
  description: r.description,
  phone: r.phone,
  hours: r.hours,
  languages: r.languages,
  municipality: r.municipality,
  municipalityName: r.municipality_name,
  menuOrder: r.menu_order,
  published: r.published,
  updatedAt: isoTime(r.updated_at)!,
});

/** The published services, in their order: what the public help page lists. */
export async function publishedHelpServices(tx: Tx) {
  const rows = await queryRows<HelpRow>(
    tx,
    sql`${HELP_SELECT} where s.published order by s.menu_order, s.name`,
  );
  return rows.map((r) => ({ ...toService(r), latitude: r.latitude, longitude: r.longitude }));
}

export function listHelpServices({ deps, ctx }: { deps: Deps; ctx: AccessContext }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) =>
      (await queryRows<HelpRow>(tx, sql`${HELP_SELECT} order by s.menu_order, s.name limit 500`)).map(
        toService,
      ),
  });
}

async function checkMunicipality(tx: Tx, code: string) {
  const [known] = await queryRows(tx, sql`select 1 from municipalities where istat_code = ${code}`);
  if (!known)
    throw problems.field('municipality', 'unknown', { it: 'Comune sconosciuto.', en: 'Unknown comune.' });
}

/** A new service, or a change to one: either way it is off the public page until published again. */
export async function saveHelpService({
  deps,
  ctx,
  id,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  id?: string;
  input: THelpServiceInput;
}) {
  const saved = await scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await checkMunicipality(tx, input.municipality);
      const values = sql`${input.name}, ${input.description}, ${input.phone}, ${input.hours},
        ${sqlArray(input.languages)}, ${input.municipality}, ${input.menuOrder}`;
      const [saved] = id
        ? await queryRows<{ id: string }>(
            tx,
            sql`update site_help_services set (name, description, phone, hours, languages, municipality, menu_order) = (${values}),
                  published = false, updated_by = ${ctx.userId}, updated_at = now()
                where id = ${id} returning id`,
          )
        : await queryRows<{ id: string }>(
            tx,
            sql`insert into site_help_services (name, description, phone, hours, languages, municipality, menu_order, updated_by)
                values (${values}, ${ctx.userId}) returning id`,
          );
      if (!saved) throw new OutOfScope('site_help_service', id ?? '');
      await auditWebsite({
        tx,
        ctx,
        action: 'website.help_service_saved',
        recordType: 'site_help_service',
        recordId: saved.id,
      });
      const [row] = await queryRows<HelpRow>(tx, sql`${HELP_SELECT} where s.id = ${saved.id}`);
      return toService(row!);
    },
  });
  siteCache.clear();
  return saved;
}

/** Publishes a service on the help page, or takes it off; publishing needs an editor who did not write it. */
export async function setHelpServicePublished({
  deps,
  ctx,
  id,
  published,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  published: boolean;
}) {
  const changed = await scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const [row] = await queryRows<HelpRow>(tx, sql`${HELP_SELECT} where s.id = ${id} for update of s`);
      if (!row) throw new OutOfScope('site_help_service', id);
      if (published && row.updated_by === ctx.userId)
        throw new HttpProblem(
          409,
          'second-editor',
          { it: 'Serve un’altra redattrice o un altro redattore', en: 'Another editor is needed' },
          {
            it: 'Hai scritto tu questa scheda: la pubblica un’altra persona della redazione.',
            en: 'You wrote this entry: another person of the editorial team publishes it.',
          },
        );
      // Taking a service off is safe by anyone; `updated_by` stays the writer's, so it is not a change.
      await tx.execute(sql`update site_help_services set published = ${published} where id = ${id}`);
      await auditWebsite({
        tx,
        ctx,
        action: 'website.help_service_published',
        recordType: 'site_help_service',
        recordId: id,
        details: { published },
      });
      return toService({ ...row, published });
    },
  });
  siteCache.clear();
  return changed;
}
