import { type PassThrough, Readable } from 'node:stream';
import { ZipFile } from 'yazl';
import type { AccessContext } from '../../platform/access/access-context.js';
import { actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import type { Deps } from '../../platform/deps.js';
import { requireManagedEdition } from './training.policy.js';
import { type CertificateLanguage, certificatePdf } from './training-certificate-pdf.js';
import { certificateFileName, loadCertificates, toPrinted } from './training-certificates.service.js';

/**
 * Every live certificate of an edition as one ZIP, for its trainers (issue 17 §4: bulk download).
 * The rows are read and the download audited in the request's transaction; the PDFs are drawn
 * after it, one at a time, each only when the archive reaches its entry (yazl asks for an entry's
 * stream when the previous one is written, and the response's backpressure paces it), so memory
 * holds one PDF whatever the number of participants.
 */
export async function editionCertificatesZip({
  deps,
  ctx,
  editionId,
  lang,
}: {
  deps: Deps;
  ctx: AccessContext;
  editionId: string;
  lang: CertificateLanguage;
}) {
  const { rows, title } = await scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const edition = await requireManagedEdition({ tx, ctx, editionId });
      const rows = await loadCertificates({ tx, where: { editionId, liveOnly: true } });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'training.certificates_zipped',
          recordType: 'training_edition',
          recordId: editionId,
          details: { count: rows.length, lang },
        },
      });
      return { rows, title: edition.course_title };
    },
  });
  const zip = new ZipFile();
  // A PDF that fails to draw ends the download with the error, not with a truncated archive that looks whole.
  zip.on('error', (error: Error) => (zip.outputStream as PassThrough).destroy(error));
  const names = new Set<string>();
  for (const row of rows) {
    let name = certificateFileName(row.holder_name, row.verification_code);
    // Codes are unique, so names are; kept safe should two ever meet.
    while (names.has(name)) name = name.replace(/\.pdf$/, '-1.pdf');
    names.add(name);
    // PDFs are compressed already: stored, not deflated again.
    zip.addReadStreamLazy(name, { compress: false }, (done) => {
      certificatePdf({ certificate: toPrinted(row), lang, publicUrl: deps.config.publicUrl }).then(
        (pdf) => done(null, Readable.from([pdf])),
        (error: Error) => done(error, Readable.from([])),
      );
    });
  }
  zip.end();
  const slug = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return { filename: `attestati-${slug || 'edizione'}.zip`, stream: zip.outputStream, count: rows.length };
}
