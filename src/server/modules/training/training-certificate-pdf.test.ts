import { describe, expect, it } from 'vitest';
import { certificatePdf, type PrintedCertificate } from './training-certificate-pdf.js';

/**
 * The text of an uncompressed pdfkit PDF, read back with no external tool: each embedded font
 * writes glyph ids as hex (`<0012 0034> Tj`, `[<…> 12 <…>] TJ`) and a ToUnicode map from those
 * ids to characters; the page's font names (`/F1 14 Tf`) name the font objects. Lines are the
 * text objects (BT … ET), in drawing order.
 */
function pdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const objects = new Map<string, string>();
  for (const m of source.matchAll(/(\d+) 0 obj([\s\S]*?)endobj/g)) objects.set(m[1]!, m[2]!);
  const toUnicode = (objectId: string) => {
    const map = new Map<number, string>();
    const body = objects.get(objectId) ?? '';
    for (const range of body.matchAll(/<([0-9a-f]+)> <([0-9a-f]+)> \[([^\]]*)\]/gi)) {
      const start = Number.parseInt(range[1]!, 16);
      [...range[3]!.matchAll(/<([0-9a-f ]+)>/gi)].forEach((entry, i) => {
        const units = entry[1]!.split(' ').map((h) => Number.parseInt(h, 16));
        map.set(start + i, String.fromCharCode(...units));
      });
    }
    return map;
  };
  // Font resource name → glyph map, from every page's resources.
  const fonts = new Map<string, Map<number, string>>();
  for (const body of objects.values())
    for (const f of body.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
      const font = objects.get(f[2]!) ?? '';
      const cmap = /\/ToUnicode (\d+) 0 R/.exec(font);
      if (cmap) fonts.set(f[1]!, toUnicode(cmap[1]!));
    }
  const lines: string[] = [];
  for (const stream of source.matchAll(/stream\r?\n([\s\S]*?)endstream/g)) {
    let glyphs = new Map<number, string>();
    for (const block of stream[1]!.matchAll(/BT([\s\S]*?)ET/g)) {
      let line = '';
      for (const op of block[1]!.matchAll(/\/(F\d+) [\d.]+ Tf|(\[[^\]]*\]\s*TJ|<[0-9a-f]*>\s*Tj)/gi)) {
        if (op[1]) glyphs = fonts.get(op[1]) ?? new Map();
        else
          for (const hex of op[2]!.matchAll(/<([0-9a-f]*)>/gi))
            for (let i = 0; i < hex[1]!.length; i += 4)
              line += glyphs.get(Number.parseInt(hex[1]!.slice(i, i + 4), 16)) ?? '';
      }
      if (line) lines.push(line);
    }
  }
  return lines.join('\n');
}

const flat = (text: string) => text.replace(/\s+/g, ' ');

const certificate: PrintedCertificate = {
  holderName: 'Maria Teresa Àlvarez Rossi',
  courseTitle: 'Etnoclinica e violenza di genere: il lavoro con le famiglie',
  hours: 7.5,
  firstDay: '2026-03-02',
  lastDay: '2026-03-16',
  issuedOn: '2026-03-20',
  creditScheme: 'social_workers_council',
  credits: 8,
  accreditationRef: 'CROAS-LOM 2026/114',
  verificationCode: 'ABCD-2345-EFGH-6789-JKLM',
  serviceName: 'Formazione degli operatori',
};

describe('certificate PDF', () => {
  it('reads, in Italian, the holder, course, hours, dates, credits in words and the verification code and address', async () => {
    const pdf = await certificatePdf({
      certificate,
      lang: 'it',
      publicUrl: 'https://trama.example.org/',
      compress: false,
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = flat(pdfText(pdf));
    expect(text).toContain('Attestato di partecipazione');
    expect(text).toContain('Maria Teresa Àlvarez Rossi');
    expect(text).toContain('Etnoclinica e violenza di genere: il lavoro con le famiglie');
    expect(text).toContain('per 7,5 ore di presenza');
    expect(text).toContain('dal 2 marzo 2026 al 16 marzo 2026');
    expect(text).toContain("Consiglio regionale dell'Ordine degli assistenti sociali");
    expect(text).toContain('Crediti formativi: 8');
    expect(text).toContain('ABCD-2345-EFGH-6789-JKLM');
    expect(text).toContain('https://trama.example.org/verifica/ABCD-2345-EFGH-6789-JKLM');
    expect(text).not.toContain('Certificate of attendance');
  });

  it('reads the same in English, and leaves credits out of a course that is not accredited', async () => {
    const pdf = await certificatePdf({
      certificate: { ...certificate, creditScheme: null, credits: null, accreditationRef: null },
      lang: 'en',
      publicUrl: 'https://trama.example.org',
      compress: false,
    });
    const text = flat(pdfText(pdf));
    expect(text).toContain('Certificate of attendance');
    expect(text).toContain('Maria Teresa Àlvarez Rossi');
    expect(text).toContain('Etnoclinica e violenza di genere: il lavoro con le famiglie');
    expect(text).toContain('for 7.5 hours of attendance');
    expect(text).toContain('from 2 March 2026 to 16 March 2026');
    expect(text).toContain('Verification code');
    expect(text).toContain('ABCD-2345-EFGH-6789-JKLM');
    expect(text).not.toContain('credits');
    expect(text).not.toContain('Attestato di partecipazione');
  });

  it('is A4 landscape, embeds its fonts and an image (the QR), and compresses by default', async () => {
    const pdf = (await certificatePdf({ certificate, lang: 'it', publicUrl: 'https://x.example' })).toString(
      'latin1',
    );
    expect(pdf).toContain('/FontFile2');
    expect(pdf).toContain('/Subtype /Image');
    expect(pdf).toContain('/FlateDecode');
    expect(pdf.match(/\/Type \/Page\b/g), 'one page').toHaveLength(1);
    expect(pdf).toMatch(/\/MediaBox \[0 0 841\.89 595\.28\]/);
  });
});
