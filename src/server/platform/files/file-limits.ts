/**
 * Every bound on an uploaded file, in one place, each with its reason (README.md beside this file).
 * A file over any of them is refused before it costs the server more than the bound: an upload
 * must never be able to take the process down for everyone else (ASVS 5.2.1, 5.2.3).
 */
const MiB = 1024 * 1024;

export interface ArchiveLimits {
  readonly maxEntries: number;
  readonly maxPartBytes: number;
  readonly maxTotalBytes: number;
  readonly maxRatio: number;
  readonly ratioFloorBytes: number;
}
export interface XmlLimits {
  readonly maxTokenChars: number;
  readonly maxDepth: number;
  readonly maxAttributes: number;
}
export interface TableLimits {
  readonly maxRows: number;
  readonly maxColumns: number;
  readonly maxCells: number;
  readonly maxCellChars: number;
}

export const FILE_LIMITS: {
  readonly uploadBytes: number;
  readonly archive: ArchiveLimits;
  readonly xml: XmlLimits;
  readonly table: TableLimits;
} = {
  /**
   * Bytes of a raw upload body. A register of 5,000 rows is about 1.4 MB as XLSX and 2 MB as CSV;
   * the body is held in memory whole, so this is also the memory one upload costs before parsing.
   */
  uploadBytes: 5 * MiB,
  archive: {
    /** Parts in a ZIP container (XLSX, DOCX, ODS). Office files have a few dozen. */
    maxEntries: 1000,
    /**
     * Bytes one part may unpack to. A 5,000-row, 45-column register sheet is about 8 MB of XML;
     * four times that is room for verbose writers, and still a bounded cost.
     */
    maxPartBytes: 32 * MiB,
    /** Bytes all the parts read from one archive may unpack to together. */
    maxTotalBytes: 64 * MiB,
    /**
     * Unpacked bytes per packed byte. Office XML packs 2–20 times; deflate's ceiling, which zip
     * bombs use, is about 1,030. Checked on what the headers declare and again while inflating.
     */
    maxRatio: 100,
    /** Parts smaller than this are never refused for their ratio: small repetitive XML packs well. */
    ratioFloorBytes: 1 * MiB,
  },
  xml: {
    /**
     * Characters between two '<': the longest text or tag a parser must hold at once. Twice the
     * longest cell (escaped, e.g. '&amp;' for '&', a cell can be five times its text) and a margin.
     */
    maxTokenChars: 1 * MiB,
    /** Open elements at once; spreadsheet XML nests about seven deep. Bounds the parser's stack. */
    maxDepth: 32,
    /** Attributes on one element; a cell has three. */
    maxAttributes: 64,
  },
  table: {
    /** Rows any table reader returns; a caller asks for fewer (an import stops at its own limit). */
    maxRows: 100_000,
    /** Columns of a row. A register has about 45; Excel allows 16,384, which would let one short row cost megabytes. */
    maxColumns: 256,
    /**
     * Cells in a table, and shared strings in a workbook (a sheet cannot use more distinct strings
     * than it has cells): twice a 5,000-row, 45-column register.
     */
    maxCells: 500_000,
    /** Characters of one cell: Excel's own limit. */
    maxCellChars: 32_767,
  },
};
