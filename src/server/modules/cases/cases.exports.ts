import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { countOf, isoTime, queryRows } from '../../platform/db/client.js';
import type { ExportKind } from '../../platform/exports/export-kind.js';
import { enumLabel } from '../../platform/i18n/enum-labels.js';

const ZParams = z.strictObject({ status: z.enum(['open', 'closing', 'closed']).optional() });
type Params = z.infer<typeof ZParams>;

interface CaseLine {
  id: string;
  code: string;
  household_code: string;
  status: string;
  opened_at: Date | string;
  closed_at: Date | string | null;
  closure_outcome: string | null;
  service: string;
  district: string | null;
  people: number;
  days_to_first_session: number | null;
}

/**
 * The requester's own service's cases only: row-level security alone would add the cases they
 * reach as a team member elsewhere, as referrer or through an emergency grant, which the approving
 * supervisor of this service cannot see.
 */
const scopeFilter = (params: Params) =>
  sql` and c.service_id = (select trama_service())${params.status ? sql` and c.status = ${params.status}` : sql``}`;
const day = (value: Date | string | null) => isoTime(value)?.slice(0, 10) ?? null;

/**
 * Every case of the requester's service they may see, one row each, without names: a bulk export of case
 * data, so a second person (a supervisor of the service) approves it before it runs (ASVS 2.3.5).
 */
export const casesExport: ExportKind<Params> = {
  name: 'cases.bulk',
  label: { it: 'Elenco dei casi (righe)', en: 'Case list (rows)' },
  permission: 'cases.read',
  approval: 'cases.supervise',
  params: ZParams,
  dataClass: 'special',
  columns: [
    'Codice del caso',
    'Codice del nucleo',
    'Stato',
    'Aperto il',
    'Chiuso il',
    'Esito',
    'Servizio',
    'Distretto',
    'Persone',
    'Giorni dall’invio al primo incontro',
  ],
  count: ({ tx, params }) =>
    countOf(tx, sql`select count(*)::int as n from cases c where true${scopeFilter(params)}`),
  async page({ tx, params, after, limit }) {
    const rows = await queryRows<CaseLine>(
      tx,
      sql`select c.id, c.code, h.code as household_code, c.status, c.opened_at, c.closed_at, c.closure_outcome,
            s.name as service, d.name as district,
            (select count(*)::int from referral_people rp where rp.referral_id = c.referral_id) as people,
            extract(day from c.first_session_at - c.referral_sent_at)::int as days_to_first_session
          from cases c
          join households h on h.id = c.household_id
          join services s on s.id = c.service_id
          left join districts d on d.id = c.district_id
          where true${scopeFilter(params)}${after ? sql` and c.id > ${after}::uuid` : sql``}
          order by c.id limit ${limit}`,
    );
    return {
      rows: rows.map((c) => [
        c.code,
        c.household_code,
        enumLabel('caseStatus', c.status),
        day(c.opened_at),
        day(c.closed_at),
        c.closure_outcome ? enumLabel('closureOutcome', c.closure_outcome) : null,
        c.service,
        c.district,
        c.people,
        c.days_to_first_session,
      ]),
      last: rows.at(-1)?.id ?? null,
    };
  },
};
