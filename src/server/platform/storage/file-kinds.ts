/**
 * What may be stored, per use: the content types each kind of file allows and its size bound.
 * The type is always the one found in the bytes (content-check.ts); the declared type and the
 * name's extension are only compared with it, never trusted (ASVS 5.2.1, 5.2.2).
 */
const MiB = 1024 * 1024;

/** Who may read a file, as for fields (platform/access/field-classes.ts); checked in SQL too. */
export const FILE_DATA_CLASSES = ['ordinary', 'special', 'safety'] as const;
export type FileDataClass = (typeof FILE_DATA_CLASSES)[number];

export const CONTENT_TYPES = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  mp4: 'video/mp4',
  webm: 'video/webm',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  text: 'text/plain',
  csv: 'text/csv',
} as const;
export type ContentType = (typeof CONTENT_TYPES)[keyof typeof CONTENT_TYPES];

/** ZIP containers: read whole and checked part by part within the archive bounds before storing. */
export const CONTAINER_TYPES: ReadonlySet<string> = new Set([
  CONTENT_TYPES.docx,
  CONTENT_TYPES.xlsx,
  CONTENT_TYPES.odt,
  CONTENT_TYPES.ods,
]);

/** Text is not recognised by magic bytes: it is whatever decodes as UTF-8 without control characters. */
export const TEXT_TYPES: ReadonlySet<string> = new Set([CONTENT_TYPES.text, CONTENT_TYPES.csv]);

export interface FileKind {
  readonly types: readonly ContentType[];
  readonly maxBytes: number;
  /**
   * Made by the server itself (an export job), never uploaded: its ZIP containers are recognised
   * by their signature only, because a large export legitimately unpacks beyond the upload bounds.
   */
  readonly serverMade?: boolean;
}

export const FILE_KINDS = {
  /**
   * Case documents, housing papers, committee attachments. A ZIP container is held in memory to
   * be checked (the archive reader needs its central directory), so this is also what one such
   * upload costs: a scanned 30-page PDF is 5–15 MB.
   */
  document: {
    types: [
      CONTENT_TYPES.pdf,
      CONTENT_TYPES.docx,
      CONTENT_TYPES.xlsx,
      CONTENT_TYPES.odt,
      CONTENT_TYPES.ods,
      CONTENT_TYPES.png,
      CONTENT_TYPES.jpeg,
      CONTENT_TYPES.webp,
      CONTENT_TYPES.text,
      CONTENT_TYPES.csv,
    ],
    maxBytes: 25 * MiB,
  },
  /** Documents put on the public site (a conference's materials): PDF only, which every reader opens. */
  publication: { types: [CONTENT_TYPES.pdf], maxBytes: 25 * MiB },
  /** Photos and scans: a phone photo is 2–8 MB. */
  image: { types: [CONTENT_TYPES.png, CONTENT_TYPES.jpeg, CONTENT_TYPES.webp], maxBytes: 15 * MiB },
  /** Training videos: streamed through, never held; an hour of 720p is about 1.5 GB. */
  video: { types: [CONTENT_TYPES.mp4, CONTENT_TYPES.webm], maxBytes: 4096 * MiB },
  /** Files the export jobs write (CSV, XLSX, PDF), streamed through. */
  export: {
    types: [CONTENT_TYPES.csv, CONTENT_TYPES.xlsx, CONTENT_TYPES.pdf],
    maxBytes: 2048 * MiB,
    serverMade: true,
  },
} as const satisfies Record<string, FileKind>;
export type FileKindName = keyof typeof FILE_KINDS;

/** Names browsers and office suites give the same types; anything else is compared as declared. */
const ALIASES: Readonly<Record<string, string>> = {
  'image/jpg': CONTENT_TYPES.jpeg,
  'image/pjpeg': CONTENT_TYPES.jpeg,
  'image/apng': CONTENT_TYPES.png,
  'application/x-pdf': CONTENT_TYPES.pdf,
  'application/csv': CONTENT_TYPES.csv,
  'text/x-csv': CONTENT_TYPES.csv,
  'text/comma-separated-values': CONTENT_TYPES.csv,
};

/** "Image/JPG; name=x" → "image/jpeg": lower case, parameters dropped, aliases resolved. */
export function normaliseType(declared: string): string {
  const bare = declared.split(';')[0]!.trim().toLowerCase();
  return ALIASES[bare] ?? bare;
}
