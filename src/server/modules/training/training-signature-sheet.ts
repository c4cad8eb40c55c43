import PDFDocument from 'pdfkit';

/**
 * The signature sheet of one session, in Italian: the course, the session's date, time and place,
 * and one row per confirmed participant (name, organisation, a box to sign), sorted by name. The
 * trainer prints it where a QR scan is not possible; the signed sheet is then entered as
 * attendance (source `signature_sheet`). Fonts are embedded from assets/fonts: nothing is fetched.
 */
const FONT = new URL('../../../../assets/fonts/TitilliumWeb-Regular.ttf', import.meta.url).pathname;
const BOLD = new URL('../../../../assets/fonts/TitilliumWeb-Bold.ttf', import.meta.url).pathname;

export interface SheetSession {
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  onlineLink: string | null;
}

export interface SheetParticipant {
  name: string;
  organisation: string | null;
}

const ROME = 'Europe/Rome';
const day = (d: Date) =>
  d.toLocaleDateString('it-IT', {
    timeZone: ROME,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
const time = (d: Date) =>
  d.toLocaleTimeString('it-IT', { timeZone: ROME, hour: '2-digit', minute: '2-digit' });

/** The participants in the sheet's order: by name, the Italian way (accents, case). */
export const sheetOrder = (participants: readonly SheetParticipant[]) =>
  [...participants].sort((a, b) => a.name.localeCompare(b.name, 'it', { sensitivity: 'base' }));

export function signatureSheetPdf({
  courseTitle,
  serviceName,
  session,
  participants,
  compress = true,
}: {
  courseTitle: string;
  serviceName: string;
  session: SheetSession;
  participants: readonly SheetParticipant[];
  /** Off in tests, so the page's text can be read back from the file. */
  compress?: boolean;
}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 48,
    compress,
    info: { Title: `Foglio firme — ${courseTitle}`, Author: serviceName },
  });
  doc.registerFont('body', FONT);
  doc.registerFont('bold', BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const columns = [
    { label: 'Partecipante', width: width * 0.36 },
    { label: 'Ente', width: width * 0.34 },
    { label: 'Firma', width: width * 0.3 },
  ];
  const rowHeight = 34;

  const header = () => {
    doc.font('bold').fontSize(15).fillColor('#000000').text('Foglio firme', left, doc.page.margins.top);
    doc.font('bold').fontSize(12).text(courseTitle, { width });
    doc.font('body').fontSize(10).text(serviceName, { width });
    doc.text(
      `Sessione di ${day(session.startsAt)}, dalle ${time(session.startsAt)} alle ${time(session.endsAt)}`,
      { width },
    );
    const where = session.place ?? (session.onlineLink ? `In linea: ${session.onlineLink}` : null);
    if (where) doc.text(`Luogo: ${where}`, { width });
    doc.moveDown(0.8);
    tableHead();
  };
  const tableHead = () => {
    const y = doc.y;
    let x = left;
    doc.font('bold').fontSize(10);
    for (const c of columns) {
      doc.rect(x, y, c.width, 20).stroke('#444444');
      doc.text(c.label, x + 4, y + 5, { width: c.width - 8, lineBreak: false });
      x += c.width;
    }
    doc.y = y + 20;
  };

  header();
  const bottom = doc.page.height - doc.page.margins.bottom - 24;
  for (const p of sheetOrder(participants)) {
    if (doc.y + rowHeight > bottom) {
      doc.addPage();
      doc.y = doc.page.margins.top;
      tableHead();
    }
    const y = doc.y;
    let x = left;
    const cells = [p.name, p.organisation ?? '', ''];
    doc.font('body').fontSize(10);
    columns.forEach((c, i) => {
      doc.rect(x, y, c.width, rowHeight).stroke('#444444');
      if (cells[i])
        doc.text(cells[i]!, x + 4, y + 6, { width: c.width - 8, height: rowHeight - 8, ellipsis: true });
      x += c.width;
    });
    doc.y = y + rowHeight;
  }
  if (participants.length === 0)
    doc
      .font('body')
      .fontSize(10)
      .text('Nessun partecipante confermato.', left, doc.y + 8, { width });
  doc
    .font('body')
    .fontSize(9)
    .text(
      `Partecipanti confermati: ${participants.length}. Firma del formatore: ______________________`,
      left,
      doc.y + 16,
      { width },
    );
  doc.end();
  return done;
}
