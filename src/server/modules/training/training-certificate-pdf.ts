import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { TCreditScheme } from '../../../contracts/training.js';

/**
 * A certificate of attendance as a PDF, A4 landscape, in Italian or English: the holder, the
 * course, the hours, the dates of the edition, the credits where the course is accredited, and
 * the verification code with a QR of the public verification page (and its address in words, for
 * whoever cannot scan). Fonts are embedded from assets/fonts: nothing is fetched.
 */
const FONT = new URL('../../../../assets/fonts/TitilliumWeb-Regular.ttf', import.meta.url).pathname;
const BOLD = new URL('../../../../assets/fonts/TitilliumWeb-Bold.ttf', import.meta.url).pathname;

export type CertificateLanguage = 'it' | 'en';

export interface PrintedCertificate {
  holderName: string;
  courseTitle: string;
  hours: number;
  /** ISO dates (YYYY-MM-DD) of the edition's first and last session, in Italian time. */
  firstDay: string;
  lastDay: string;
  issuedOn: string;
  creditScheme: TCreditScheme | null;
  credits: number | null;
  accreditationRef: string | null;
  verificationCode: string;
  serviceName: string;
}

/** Who accredits the credits, in words. */
export const CREDIT_BODIES: Record<TCreditScheme, Record<CertificateLanguage, string>> = {
  social_workers_council: {
    it: "Consiglio regionale dell'Ordine degli assistenti sociali",
    en: 'Regional Council of the Order of Social Workers',
  },
  bar_council: {
    it: "Consiglio dell'Ordine degli avvocati",
    en: 'Bar Council',
  },
  ecm: {
    it: 'ECM (Educazione continua in medicina)',
    en: 'ECM (Continuing Medical Education)',
  },
};

const WORDS = {
  it: {
    title: 'Attestato di partecipazione',
    certifies: 'Si attesta che',
    attended: 'ha partecipato al corso',
    hours: (h: string) => `per ${h} ore di presenza`,
    dates: (a: string, b: string) => (a === b ? `il ${a}` : `dal ${a} al ${b}`),
    credits: (n: string, body: string) => `Crediti formativi: ${n} (${body})`,
    accreditation: (ref: string) => `Accreditamento: ${ref}`,
    issued: (d: string) => `Rilasciato il ${d}`,
    code: 'Codice di verifica',
    verify: 'Verifica l’autenticità all’indirizzo',
  },
  en: {
    title: 'Certificate of attendance',
    certifies: 'This is to certify that',
    attended: 'attended the course',
    hours: (h: string) => `for ${h} hours of attendance`,
    dates: (a: string, b: string) => (a === b ? `on ${a}` : `from ${a} to ${b}`),
    credits: (n: string, body: string) => `Training credits: ${n}, awarded by ${body}`,
    accreditation: (ref: string) => `Accreditation: ${ref}`,
    issued: (d: string) => `Issued on ${d}`,
    code: 'Verification code',
    verify: 'Check that it is genuine at',
  },
} as const;

/** A date in words ("12 marzo 2026", "12 March 2026"); the ISO date is a calendar day, read as UTC. */
const dayOf = (iso: string, lang: CertificateLanguage) =>
  new Intl.DateTimeFormat(lang === 'it' ? 'it-IT' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
const number = (n: number, lang: CertificateLanguage) =>
  new Intl.NumberFormat(lang === 'it' ? 'it-IT' : 'en-GB', { maximumFractionDigits: 2 }).format(n);

/** The verification page a certificate's QR and text point to. */
export const verificationUrl = (publicUrl: string, code: string) =>
  `${publicUrl.replace(/\/+$/, '')}/verifica/${code}`;

export async function certificatePdf({
  certificate: c,
  lang,
  publicUrl,
  compress = true,
}: {
  certificate: PrintedCertificate;
  lang: CertificateLanguage;
  publicUrl: string;
  /** Off only in tests, which read the text operators back. */
  compress?: boolean;
}): Promise<Buffer> {
  const w = WORDS[lang];
  const url = verificationUrl(publicUrl, c.verificationCode);
  const qr = await QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 240 });
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 56,
    compress,
    info: { Title: `${w.title} — ${c.holderName}`, Author: c.serviceName, Subject: c.courseTitle },
  });
  doc.registerFont('body', FONT);
  doc.registerFont('bold', BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - 112;
  const centred = { width, align: 'center' as const };
  doc
    .rect(28, 28, doc.page.width - 56, doc.page.height - 56)
    .lineWidth(2)
    .stroke('#1f4e79');
  doc.font('body').fontSize(12).fillColor('#333333').text(c.serviceName, 56, 60, centred);
  doc.moveDown(1.2).font('bold').fontSize(30).fillColor('#1f4e79').text(w.title, centred);
  doc.moveDown(0.8).font('body').fontSize(14).fillColor('#000000').text(w.certifies, centred);
  doc.moveDown(0.3).font('bold').fontSize(24).text(c.holderName, centred);
  doc.moveDown(0.3).font('body').fontSize(14).text(w.attended, centred);
  doc.moveDown(0.3).font('bold').fontSize(18).text(c.courseTitle, centred);
  doc
    .moveDown(0.5)
    .font('body')
    .fontSize(13)
    .text(
      `${w.hours(number(c.hours, lang))}, ${w.dates(dayOf(c.firstDay, lang), dayOf(c.lastDay, lang))}`,
      centred,
    );
  if (c.creditScheme && c.credits !== null) {
    doc.moveDown(0.4).text(w.credits(number(c.credits, lang), CREDIT_BODIES[c.creditScheme][lang]), centred);
    if (c.accreditationRef) doc.text(w.accreditation(c.accreditationRef), centred);
  }
  doc.moveDown(0.4).text(w.issued(dayOf(c.issuedOn, lang)), centred);

  // The code and its QR in the bottom band, above the frame.
  const qrSize = 96;
  const bandTop = doc.page.height - 56 - qrSize;
  doc.image(qr, 56 + 8, bandTop, { width: qrSize, height: qrSize });
  const textLeft = 56 + qrSize + 24;
  doc
    .font('body')
    .fontSize(11)
    .fillColor('#333333')
    .text(`${w.code}: `, textLeft, bandTop + 18, { continued: true, lineBreak: false })
    .font('bold')
    .text(c.verificationCode);
  doc
    .font('body')
    .fontSize(11)
    .text(w.verify, textLeft, bandTop + 40);
  doc
    .font('body')
    .fontSize(11)
    .text(url, textLeft, bandTop + 56);
  doc.end();
  return done;
}
