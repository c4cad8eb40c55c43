import { sql } from 'drizzle-orm';
import type { TLegacyKind } from '../../../contracts/governance-codes.js';
import { LEGACY_KINDS } from '../../../contracts/governance-codes.js';
import type { TLegacyItem } from '../../../contracts/governance-plan.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { queryRows } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { countJoined, loadLegacyItems } from './governance-legacy.service.js';
import { dayInWords, startReport } from './governance-plan-pdf.js';

/** The sustainability report (issue 21, item 4) for the committee: what lasts, by kind, as PDF. */

export const LEGACY_KIND_WORDS: Record<TLegacyKind, string> = {
  continuation: 'Azioni che continuano dopo il progetto',
  adoption: 'Innovazioni adottate nel Piano di Zona',
  synergy: 'Sinergie con altri programmi e bandi',
  new_service: 'Nuovi servizi',
  new_holder: 'Nuovi soggetti della comunità',
};

function describe(item: TLegacyItem) {
  const parts = [item.title];
  if (item.owner) parts.push(`titolare: ${item.owner.name}`);
  if (item.funding) parts.push(`finanziamento: ${item.funding}`);
  if (item.district) parts.push(item.district.name);
  if (item.decision) parts.push(`delibera n. ${item.decision.number} (${item.decision.committee})`);
  parts.push(`registrato il ${dayInWords(item.recordedOn)}`);
  return parts.join(' — ');
}

export function sustainabilityReportPdf(
  {
    items,
    counted,
    asOf,
  }: {
    items: TLegacyItem[];
    counted: { since: string; newServices: number; newHolders: number };
    asOf: string;
  },
  { compress = true } = {},
) {
  const pdf = startReport({
    title: 'Rapporto di sostenibilità — cosa resta dopo il progetto',
    subtitle: `Per la cabina di regia, situazione al ${dayInWords(asOf)}`,
    compress,
  });
  for (const kind of LEGACY_KINDS) {
    pdf.section(LEGACY_KIND_WORDS[kind]);
    pdf.lines(items.filter((i) => i.kind === kind).map(describe), 'Nessun elemento registrato.');
  }
  pdf.section('Contati dalla piattaforma');
  pdf.note(`Dall’avvio del progetto (${dayInWords(counted.since)}):`);
  pdf.line(`nuovi servizi registrati: ${counted.newServices}`);
  pdf.line(`nuovi soggetti della comunità mappati: ${counted.newHolders}`);
  return pdf.end();
}

export async function sustainabilityReport({ deps, ctx }: { deps: Deps; ctx: AccessContext }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const items = await loadLegacyItems(tx);
      const counted = await countJoined(tx);
      const [today] = await queryRows<{ d: string }>(
        tx,
        sql`select (now() at time zone 'Europe/Rome')::date::text as d`,
      );
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'governance.report_generated',
          details: { report: 'sustainability', items: items.length },
        },
      });
      return {
        filename: 'rapporto-sostenibilita.pdf',
        body: await sustainabilityReportPdf({ items, counted, asOf: today!.d }),
      };
    },
  });
}
