import PDFDocument from 'pdfkit';

/**
 * A plain A4 report in PDF (the governance reports, the record of processing, a data subject's
 * copy): the embedded fonts (nothing is fetched), a heading, sections, bulleted lines and notes.
 */
const FONT = new URL('../../../../assets/fonts/TitilliumWeb-Regular.ttf', import.meta.url).pathname;
const BOLD = new URL('../../../../assets/fonts/TitilliumWeb-Bold.ttf', import.meta.url).pathname;
const BLUE = '#1f4e79';

export interface ReportWriter {
  section(title: string): void;
  line(text: string): void;
  /** A section's lines, or the words saying there is nothing. */
  lines(items: string[], none: string): void;
  note(text: string): void;
  end(): Promise<Buffer>;
}

export function startReport({
  title,
  subtitle,
  compress = true,
}: {
  title: string;
  subtitle: string;
  /** Off only in tests that read the text operators back. */
  compress?: boolean;
}): ReportWriter {
  const doc = new PDFDocument({ size: 'A4', margin: 56, compress, info: { Title: title } });
  doc.registerFont('body', FONT);
  doc.registerFont('bold', BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('bold').fontSize(20).fillColor(BLUE).text(title);
  doc.font('body').fontSize(11).fillColor('#333333').text(subtitle);
  return {
    section(text) {
      doc.moveDown(1).font('bold').fontSize(14).fillColor(BLUE).text(text);
      doc.moveDown(0.2);
    },
    line(text) {
      doc.font('body').fontSize(10.5).fillColor('#000000').text(`• ${text}`, { indent: 8 });
    },
    lines(items, none) {
      if (items.length === 0) this.note(none);
      for (const item of items) this.line(item);
    },
    note(text) {
      doc.font('body').fontSize(10.5).fillColor('#333333').text(text);
    },
    end() {
      doc.end();
      return done;
    },
  };
}
