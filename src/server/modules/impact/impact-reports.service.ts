import { createHash, randomUUID, sign } from 'node:crypto';
import { sql } from 'drizzle-orm';
import {
  REPORT_K,
  type TReportContent,
  type TReportSummary,
  ZReportContentSchema,
} from '../../../contracts/impact-periods.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { sealFile } from '../../platform/audit/file-seal.js';
import { queryRows } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { registeredIndicators } from '../../platform/indicators/indicator-registry.js';
import { displayNames } from './impact-chair.js';
import { frozenValues, lateRecordsBefore } from './impact-frozen.js';
import { requirePeriod } from './impact-periods.service.js';
import { reportPdf } from './impact-report-pdf.js';
import { reportXlsx } from './impact-report-xlsx.js';
import { measurePeriod, reportRows } from './impact-snapshot.js';

/**
 * Frozen, signed reports (issue 25, item 4). A report of a locked period shows the values its
 * lock froze; of any other period, the values computed now, and it is a draft on every page.
 * Its content is kept as canonical JSON with its SHA-256 and the platform key's Ed25519 signature,
 * never changed; every file made from it (PDF in Italian or English, XLSX) is sealed.
 */

const SUPPRESSION_RULE = {
  it: `I conteggi sono totali del progetto (nel periodo e dall’inizio del progetto) e sono mostrati esattamente, anche se piccoli: sono gli impegni che ogni partner conosce. Ogni media calcolata su meno di ${REPORT_K} casi è riservata. Il rapporto non contiene scomposizioni per territorio, genere, età o cittadinanza.`,
  en: `Counts are the project's totals (within the period and since the project's start) and are shown exactly, even when small: they are the commitments every partner knows. Every average over fewer than ${REPORT_K} records is suppressed. The report holds no breakdown by district, gender, age or citizenship.`,
};

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
      // A locked period's report shows what its lock froze, late records included; any other, today's.
      const frozen = await frozenValues(tx, period.key);
      const measured =
        frozen?.measured ??
        (await unsafeAsSystem(tx, (sys) =>
          measurePeriod({ indicators, on: sys, period, keyring: deps.keyring }),
        ));
      const afterLock = frozen?.afterLock ?? (await lateRecordsBefore(tx, deps, period));
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
          afterLock,
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
      const found = await queryRows<{ content: string; content_hash: string; key_id: string }>(
        tx,
        sql`select content, content_hash, key_id from impact_reports where id = ${id}`,
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
      ? await reportPdf({ content, contentHash: stored.content_hash, keyId: stored.key_id, lang })
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
