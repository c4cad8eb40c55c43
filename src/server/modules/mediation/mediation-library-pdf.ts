import bidiFactory, { type EmbeddingLevels } from 'bidi-js';
import PDFDocument from 'pdfkit';

/**
 * An approved material version as a PDF (issue 18, item 7), in any of the community languages:
 * Latin and Cyrillic in Noto Sans, Arabic and Urdu in Noto Naskh Arabic, Punjabi in Noto Sans
 * Gurmukhi, embedded from assets/fonts/noto (nothing is fetched).
 *
 * Why a line layout of our own: pdfkit shapes Arabic through fontkit, and fontkit reverses the
 * glyphs of each run it lays out, but pdfkit hands it one word at a time, so an Arabic line comes
 * out with its letters right and its words in the wrong order, and numbers or Latin words inside
 * right-to-left text are never placed. So lines are broken here in logical order, then each line
 * is ordered with the Unicode bidirectional algorithm (bidi-js: levels, rule L2, mirrored
 * brackets) into runs of one direction and one font; a right-to-left run goes to fontkit whole and
 * in logical order, so that it shapes the joining forms and reverses the run itself, and runs
 * with no Arabic letter in them (spaces, punctuation) are reversed here.
 */

const FONT_DIR = new URL('../../../../assets/fonts/noto/', import.meta.url);
type FontKey = 'latin' | 'arabic' | 'gurmukhi';
type Weight = 'regular' | 'bold';
const FONT_FILES: Record<FontKey, Record<Weight, string>> = {
  latin: { regular: 'NotoSans-Regular.ttf', bold: 'NotoSans-Bold.ttf' },
  arabic: { regular: 'NotoNaskhArabic-Regular.ttf', bold: 'NotoNaskhArabic-Bold.ttf' },
  gurmukhi: { regular: 'NotoSansGurmukhi-Regular.woff', bold: 'NotoSansGurmukhi-Bold.woff' },
};
const FONT_KEYS = Object.keys(FONT_FILES) as FontKey[];
/**
 * OpenType features per font, always given so that pdfkit lays a run out whole (with none it
 * goes word by word). Noto Sans Gurmukhi has null anchors in its above-base mark positioning,
 * legal OpenType on which fontkit 2.0 throws (foliojs/fontkit#367): that one feature is left off,
 * and the vowel signs keep the places drawn in their outlines.
 */
const FEATURES: Record<FontKey, PDFKit.Mixins.OpenTypeFeatures[]> = {
  latin: [],
  arabic: [],
  // fontkit takes an object of features on or off as well as a list; the typings know only the list.
  gurmukhi: { abvm: false } as unknown as PDFKit.Mixins.OpenTypeFeatures[],
};
const fontName = (key: FontKey, weight: Weight) => `${key}-${weight}`;

const bidi = bidiFactory();
/** Scripts whose runs fontkit reverses by itself (the only right-to-left script of our fonts). */
const SELF_REVERSING = /\p{Script=Arabic}/u;

/** The font a character's script asks for; null for the shared ones (spaces, digits, punctuation, marks). */
function scriptFont(char: string): FontKey | null {
  if (/\p{Script=Arabic}/u.test(char)) return 'arabic';
  if (/\p{Script=Gurmukhi}/u.test(char)) return 'gurmukhi';
  if (/[\p{Script=Common}\p{Script=Inherited}]/u.test(char)) return null;
  return 'latin';
}

/** The primary font of a language's text. */
export function primaryFontOf(language: string): FontKey {
  if (['ar', 'ur', 'fa', 'ps', 'ckb'].includes(language)) return 'arabic';
  if (language === 'pa') return 'gurmukhi';
  return 'latin';
}

export interface PrintedMaterial {
  /** The version's title, in its language. */
  title: string;
  body: string;
  language: string;
  /** The language's name in Italian, for the heading. */
  languageName: string;
  rtl: boolean;
  /** The material's title in Italian. */
  materialTitle: string;
  version: number;
  approvedAt: string | null;
  reviewerName: string | null;
  serviceName: string;
}

interface ParagraphStyle {
  size: number;
  weight: Weight;
  rtl: boolean;
  color: string;
  /** Space after the paragraph, in points. */
  after: number;
}

type CoverageFont = { hasGlyphForCodePoint(codePoint: number): boolean };
/** What pdfkit keeps of the current font and leaves out of its typings: fontkit's font, the subset, the ToUnicode map. */
interface EmbeddedFontInternals {
  font: CoverageFont & {
    layout(text: string, features: unknown): { glyphs: { id: number; codePoints: number[] }[] };
  };
  subset?: { includeGlyph(id: number): number };
  unicode?: (number[] | undefined)[];
}
const currentFont = (doc: PDFKit.PDFDocument) => (doc as unknown as { _font: EmbeddedFontInternals })._font;

/**
 * A glyph that stands for several letters (the lam-alef ligature) is mapped back to them in the
 * PDF's ToUnicode map. Readers that extract text (copy, search, screen readers, pdftotext) read a
 * right-to-left line in visual order and reverse it, letters of a ligature included: so inside a
 * right-to-left run its letters are listed in visual order, and come out in logical order.
 */
function mapLigaturesVisually(doc: PDFKit.PDFDocument, text: string, features: unknown) {
  const font = currentFont(doc);
  if (!font.subset || !font.unicode) return;
  for (const glyph of font.font.layout(text, features).glyphs) {
    if (glyph.codePoints.length < 2) continue;
    const id = font.subset.includeGlyph(glyph.id);
    font.unicode[id] ??= [...glyph.codePoints].reverse();
  }
}

/** Writes paragraphs of mixed-direction text at the document's margins, page after page. */
class BidiWriter {
  private readonly coverage = new Map<FontKey, CoverageFont>();
  y: number;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly primary: FontKey,
  ) {
    for (const key of FONT_KEYS) {
      for (const weight of ['regular', 'bold'] as const)
        doc.registerFont(fontName(key, weight), new URL(FONT_FILES[key][weight], FONT_DIR).pathname);
      // pdfkit keeps the fontkit font of the current font; its glyph coverage is not in the typings.
      this.coverage.set(key, currentFont(doc.font(fontName(key, 'regular'))).font);
    }
    this.y = doc.page.margins.top;
  }

  private get left() {
    return this.doc.page.margins.left;
  }
  private get width() {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  private covers(key: FontKey, codePoint: number) {
    return this.coverage.get(key)?.hasGlyphForCodePoint(codePoint) ?? false;
  }

  /** The font of every UTF-16 unit: by script, the shared characters following their neighbour. */
  private fontsOf(text: string): FontKey[] {
    const fonts: FontKey[] = [];
    let previous = this.primary;
    for (let i = 0; i < text.length; ) {
      const codePoint = text.codePointAt(i) ?? 0;
      const units = codePoint > 0xffff ? 2 : 1;
      let font =
        scriptFont(String.fromCodePoint(codePoint)) ??
        (this.covers(previous, codePoint) ? previous : this.primary);
      if (!this.covers(font, codePoint)) font = FONT_KEYS.find((k) => this.covers(k, codePoint)) ?? font;
      for (let u = 0; u < units; u++) fonts.push(font);
      previous = font;
      i += units;
    }
    return fonts;
  }

  /** Widths at 1 pt, by font and text: shaping is the slow part, and words repeat. */
  private readonly widths = new Map<string, number>();

  private measure(text: string, font: FontKey, style: ParagraphStyle) {
    const key = `${fontName(font, style.weight)}\u0000${text}`;
    let width = this.widths.get(key);
    if (width === undefined) {
      width = this.doc
        .font(fontName(font, style.weight))
        .fontSize(1)
        .widthOfString(text, { features: FEATURES[font] });
      this.widths.set(key, width);
    }
    return width * style.size;
  }

  /** The width of text[start, end) in logical order, one call per run of one font. */
  private widthOf(text: string, fonts: FontKey[], start: number, end: number, style: ParagraphStyle) {
    let width = 0;
    for (let i = start; i < end; ) {
      let j = i + 1;
      while (j < end && fonts[j] === fonts[i]) j++;
      width += this.measure(text.slice(i, j), fonts[i] ?? this.primary, style);
      i = j;
    }
    return width;
  }

  /** Greedy line breaks at spaces (a word wider than the line is cut), as [start, end) ranges. */
  private breakLines(text: string, fonts: FontKey[], style: ParagraphStyle): [number, number][] {
    const lines: [number, number][] = [];
    let lineStart = 0;
    let lineWidth = 0;
    let i = 0;
    while (i < text.length) {
      let wordEnd = i;
      while (wordEnd < text.length && !/\s/.test(text[wordEnd] ?? '')) wordEnd++;
      let next = wordEnd;
      while (next < text.length && /\s/.test(text[next] ?? '')) next++;
      const wordWidth = this.widthOf(text, fonts, i, wordEnd, style);
      if (lineWidth > 0 && lineWidth + wordWidth > this.width) {
        lines.push([lineStart, i]);
        lineStart = i;
        lineWidth = 0;
      }
      if (wordWidth > this.width) {
        // A word longer than the line: cut it by code points.
        let cut = i;
        let width = 0;
        for (const char of text.slice(i, wordEnd)) {
          const w = this.measure(char, fonts[cut] ?? this.primary, style);
          if (width > 0 && width + w > this.width) {
            lines.push([lineStart, cut]);
            lineStart = cut;
            width = 0;
          }
          width += w;
          cut += char.length;
        }
        lineWidth = width;
      } else lineWidth += wordWidth;
      lineWidth += this.widthOf(text, fonts, wordEnd, next, style);
      i = next;
    }
    if (lineStart < text.length) lines.push([lineStart, text.length]);
    return lines;
  }

  /** The runs of one line in visual order: one direction and one font each, text in logical order. */
  private visualRuns(
    text: string,
    levels: EmbeddingLevels,
    fonts: FontKey[],
    start: number,
    end: number,
  ): { text: string; font: FontKey; rtl: boolean }[] {
    const order = bidi.getReorderedIndices(text, levels, start, end - 1).slice(start, end);
    const runs: { text: string; font: FontKey; rtl: boolean }[] = [];
    let first = 0;
    while (first < order.length) {
      const head = order[first] ?? start;
      const level = levels.levels[head] ?? 0;
      const step = level % 2 === 1 ? -1 : 1;
      let last = first;
      while (
        last + 1 < order.length &&
        order[last + 1] === (order[last] ?? 0) + step &&
        levels.levels[order[last + 1] ?? 0] === level &&
        fonts[order[last + 1] ?? 0] === fonts[head]
      )
        last++;
      const from = Math.min(head, order[last] ?? head);
      const to = Math.max(head, order[last] ?? head) + 1;
      let run = text.slice(from, to);
      if (step === -1 && !SELF_REVERSING.test(run)) run = [...run].reverse().join('');
      runs.push({ text: run, font: fonts[head] ?? this.primary, rtl: step === -1 });
      first = last + 1;
    }
    return runs;
  }

  paragraph(source: string, style: ParagraphStyle) {
    const doc = this.doc;
    if (!source.trim()) {
      this.y += style.size * 0.8;
      return;
    }
    const levels = bidi.getEmbeddingLevels(source, style.rtl ? 'rtl' : 'ltr');
    // Brackets and the like face the other way inside right-to-left text (rule L4).
    const mirrored = bidi.getMirroredCharactersMap(source, levels.levels);
    const text = Array.from({ length: source.length }, (_, i) => mirrored.get(i) ?? source[i]).join('');
    const fonts = this.fontsOf(text);
    const tall = fonts.includes('arabic') ? 2 : fonts.includes('gurmukhi') ? 1.7 : 1.45;
    const lineHeight = style.size * tall;
    for (const [start, lineEnd] of this.breakLines(text, fonts, style)) {
      let end = lineEnd;
      while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
      if (this.y + lineHeight > doc.page.height - doc.page.margins.bottom) {
        doc.addPage();
        this.y = doc.page.margins.top;
      }
      const baseline = this.y + style.size * (tall - 0.45);
      if (end > start) {
        const runs = this.visualRuns(text, levels, fonts, start, end).map((run) => ({
          ...run,
          width: this.measure(run.text, run.font, style),
        }));
        const total = runs.reduce((sum, run) => sum + run.width, 0);
        let x = style.rtl ? this.left + this.width - total : this.left;
        for (const run of runs) {
          doc.font(fontName(run.font, style.weight)).fontSize(style.size).fillColor(style.color);
          if (run.rtl) mapLigaturesVisually(doc, run.text, FEATURES[run.font]);
          doc.text(run.text, x, baseline, {
            lineBreak: false,
            features: FEATURES[run.font],
            baseline: 'alphabetic',
          });
          x += run.width;
        }
      }
      this.y += lineHeight;
    }
    this.y += style.after;
  }
}

const dayOf = (iso: string) =>
  new Intl.DateTimeFormat('it-IT', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Rome',
  }).format(new Date(iso));

/** A safe file name from a title: letters of any script, digits and dashes, never a path. */
export function pdfFileName(title: string, language: string) {
  const slug = title
    .normalize('NFKC')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${slug || 'materiale'}-${language}.pdf`;
}

export async function materialPdf({
  material: m,
  compress = true,
}: {
  material: PrintedMaterial;
  /** Off only in tests that read the text operators back. */
  compress?: boolean;
}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    compress,
    lang: m.language,
    displayTitle: true,
    info: { Title: m.title, Author: m.serviceName, Subject: m.materialTitle },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const writer = new BidiWriter(doc, primaryFontOf(m.language));
  // The heading is the service's, in Italian; the title and the text are in the version's language.
  const note = { size: 9, weight: 'regular', rtl: false, color: '#555555', after: 2 } as const;
  writer.paragraph(`${m.serviceName} — ${m.materialTitle}`, note);
  const approved = m.approvedAt
    ? `, approvata il ${dayOf(m.approvedAt)}${m.reviewerName ? ` da ${m.reviewerName}` : ''}`
    : '';
  writer.paragraph(`Versione ${m.version} in ${m.languageName}${approved}`, { ...note, after: 18 });
  writer.paragraph(m.title, { size: 18, weight: 'bold', rtl: m.rtl, color: '#1f4e79', after: 12 });
  for (const line of m.body.replace(/\r\n?/g, '\n').split('\n'))
    writer.paragraph(line, { size: 11, weight: 'regular', rtl: m.rtl, color: '#000000', after: 2 });
  doc.end();
  return done;
}
