import { createHash, randomUUID, sign } from 'node:crypto';
import { sql } from 'drizzle-orm';
import {
  previousPeriod,
  REPORT_K,
  type ReportingPeriod,
  type TReportContent,
  type TReportSummary,
  ZReportContentSchema,
} from '../../../contracts/impact-periods.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { sealFile } from '../../platform/audit/file-seal.js';
import type { Tx } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { registeredIndicators } from '../../platform/indicators/indicator-registry.js';
import { displayNames } from './impact-chair.js';
import { requirePeriod } from './impact-periods.service.js';
import { reportPdf } from './impact-report-pdf.js';
import { reportXlsx } from './impact-report-xlsx.js';
import { lateChange, type MeasuredValue, measurePeriod, reportRows } from './impact-snapshot.js';

/**
 * Frozen, signed reports (issue 25, item 4). A report of a locked period shows the values its
 * lock froze; of any other period, the values computed now, and it is a draft on every page.
 * Its content is kept as canonical JSON with its SHA-256 and the platform key's Ed25519 signature,
 * never changed; every file made from it (PDF in Italian or English, XLSX) is sealed.
 */

const SUPPRESSION_RULE = {
  it: `I totali del progetto sono mostrati esattamente, anche se piccoli: sono gli impegni che ogni partner conosce. Ogni loro scomposizione (un periodo più breve del progetto) sotto ${REPORT_K} persone o casi, e ogni media calcolata su meno di ${REPORT_K} casi, è riservata.`,
  en: `The project's totals are shown exactly, even when small: they are the commitments every partner knows. Every breakdown of them (a period shorter than the project) under ${REPORT_K} people or records, and every average over fewer than ${REPORT_K} records, is suppressed.`,
};

type FrozenRow = {
  indicator_key: string;
  formula_version: number;
  value: number | null;
  cumulative: number | null;
  error: string | null;
  records: number;
  cumulative_records: number;
};

async function frozenValues(tx: Tx, key: string): Promise<MeasuredValue[] | null> {
  const found = await queryRows<FrozenRow>(
    tx,
    sql`select v.indicator_key, v.formula_version, v.value, v.cumulative, v.error, v.records, v.cumulative_records
          from impact_period_values v join impact_periods p on p.key = v.period_key
         where v.period_key = ${key} and p.status = 'locked'`,
  );
  if (found.length === 0) return null;
  return found.map((r) => ({
    key: r.indicator_key,
    formulaVersion: r.formula_version,
    value: r.value,
    cumulative: r.cumulative,
    error: r.error,
    records: r.records,
    cumulativeRecords: r.cumulative_records,
    codes: [],
  }));
}

/** Late records of the previous period, if it is locked: what it counts now minus what it froze. */
async function afterLockOf(tx: Tx, deps: Deps, period: ReportingPeriod) {
  const late = new Map<string, { period: string; value: number }>();
  const previous = previousPeriod(period);
  if (!previous) return late;
  const frozen = await frozenValues(tx, previous.key);
  if (!frozen) return late;
  const indicators = registeredIndicators();
  const now = await unsafeAsSystem(tx, (sys) =>
    measurePeriod({ indicators, on: sys, period: previous, keyring: deps.keyring }),
  );
  for (const indicator of indicators) {
    const then = frozen.find((f) => f.key === indicator.key);
    const current = now.find((n) => n.key === indicator.key);
    const change = lateChange(indicator.unit, current?.value ?? null, then?.value ?? null);
    if (change !== null) late.set(indicator.key, { period: previous.key, value: change });
  }
  return late;
}

export async function generateReport({
  deps,
  ctx,
  key,
}: {
  deps: Deps;
  ctx: AccessContext;
  key: string;
}): Promise<TReportSummary> {
  const period = requirePeriod(key);
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const lock = await queryRows<{ locked_by: string | null; locked_at: string | null }>(
        tx,
        sql`select locked_by, locked_at from impact_periods where key = ${period.key} for share`,
      );
      const indicators = registeredIndicators();
      const frozen = await frozenValues(tx, period.key);
      const measured =
        frozen ??
        (await unsafeAsSystem(tx, (sys) =>
          measurePeriod({ indicators, on: sys, period, keyring: deps.keyring }),
        ));
      const locked = lock[0];
      const names = await displayNames(tx, [ctx.userId, locked?.locked_by ?? null]);
      const id = randomUUID();
      const content: TReportContent = ZReportContentSchema.parse({
        v: 1,
        id,
        period: { key: period.key, kind: period.kind, from: period.from, to: period.to },
        final: frozen !== null,
        lock:
          frozen && locked?.locked_at
            ? { by: names.get(locked.locked_by ?? '') ?? '', at: new Date(locked.locked_at).toISOString() }
            : null,
        generated: { by: names.get(ctx.userId) ?? '', at: new Date().toISOString() },
        suppression: { k: REPORT_K, rule: SUPPRESSION_RULE },
        rows: reportRows({
          indicators,
          measured,
          wholeProject: period.kind === 'project',
          afterLock: await afterLockOf(tx, deps, period),
          k: REPORT_K,
        }),
      });
      const text = JSON.stringify(content);
      const contentHash = createHash('sha256').update(text, 'utf8').digest('hex');
      const signature = sign(null, Buffer.from(text, 'utf8'), deps.checkpointKey.privateKey).toString(
        'base64',
      );
      const inserted = await queryRows<{ created_at: string }>(
        tx,
        sql`insert into impact_reports (id, period_key, final, content, content_hash, key_id, signature, created_by)
            values (${id}, ${period.key}, ${content.final}, ${text}, ${contentHash}, ${deps.checkpointKey.keyId},
                    ${signature}, ${ctx.userId}) returning created_at`,
      );
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'impact.report_generated',
          details: { report: id, period: period.key, final: content.final, contentHash },
        },
      });
      return {
        id,
        createdAt: new Date(inserted[0]?.created_at ?? Date.now()).toISOString(),
        createdBy: content.generated.by,
        final: content.final,
        contentHash,
        keyId: deps.checkpointKey.keyId,
      };
    },
  });
}

const FILE_NAMES = { it: 'rapporto-impatto', en: 'impact-report' } as const;

/** A report as a sealed PDF or XLSX file; the download is audited. */
export async function reportFile({
  deps,
  ctx,
  id,
  format,
  lang,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  format: 'pdf' | 'xlsx';
  lang: 'it' | 'en';
}): Promise<{ bytes: Buffer; fileName: string; contentType: string }> {
  const stored = await scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const found = await queryRows<{ content: string; content_hash: string }>(
        tx,
        sql`select content, content_hash from impact_reports where id = ${id}`,
      );
      const row = found[0];
      if (!row) throw problems.notFound();
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'impact.report_downloaded', details: { report: id, format, lang } },
      });
      return row;
    },
  });
  const content = ZReportContentSchema.parse(JSON.parse(stored.content));
  const bytes =
    format === 'pdf'
      ? await reportPdf({ content, contentHash: stored.content_hash, keyId: deps.checkpointKey.keyId, lang })
      : await reportXlsx({ content, contentHash: stored.content_hash, lang });
  const sealed = sealFile({
    bytes,
    format,
    key: deps.checkpointKey,
    statement: {
      kind: 'impact-report',
      signedAt: new Date().toISOString(),
      about: {
        report: id,
        period: content.period.key,
        final: content.final,
        contentHash: stored.content_hash,
        format,
        lang,
      },
    },
  });
  const draft = content.final ? '' : lang === 'it' ? '-bozza' : '-draft';
  return {
    bytes: sealed,
    fileName: `${FILE_NAMES[lang]}-${content.period.key}${draft}.${format}`,
    contentType:
      format === 'pdf'
        ? 'application/pdf'
        : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  };
}
