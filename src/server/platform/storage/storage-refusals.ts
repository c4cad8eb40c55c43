import { HttpProblem, problems } from '../http/problem.js';

/**
 * Why a file is not stored, or not delivered: problem+json naming the field "file" (or
 * "fileName"), Italian and English, like the upload guard's (platform/files/upload-refusals.ts).
 * 413 over the size bound, 415 for a type this use does not take, 422 for a file that is not what
 * it claims to be.
 */
const MiB = 1024 * 1024;
const size = (bytes: number) =>
  bytes >= 1024 * MiB ? `${Math.round(bytes / (1024 * MiB))} GB` : `${Math.round(bytes / MiB)} MB`;

/** Types are shown as people know them, never as MIME strings. */
const LABELS: Readonly<Record<string, string>> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/webp': 'WebP',
  'video/mp4': 'MP4',
  'video/webm': 'WebM',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word (DOCX)',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel (XLSX)',
  'application/vnd.oasis.opendocument.text': 'OpenDocument (ODT)',
  'application/vnd.oasis.opendocument.spreadsheet': 'OpenDocument (ODS)',
  'text/plain': 'testo / text',
  'text/csv': 'CSV',
  'application/zip': 'ZIP',
};
const label = (type: string) => LABELS[type] ?? type;

export const storageRefusals = {
  tooLarge: (limit: number) =>
    problems.field(
      'file',
      'file_too_large',
      { it: `Il file supera ${size(limit)}.`, en: `The file is over ${size(limit)}.` },
      413,
    ),
  typeNotAllowed: ({ found, allowed }: { found: string | undefined; allowed: readonly string[] }) => {
    const list = allowed.map(label).join(', ');
    const what = found ? label(found) : undefined;
    return problems.field(
      'file',
      'file_type_not_allowed',
      {
        it: `${what ? `Un file ${what} non è ammesso qui` : 'Il tipo di questo file non è riconosciuto'}: sono ammessi ${list}.`,
        en: `${what ? `A ${what} file is not accepted here` : 'This file’s type is not recognised'}: accepted are ${list}.`,
      },
      415,
    );
  },
  typeMismatch: ({ declared, found }: { declared: string; found: string }) =>
    problems.field(
      'file',
      'file_type_mismatch',
      {
        it: `Il contenuto del file è ${label(found)}, ma il file si dichiara ${label(declared)}.`,
        en: `The file’s content is ${label(found)}, but the file claims to be ${label(declared)}.`,
      },
      422,
    ),
  notText: () =>
    problems.field(
      'file',
      'file_not_text',
      {
        it: 'Il file non è testo UTF-8 valido (o contiene caratteri di controllo).',
        en: 'The file is not valid UTF-8 text (or contains control characters).',
      },
      422,
    ),
  badName: () =>
    problems.field('fileName', 'file_name_invalid', {
      it: 'Il nome del file è vuoto, troppo lungo (oltre 200 caratteri) o contiene caratteri di controllo.',
      en: 'The file name is empty, too long (over 200 characters) or contains control characters.',
    }),
  noFile: () =>
    problems.field('file', 'file_missing', {
      it: 'Manca il file: allegane uno.',
      en: 'The file is missing: attach one.',
    }),
  stepUp: () =>
    new HttpProblem(
      403,
      'step-up-required',
      { it: 'Conferma la tua identità', en: 'Confirm your identity' },
      {
        it: 'Questo file contiene dati di sicurezza: si apre solo dopo aver confermato il codice di autenticazione e indicato il motivo.',
        en: 'This file holds safety data: it opens only after you confirm your authentication code and state a reason.',
      },
    ),
  damaged: () =>
    new HttpProblem(
      500,
      'stored-file-damaged',
      { it: 'File danneggiato', en: 'File damaged' },
      {
        it: 'Il file archiviato non supera il controllo di integrità e non viene consegnato. L’evento è registrato.',
        en: 'The stored file fails its integrity check and is not delivered. The event is recorded.',
      },
    ),
};
