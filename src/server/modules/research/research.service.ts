import { sql } from 'drizzle-orm';
import type { TLocale } from '../../../contracts/common.js';
import { ageBandOf } from '../../../contracts/observatory.js';
import {
  RESEARCH_CODE_LISTS,
  RESEARCH_COLUMNS,
  researchWord,
  type TResearchRow,
  type TStudy,
} from '../../../contracts/research.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { pseudonymiser } from '../../platform/crypto/pseudonyms.js';
import { queryRows, type Tx, uuidList } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { namedCategories } from '../../platform/disclosure/disclosure.js';
import { type CellValue, toCsv } from '../../platform/files/spreadsheets.js';
import { appMessage } from '../../platform/i18n/enum-labels.js';

/** Rare countries are recoded to "other": a nationality shared by fewer than k people names them. */
const RESEARCH_K = 5;

interface SourceRow {
  case_id: string;
  person_id: string;
  case_role: string;
  birth_year: number | null;
  birth_date: string | null;
  gender: string;
  citizenship: string | null;
  eu_member: boolean | null;
  preferred_language: string | null;
  interpreter_needed: boolean;
  district: string | null;
  service_kind: string;
  referring_kind: string;
  purpose: string;
  urgency: string;
  opened_at: Date;
  closed_at: Date | null;
  outcome: string | null;
  referral_sent_at: Date | null;
  first_session_at: Date | null;
  sessions: number;
  with_mediator: number;
}

export function ageBandAt({
  birthYear,
  birthDate,
  on,
}: {
  birthYear: number | null;
  birthDate: string | null;
  on: Date;
}) {
  const year = birthDate ? Number(birthDate.slice(0, 4)) : birthYear;
  if (!year) return 'unknown';
  const age =
    on.getUTCFullYear() - year - (birthDate && birthDate.slice(5) > on.toISOString().slice(5, 10) ? 1 : 0);
  return ageBandOf(age);
}

const month = (d: Date | null) => (d ? new Date(d).toISOString().slice(0, 7) : null);
const days = (from: Date | null, to: Date | null) =>
  from && to ? Math.round((new Date(to).getTime() - new Date(from).getTime()) / 86_400_000) : null;

async function studyOf({ tx, id }: { tx: Tx; id: string }) {
  const [study] = await queryRows<{
    id: string;
    code: string;
    title: string;
    starts_on: string;
    ends_on: string | null;
  }>(
    tx,
    sql`select id, code, title, to_char(starts_on, 'YYYY-MM-DD') as starts_on, to_char(ends_on, 'YYYY-MM-DD') as ends_on
        from studies where id = ${id} and research_service_id = (select trama_service())`,
  );
  return study ?? null;
}

const toStudy = (s: {
  id: string;
  code: string;
  title: string;
  starts_on: string;
  ends_on: string | null;
}): TStudy => ({
  id: s.id,
  code: s.code,
  title: s.title,
  startsOn: s.starts_on,
  endsOn: s.ends_on,
});

export function listStudies({ deps, ctx }: { deps: Deps; ctx: AccessContext }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const rows = await queryRows<{
        id: string;
        code: string;
        title: string;
        starts_on: string;
        ends_on: string | null;
      }>(
        tx,
        sql`select id, code, title, to_char(starts_on, 'YYYY-MM-DD') as starts_on, to_char(ends_on, 'YYYY-MM-DD') as ends_on
            from studies where research_service_id = (select trama_service()) order by starts_on desc`,
      );
      return rows.map(toStudy);
    },
  });
}

/**
 * The pseudonymised dataset of a study. It reads the cases as the owner — a researcher reaches no
 * case — and lets out only people with a research consent in force, with keyed codes of this
 * study, months, age bands, districts, code lists, counts: no name, identifier, date or free text.
 */
export async function exportDataset({
  deps,
  ctx,
  studyId,
  format,
  language,
}: {
  deps: Deps;
  ctx: AccessContext;
  studyId: string;
  format: 'json' | 'csv';
  language: TLocale;
}) {
  const result = await scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const study = await studyOf({ tx, id: studyId });
      if (!study) throw new OutOfScope('study', studyId);
      const source = await unsafeAsSystem(tx, (sys) =>
        queryRows<SourceRow>(
          sys,
          sql`select c.id as case_id, p.id as person_id, p.case_role, p.birth_year,
                to_char(p.birth_date, 'YYYY-MM-DD') as birth_date, p.gender, p.citizenship, co.eu_member,
                p.preferred_language, p.interpreter_needed, d.code as district, s.kind as service_kind,
                fs.kind as referring_kind, r.purpose, r.urgency, c.opened_at, c.closed_at, c.closure_outcome as outcome,
                c.referral_sent_at, c.first_session_at,
                (select count(*)::int from case_sessions cs where cs.case_id = c.id) as sessions,
                (select count(*)::int from case_sessions cs where cs.case_id = c.id and cs.mediator_id is not null) as with_mediator
              from cases c
              join referrals r on r.id = c.referral_id
              join referral_people rp on rp.referral_id = c.referral_id
              join people p on p.id = rp.person_id
              join services s on s.id = c.service_id
              join services fs on fs.id = r.from_service_id
              left join districts d on d.id = c.district_id
              left join countries co on co.code = p.citizenship
              where exists (select 1 from consents k where k.person_id = p.id and k.purpose = 'research'
                and k.revoked_at is null and (k.expires_on is null or k.expires_on >= current_date)
                and (k.recipient_service_id is null or k.recipient_service_id = (select trama_service())))
              order by c.opened_at, c.id, p.id`,
        ),
      );
      const caseCode = await pseudonymiser({
        tx,
        keyring: deps.keyring,
        scope: `study:${study.id}:case`,
        prefix: 'C',
      });
      const personCode = await pseudonymiser({
        tx,
        keyring: deps.keyring,
        scope: `study:${study.id}:person`,
        prefix: 'P',
      });
      const countryTotals = new Map<string, number>();
      for (const r of source)
        countryTotals.set(
          r.citizenship ?? 'unknown',
          (countryTotals.get(r.citizenship ?? 'unknown') ?? 0) + 1,
        );
      const named = new Set(namedCategories({ totals: countryTotals, k: RESEARCH_K }));
      const rows: TResearchRow[] = source.map((r) => ({
        caseCode: caseCode(r.case_id),
        personCode: personCode(r.person_id),
        caseRole: r.case_role,
        ageBand: ageBandAt({ birthYear: r.birth_year, birthDate: r.birth_date, on: new Date(r.opened_at) }),
        gender: r.gender,
        citizenshipGroup:
          r.citizenship === null
            ? 'unknown'
            : r.citizenship === 'IT'
              ? 'italian'
              : r.eu_member
                ? 'eu'
                : 'third_country',
        country: named.has(r.citizenship ?? 'unknown') ? (r.citizenship ?? 'unknown') : 'other',
        preferredLanguage: r.preferred_language ?? 'unknown',
        interpreterNeeded: r.interpreter_needed,
        district: r.district ?? 'unknown',
        serviceKind: r.service_kind,
        referringServiceKind: r.referring_kind,
        referralPurpose: r.purpose,
        urgency: r.urgency,
        openedMonth: month(r.opened_at)!,
        closedMonth: month(r.closed_at),
        outcome: r.outcome,
        daysToAcceptance: days(r.referral_sent_at, r.opened_at),
        daysToFirstSession: days(r.referral_sent_at, r.first_session_at),
        sessions: r.sessions,
        sessionsWithMediator: r.with_mediator,
      }));
      const labels = await labelsFor({ tx, rows });
      await tx.execute(sql`insert into research_exports (study_id, user_id, format, row_count)
        values (${study.id}, ${ctx.userId}, ${format}, ${rows.length})`);
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'research.exported',
          recordType: 'study',
          recordId: study.id,
          details: { format, rows: rows.length },
        },
      });
      return { study: toStudy(study), rows, labels };
    },
  });
  if (format === 'json') return { kind: 'json' as const, body: result };
  return {
    kind: 'csv' as const,
    body: datasetCsv({ rows: result.rows, labels: result.labels, language }),
    filename: `${result.study.code}.csv`,
  };
}

/** Names of the countries, languages and districts the rows hold (codes are reference data). */
async function labelsFor({ tx, rows }: { tx: Tx; rows: TResearchRow[] }) {
  const labels: Record<string, { it: string; en: string }> = {};
  const present = (column: 'country' | 'preferredLanguage' | 'district') =>
    new Set(rows.map((r) => r[column]));
  const name = (list: string, codes: Set<string>, found: { code: string; it: string; en: string }[]) => {
    for (const f of found) if (codes.has(f.code)) labels[`${list}:${f.code}`] = { it: f.it, en: f.en };
  };
  name(
    'country',
    present('country'),
    await queryRows(tx, sql`select code, name_it as it, name_en as en from countries`),
  );
  name(
    'language',
    present('preferredLanguage'),
    await queryRows(tx, sql`select code, name_it as it, name_en as en from languages`),
  );
  name(
    'district',
    present('district'),
    await queryRows(tx, sql`select code, name as it, name as en from districts`),
  );
  return labels;
}

/**
 * The dataset as CSV for a researcher's spreadsheet: headers and values in words (the screen's),
 * each coded column followed by its codes, booleans as yes/no.
 */
function datasetCsv({
  rows,
  labels,
  language,
}: {
  rows: TResearchRow[];
  labels: Record<string, { it: string; en: string }>;
  language: TLocale;
}) {
  const message = (key: string, values?: Record<string, string>) =>
    appMessage({ key, language, feature: 'research', ...(values ? { values } : {}) });
  const header = RESEARCH_COLUMNS.flatMap((column) => {
    const title = message(`research.columns.${column}`) ?? column;
    return RESEARCH_CODE_LISTS[column]
      ? [title, message('research.codeColumn', { column: title }) ?? column]
      : [title];
  });
  const yes = message('caseCommon.yes') ?? 'yes';
  const no = message('caseCommon.no') ?? 'no';
  const lines = rows.map((row) =>
    RESEARCH_COLUMNS.flatMap((column): CellValue[] => {
      const value = row[column];
      if (value === null) return RESEARCH_CODE_LISTS[column] ? [null, null] : [null];
      if (typeof value === 'boolean') return [value ? yes : no];
      if (!RESEARCH_CODE_LISTS[column]) return [value];
      const code = String(value);
      return [researchWord({ column, code, labels, locale: language, message }), code];
    }),
  );
  return toCsv({ header, rows: lines });
}

/** Every export made, for the DPO (RLS: research_exports_read). */
export function listExports({ deps, ctx }: { deps: Deps; ctx: AccessContext }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const rows = await queryRows<{
        id: string;
        study_code: string;
        user_id: string;
        format: string;
        row_count: number;
        exported_at: Date;
      }>(
        tx,
        sql`select e.id, s.code as study_code, e.user_id, e.format, e.row_count, e.exported_at
            from research_exports e join studies s on s.id = e.study_id order by e.exported_at desc limit 500`,
      );
      const userIds = [...new Set(rows.map((r) => r.user_id))];
      // Usernames of researchers in another organisation: the DPO's scope is the audit, not the users.
      const names =
        userIds.length === 0
          ? []
          : await unsafeAsSystem(tx, (sys) =>
              queryRows<{ id: string; username: string }>(
                sys,
                sql`select id, username from users where id in (${uuidList(userIds)})`,
              ),
            );
      const byId = new Map(names.map((n) => [n.id, n.username]));
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'research.exports_listed', details: { shown: rows.length } },
      });
      return rows.map((r) => ({
        id: r.id,
        studyCode: r.study_code,
        username: byId.get(r.user_id) ?? '',
        format: r.format,
        rowCount: r.row_count,
        exportedAt: new Date(r.exported_at).toISOString(),
      }));
    },
  });
}
