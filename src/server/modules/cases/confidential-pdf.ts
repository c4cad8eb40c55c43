import PDFDocument from 'pdfkit';

const FONT = new URL('../../../../assets/fonts/TitilliumWeb-Regular.ttf', import.meta.url).pathname;
const BOLD = new URL('../../../../assets/fonts/TitilliumWeb-Bold.ttf', import.meta.url).pathname;

/**
 * A confidential A4 document of the cases module (a report to the court, a case summary, a
 * consultation's opinion): the Titillium fonts as `body` and `bold`, and pages kept in memory so
 * that `finish` stamps every one of them — the reader's watermark across the page and a footer
 * with the page number — before it ends the document.
 */
export function confidentialPdf({ title, author }: { title: string; author: string }) {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    bufferPages: true,
    info: { Title: title, Author: author, Subject: 'Riservato' },
  });
  doc.registerFont('body', FONT);
  doc.registerFont('bold', BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  function finish({
    stamp,
    stampSize = 22,
    footer,
  }: {
    stamp: string;
    stampSize?: number;
    footer: (page: number, pages: number) => string;
  }): Promise<Buffer> {
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      // Writing below the bottom margin would start a new page: the footer lifts it for itself.
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc.save();
      doc.rotate(-35, { origin: [doc.page.width / 2, doc.page.height / 2] });
      doc
        .font('bold')
        .fontSize(stampSize)
        .fillColor('#b0b0b0', 0.35)
        .text(stamp, 0, doc.page.height / 2 - 20, {
          width: doc.page.width,
          align: 'center',
          lineBreak: false,
        });
      doc.restore();
      doc
        .font('body')
        .fontSize(8)
        .fillColor('#333333', 1)
        .text(footer(i + 1, range.count), 56, doc.page.height - 40, {
          width: doc.page.width - 112,
          align: 'center',
          lineBreak: false,
        });
      doc.page.margins.bottom = bottom;
    }
    doc.end();
    return done;
  }

  return { doc, finish };
}
