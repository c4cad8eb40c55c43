import { describe, expect, it } from 'vitest';
import { sheetOrder, signatureSheetPdf } from './training-signature-sheet.js';

/**
 * Reads the text of an uncompressed pdfkit file back, without any external tool: the embedded
 * fonts write glyph ids (`[<0001 0002> 12 <0003>] TJ`), and each font's ToUnicode map (one
 * `bfrange` with an array of code points) turns them back into characters.
 */
function pdfText(pdf: Buffer): string {
  const body = pdf.toString('latin1');
  const objects = new Map<string, string>();
  for (const m of body.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) objects.set(m[1]!, m[2]!);
  const unicodeOf = (fontObj: string) => {
    const ref = /\/ToUnicode (\d+) 0 R/.exec(objects.get(fontObj) ?? '')?.[1];
    const map = new Map<number, string>();
    const cmap = ref ? (objects.get(ref) ?? '') : '';
    for (const r of cmap.matchAll(/<([0-9a-f]{4})> <[0-9a-f]{4}> \[([^\]]*)\]/g)) {
      const start = Number.parseInt(r[1]!, 16);
      [...r[2]!.matchAll(/<([0-9a-f ]+)>/g)].forEach((u, i) => {
        const units = u[1]!.split(' ').map((h) => Number.parseInt(h, 16));
        map.set(start + i, String.fromCharCode(...units));
      });
    }
    return map;
  };
  const fonts = new Map<string, Map<number, string>>();
  for (const [, obj] of objects)
    for (const f of obj.matchAll(/\/(F\d+) (\d+) 0 R/g))
      if (!fonts.has(f[1]!)) fonts.set(f[1]!, unicodeOf(f[2]!));
  let text = '';
  for (const [, obj] of objects) {
    const stream = /stream\r?\n([\s\S]*?)endstream/.exec(obj)?.[1];
    if (!stream || !/ Tf/.test(stream)) continue;
    let font = new Map<number, string>();
    for (const op of stream.matchAll(/\/(F\d+) [\d.]+ Tf|\[((?:<[0-9a-f]*>|[^\]])*)\] TJ/g)) {
      if (op[1]) font = fonts.get(op[1]) ?? new Map();
      else {
        for (const hex of op[2]!.matchAll(/<([0-9a-f]*)>/g))
          for (let i = 0; i < hex[1]!.length; i += 4)
            text += font.get(Number.parseInt(hex[1]!.slice(i, i + 4), 16)) ?? '';
        text += '\n';
      }
    }
  }
  return text;
}

const session = {
  startsAt: new Date('2026-03-10T08:30:00Z'),
  endsAt: new Date('2026-03-10T12:30:00Z'),
  place: 'Sala consiliare, Treviglio',
  onlineLink: null,
};

describe('the signature sheet', () => {
  it('prints the course, the session and one row per participant, sorted by name', async () => {
    const pdf = await signatureSheetPdf({
      courseTitle: 'Etnoclinica e violenza di genere',
      serviceName: 'Formazione degli operatori',
      session,
      participants: [
        { name: 'Zeno Rossi', organisation: 'Comune di Treviglio' },
        { name: 'Àlida Conti', organisation: null },
        { name: 'Laura Bianchi', organisation: 'Ordine degli avvocati di Bergamo' },
      ],
      compress: false,
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain('Foglio firme');
    expect(text).toContain('Etnoclinica e violenza di genere');
    // 08:30Z is 09:30 in Rome in March (winter time).
    expect(text).toContain('martedì 10 marzo 2026, dalle 09:30 alle 13:30');
    expect(text).toContain('Luogo: Sala consiliare, Treviglio');
    expect(text).toContain('Ordine degli avvocati di Bergamo');
    const order = ['Àlida Conti', 'Laura Bianchi', 'Zeno Rossi'].map((n) => text.indexOf(n));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).toContain('Partecipanti confermati: 3.');
  });

  it('says so when no one is confirmed', async () => {
    const pdf = await signatureSheetPdf({
      courseTitle: 'Corso vuoto',
      serviceName: 'Formazione degli operatori',
      session: { ...session, place: null, onlineLink: 'https://meet.example.org/x' },
      participants: [],
      compress: false,
    });
    const text = pdfText(pdf);
    expect(text).toContain('Nessun partecipante confermato.');
    expect(text).toContain('In linea: https://meet.example.org/x');
  });

  it('sorts names the Italian way, ignoring accents and case', () => {
    expect(
      sheetOrder([
        { name: 'bruno', organisation: null },
        { name: 'Élia', organisation: null },
        { name: 'Anna', organisation: null },
      ]).map((p) => p.name),
    ).toEqual(['Anna', 'bruno', 'Élia']);
  });
});
