import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * A small ZIP writer for tests of the upload guard: real archives with real deflate data, and
 * central-directory sizes that can be set to lie. Not for production: the server never writes ZIPs
 * by hand (exceljs does that).
 */
export interface ZipPart {
  name: string;
  /** Deflated bytes (raw deflate, method 8). */
  compressed: Buffer;
  crc: number;
  size: number;
  /** What the headers claim the part unpacks to; the real size when absent. */
  declaredSize?: number;
  /** Marks the part a Unix symbolic link (external attributes). */
  symlink?: boolean;
}

export function partOf(name: string, content: string | Buffer): ZipPart {
  const data = typeof content === 'string' ? Buffer.from(content) : content;
  return { name, compressed: deflateRawSync(data), crc: crc32(data), size: data.length };
}

/**
 * A part that unpacks to `head`, then `size` copies of one character, then `tail`. One megabyte of
 * the character is deflated once with a full flush (independent, byte-aligned, not final) and
 * repeated, so a gigabyte costs the test a megabyte of memory and well under a second.
 */
export function bombPartOf({
  name,
  head,
  fill,
  size,
  tail,
}: {
  name: string;
  head: string;
  fill: string;
  size: number;
  tail: string;
}): ZipPart {
  const segment = (data: Buffer, last = false) =>
    deflateRawSync(data, { level: 9, ...(last ? {} : { finishFlush: constants.Z_FULL_FLUSH }) });
  const block = Buffer.alloc(1024 * 1024, fill);
  const deflatedBlock = segment(block);
  const whole = Math.floor(size / block.length);
  const rest = block.subarray(0, size % block.length);
  let crc = crc32(head);
  for (let i = 0; i < whole; i += 1) crc = crc32(block, crc);
  crc = crc32(tail, crc32(rest, crc));
  const compressed = Buffer.concat([
    segment(Buffer.from(head)),
    ...Array.from({ length: whole }, () => deflatedBlock),
    segment(rest),
    segment(Buffer.from(tail), true),
  ]);
  return { name, compressed, crc, size: Buffer.byteLength(head) + size + Buffer.byteLength(tail) };
}

/** The ZIP container: local headers and data, then the central directory (ZIP32, no data descriptors). */
export function zipOf(parts: ZipPart[]): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const declared = part.declaredSize ?? part.size;
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4); // version needed
    header.writeUInt16LE(0x0800, 6); // UTF-8 names
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt32LE(part.crc >>> 0, 14);
    header.writeUInt32LE(part.compressed.length, 18);
    header.writeUInt32LE(declared, 22);
    header.writeUInt16LE(name.length, 26);
    local.push(header, name, part.compressed);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4); // version made by
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(part.crc >>> 0, 16);
    entry.writeUInt32LE(part.compressed.length, 20);
    entry.writeUInt32LE(declared, 24);
    entry.writeUInt16LE(name.length, 28);
    if (part.symlink) entry.writeUInt32LE((0o120777 << 16) >>> 0, 38);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    offset += header.length + name.length + part.compressed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, directory, end]);
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="registro" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
const SHEET = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`;
export const SST_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>';
export const SST_TAIL = '</t></si></sst>';

/**
 * A valid-looking XLSX whose shared strings are one string of `size` characters: the attack of the
 * issue (a reader that keeps the shared strings in memory holds all of it). With `declaredSize`
 * the central directory claims the part is that small, so only the inflating itself can tell.
 */
export function xlsxBomb({ size, declaredSize }: { size: number; declaredSize?: number }) {
  const strings = bombPartOf({
    name: 'xl/sharedStrings.xml',
    head: SST_HEAD,
    fill: 'a',
    size,
    tail: SST_TAIL,
  });
  return zipOf([
    partOf('[Content_Types].xml', CONTENT_TYPES),
    partOf('_rels/.rels', ROOT_RELS),
    partOf('xl/workbook.xml', WORKBOOK),
    partOf('xl/_rels/workbook.xml.rels', WORKBOOK_RELS),
    { ...strings, ...(declaredSize === undefined ? {} : { declaredSize }) },
    partOf('xl/worksheets/sheet1.xml', SHEET),
  ]);
}

/** A minimal XLSX from its sheet XML and shared strings, for the reader's own limits. */
export function xlsxOf({ sheet, strings }: { sheet: string; strings: string[] }) {
  const sst = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${strings.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`;
  return zipOf([
    partOf('[Content_Types].xml', CONTENT_TYPES),
    partOf('_rels/.rels', ROOT_RELS),
    partOf('xl/workbook.xml', WORKBOOK),
    partOf('xl/_rels/workbook.xml.rels', WORKBOOK_RELS),
    partOf('xl/sharedStrings.xml', sst),
    partOf(
      'xl/worksheets/sheet1.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheet}</sheetData></worksheet>`,
    ),
  ]);
}
