import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import PDFDocument from 'pdfkit';
import { DOCUMENT_DATA_CLASS } from '../../../contracts/case-documents.js';
import { queryRows } from '../../platform/db/client.js';
import { systemTransaction } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import type { DemoSeedContext } from '../../platform/module.js';
import { storeFile } from '../../platform/storage/storage.service.js';
import { caseDocuments, caseHandovers } from './case-documents.sql.js';

/**
 * Documents, hand-over and printing (issue 22, items 6-7): on the demo's first open case of the
 * ethnoclinical team led by `responsabile`, a hand-over proposed to `clinica` (on her Home), the old
 * lead staying on the team. Written as the owner, like all seeding.
 */
export async function seedDemoCaseDocuments({ tx, serviceIds, userIds }: DemoSeedContext): Promise<void> {
  const lead = userIds.get('responsabile');
  const colleague = userIds.get('clinica');
  const service = serviceIds.get('etnoclinica');
  if (!lead || !colleague || !service) return;
  const [found] = await queryRows<{ id: string }>(
    tx,
    sql`select c.id from cases c where c.service_id = ${service} and c.status = 'open' and c.lead_user_id = ${lead}
          and not exists (select 1 from case_team t where t.case_id = c.id and t.user_id = ${colleague})
        order by c.opened_at desc limit 1`,
  );
  if (!found) return;
  await tx.insert(caseHandovers).values({
    caseId: found.id,
    fromUserId: lead,
    toUserId: colleague,
    note: 'Dal mese prossimo riduco le ore: ti propongo di seguire tu il caso, resto in équipe.',
    stayAsMember: true,
  });
}

/** A one-page PDF with a title and a line of (invented) text: the demo's documents. */
function onePager(title: string, line: string): Promise<Buffer> {
  const pdf = new PDFDocument({ size: 'A4', margin: 56, info: { Title: title } });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => pdf.on('end', () => resolve(Buffer.concat(chunks))));
  pdf.fontSize(14).text(`${title} (dati di esempio)`);
  pdf.moveDown().fontSize(11).text(line);
  pdf.end();
  return done;
}

/**
 * The demo's documents: a school's letter on the case the hand-over names, and a copy of the
 * residence permit on its household, stored encrypted like any upload (platform/storage).
 */
export async function seedDemoCaseDocumentFiles(deps: Deps): Promise<void> {
  const [target] = await systemTransaction(deps.db, async (tx) => {
    const [already] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from case_documents`);
    if (already && already.n > 0) return [];
    return queryRows<{ case_id: string; household_id: string; lead: string; service_id: string }>(
      tx,
      sql`select c.id as case_id, c.household_id, c.lead_user_id as lead, c.service_id
            from case_handovers h join cases c on c.id = h.case_id
          order by h.proposed_at limit 1`,
    );
  });
  if (!target) return;
  const documents = [
    {
      kind: 'case',
      id: target.case_id,
      caseId: target.case_id,
      documentClass: 'school',
      title: 'Relazione della scuola',
      line: 'Frequenza regolare da ottobre; buona partecipazione in classe.',
    },
    {
      kind: 'household',
      id: target.household_id,
      caseId: null,
      documentClass: 'identity',
      title: 'Permesso di soggiorno (copia)',
      line: 'Copia del permesso di soggiorno per motivi familiari.',
    },
  ] as const;
  for (const document of documents) {
    await storeFile({
      deps,
      actor: { system: { createdBy: target.lead, serviceId: target.service_id, label: 'demo' } },
      input: {
        module: 'cases',
        recordType: document.kind,
        recordId: document.id,
        dataClass: DOCUMENT_DATA_CLASS[document.documentClass],
        retentionClass: 'case_record',
        kind: 'document',
        fileName: `${document.title}.pdf`,
        declaredType: 'application/pdf',
        content: Readable.from([await onePager(document.title, document.line)]),
      },
      within: async ({ tx, fileId }) => {
        await tx.insert(caseDocuments).values({
          fileId,
          attachedKind: document.kind,
          attachedId: document.id,
          householdId: target.household_id,
          caseId: document.caseId,
          documentClass: document.documentClass,
          title: document.title,
          uploadedBy: target.lead,
        });
      },
    });
  }
}
