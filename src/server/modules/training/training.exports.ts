import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { countOf, isoTime, queryRows } from '../../platform/db/client.js';
import type { ExportKind } from '../../platform/exports/export-kind.js';
import { enumLabel } from '../../platform/i18n/enum-labels.js';

const ZParams = z.strictObject({});
type Params = z.infer<typeof ZParams>;

interface CompletionLine {
  id: string;
  course_title: string;
  strand: string;
  edition_start: Date | string | null;
  profession: string;
  external: boolean;
  service_kind: string | null;
  district: string | null;
  hours: string | number;
  issued_on: string;
}

const day = (value: Date | string | null) =>
  value ? new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date(value)) : null;

/**
 * Completions: one row per live certificate the requester may read (row-level security: a
 * trainer their editions', a coordinator their organisation's staff's), with no names — the
 * course, the strand, when the edition began, the profession, the kind and district of the
 * participant's service, the hours and the date of issue. Paged by the certificate's id.
 */
export const completionsExport: ExportKind<Params> = {
  name: 'training.completions',
  label: { it: 'Attestati di formazione (righe, senza nomi)', en: 'Training completions (rows, no names)' },
  permission: 'training.dashboard',
  params: ZParams,
  dataClass: 'ordinary',
  columns: [
    'Corso',
    'Filone',
    'Inizio dell’edizione',
    'Professione',
    'Tipo di servizio',
    'Distretto',
    'Ore',
    'Rilasciato il',
  ],
  count: ({ tx }) =>
    countOf(tx, sql`select count(*)::int as n from training_certificates c where c.revoked_at is null`),
  async page({ tx, after, limit }) {
    const rows = await queryRows<CompletionLine>(
      tx,
      sql`select c.id, c.course_title, co.strand, c.hours, c.issued_on::text as issued_on, p.profession,
                 p.user_id is null as external, s.kind as service_kind, d.name as district,
                 (select min(gs.starts_at) from gathering_sessions gs where gs.gathering_id = e.gathering_id) as edition_start
            from training_certificates c
            join gathering_places p on p.id = c.place_id
            join training_editions e on e.id = c.edition_id
            join training_courses co on co.id = e.course_id
            left join services s on s.id = p.participant_service_id
            left join organisations o on o.id = s.organisation_id
            left join districts d on d.id = coalesce(s.district_id, o.district_id)
           where c.revoked_at is null${after ? sql` and c.id > ${after}::uuid` : sql``}
           order by c.id limit ${limit}`,
    );
    return {
      rows: rows.map((r) => [
        r.course_title,
        enumLabel('strand', r.strand),
        day(isoTime(r.edition_start)),
        enumLabel('profession', r.profession),
        r.external
          ? 'Partecipante esterno'
          : r.service_kind
            ? enumLabel('serviceKind', r.service_kind)
            : null,
        r.district,
        Number(r.hours),
        r.issued_on,
      ]),
      last: rows.at(-1)?.id ?? null,
    };
  },
};

export const TRAINING_EXPORTS = [completionsExport] as const;
