import { pipeline, Readable, Transform } from 'node:stream';
import { fileTypeFromBuffer } from 'file-type';
import type { GuardedArchive } from '../files/archive-guard.js';
import { openUploadedArchive } from '../files/upload-guard.js';
import { readXml, StopReading } from '../files/xml-guard.js';
import { CONTAINER_TYPES, FILE_KINDS, type FileKindName, normaliseType, TEXT_TYPES } from './file-kinds.js';
import { storageRefusals } from './storage-refusals.js';

/**
 * Decides what a file is from its bytes before anything is stored, and refuses it when that is not
 * what it claims or not what this use takes (ASVS 5.2.1, 5.2.2, 5.2.3). What passes is handed on
 * as a stream that keeps checking while it flows: its size, and for text, that it stays text.
 * A refusal is thrown either here (nothing read beyond the head) or by that stream (the caller
 * removes what it had written).
 */
export type FileContent = Buffer | Readable | AsyncIterable<Uint8Array>;

/** file-type needs at most this much to recognise every type we take (its documented minimum). */
const HEAD_BYTES = 4100;
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const GZIP = Buffer.from([0x1f, 0x8b]);
const CONTROL = /[^\P{Cc}\t\n\r]/u;

export interface CheckedContent {
  contentType: string;
  body: Readable;
}

export async function checkContent({
  content,
  declaredType,
  kind: kindName,
}: {
  content: FileContent;
  declaredType: string;
  kind: FileKindName;
}): Promise<CheckedContent> {
  const declared = normaliseType(declaredType);
  const source = iteratorOf(content);
  try {
    return await check({ source, declared, kindName });
  } catch (error) {
    // Stops the sender too: a refused upload is not read to its end.
    await source.return?.();
    throw error;
  }
}

/** A view of the same bytes, never a copy (a chunk can be the whole file). */
const asBuffer = (bytes: Uint8Array) =>
  Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

function iteratorOf(content: FileContent): AsyncIterator<Uint8Array> {
  if (!Buffer.isBuffer(content)) return content[Symbol.asyncIterator]();
  return (async function* () {
    yield content;
  })();
}

async function check({
  source,
  declared,
  kindName,
}: {
  source: AsyncIterator<Uint8Array>;
  declared: string;
  kindName: FileKindName;
}): Promise<CheckedContent> {
  const kind = FILE_KINDS[kindName];
  const allowed: readonly string[] = kind.types;
  const { head, ended } = await readHead({ source, maxBytes: kind.maxBytes });
  if (head.length === 0) throw storageRefusals.typeNotAllowed({ found: undefined, allowed });

  let found: string | undefined;
  let whole: Buffer | undefined;
  if (head.subarray(0, 4).equals(ZIP)) {
    if ('serverMade' in kind && kind.serverMade) {
      // The server wrote it: the signature is enough, and its unpacked size is not an attack.
      found = CONTAINER_TYPES.has(declared) ? declared : 'application/zip';
    } else {
      whole = await readWhole({ head, ended, source, maxBytes: kind.maxBytes });
      found = await containerType(whole);
    }
  } else if (head.subarray(0, 2).equals(GZIP)) {
    // Never handed to file-type, which would inflate it to look inside.
    found = 'application/gzip';
  } else {
    const sample = head.subarray(0, HEAD_BYTES);
    found = (await fileTypeFromBuffer(sample))?.mime;
    if (!found && isText(sample, ended && sample.length === head.length))
      found = TEXT_TYPES.has(declared) ? declared : 'text/plain';
    if (found) found = normaliseType(found);
  }
  if (!found) throw storageRefusals.typeNotAllowed({ found: undefined, allowed });
  if (found !== declared) throw storageRefusals.typeMismatch({ declared, found });
  if (!allowed.includes(found)) throw storageRefusals.typeNotAllowed({ found, allowed });

  if (whole) {
    // Every part is inflated once, counted against the archive bounds, and dropped: declared sizes
    // can lie, and a bomb is found here rather than by whoever opens the file later.
    await drainParts(await openUploadedArchive({ data: whole }));
    return { contentType: found, body: Readable.from([whole]) };
  }
  async function* rest() {
    try {
      yield head;
      if (ended) return;
      for (let next = await source.next(); !next.done; next = await source.next()) yield asBuffer(next.value);
    } finally {
      // Ended early (a refusal further down): release the sender.
      await source.return?.();
    }
  }
  const checks = [sizeLimit(kind.maxBytes), ...(TEXT_TYPES.has(found) ? [textOnly()] : [])];
  // pipeline: a refusal in any check destroys every stage, and the last one carries the error.
  const body = pipeline([Readable.from(rest(), { objectMode: false }), ...checks.map(checking)], () => {});
  return { contentType: found, body: body as unknown as Readable };
}

async function readHead({ source, maxBytes }: { source: AsyncIterator<Uint8Array>; maxBytes: number }) {
  const parts: Buffer[] = [];
  let length = 0;
  while (length < HEAD_BYTES) {
    const next = await source.next();
    if (next.done) return { head: Buffer.concat(parts), ended: true };
    parts.push(asBuffer(next.value));
    length += next.value.length;
    if (length > maxBytes) throw storageRefusals.tooLarge(maxBytes);
  }
  return { head: Buffer.concat(parts), ended: false };
}

async function readWhole({
  head,
  ended,
  source,
  maxBytes,
}: {
  head: Buffer;
  ended: boolean;
  source: AsyncIterator<Uint8Array>;
  maxBytes: number;
}) {
  const parts = [head];
  let length = head.length;
  if (!ended) {
    for (let next = await source.next(); !next.done; next = await source.next()) {
      length += next.value.length;
      if (length > maxBytes) throw storageRefusals.tooLarge(maxBytes);
      parts.push(asBuffer(next.value));
    }
  }
  return Buffer.concat(parts, length);
}

/** UTF-8 without control characters (tab and line ends allowed), a cut last character forgiven. */
function isText(head: Buffer, ended: boolean) {
  try {
    return !CONTROL.test(new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: !ended }));
  } catch {
    return false;
  }
}

/** What an office file's main part says it is; a ZIP without one is a plain ZIP. */
const MAIN_PARTS: Readonly<Record<string, string>> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml':
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml':
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml':
    'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.ms-word.document.macroenabled.main+xml':
    'application/vnd.ms-word.document.macroenabled.12',
  'application/vnd.ms-excel.sheet.macroenabled.main+xml': 'application/vnd.ms-excel.sheet.macroenabled.12',
};

async function containerType(data: Buffer): Promise<string> {
  const archive = await openUploadedArchive({ data });
  if (archive.has('mimetype')) {
    // OpenDocument: the first part, stored, holds the type in ASCII.
    let text = '';
    for await (const chunk of await archive.open('mimetype')) {
      text += chunk.toString('latin1');
      if (text.length > 128) break;
    }
    return normaliseType(text);
  }
  if (!archive.has('[Content_Types].xml')) return 'application/zip';
  let found = 'application/zip';
  await readXml({
    stream: await archive.open('[Content_Types].xml'),
    handlers: {
      open(tag) {
        if (tag.name !== 'Override') return;
        const main = MAIN_PARTS[(tag.attributes.ContentType ?? '').toLowerCase()];
        if (main) {
          found = main;
          throw new StopReading();
        }
      },
    },
  });
  return found;
}

async function drainParts(archive: GuardedArchive) {
  for (const name of archive.names) for await (const _ of await archive.open(name));
}

function sizeLimit(maxBytes: number) {
  let seen = 0;
  return (chunk: Buffer | null) => {
    seen += chunk?.length ?? 0;
    if (seen > maxBytes) throw storageRefusals.tooLarge(maxBytes);
  };
}

function textOnly() {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const check = (text: string) => {
    if (CONTROL.test(text)) throw storageRefusals.notText();
  };
  return (chunk: Buffer | null) => {
    try {
      check(chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode());
    } catch (error) {
      throw error instanceof TypeError ? storageRefusals.notText() : error;
    }
  };
}

/** Passes bytes on unchanged after `check` has seen them; `check(null)` at the end. */
function checking(check: (chunk: Buffer | null) => void): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      try {
        check(chunk);
        done(null, chunk);
      } catch (error) {
        done(error as Error);
      }
    },
    flush(done) {
      try {
        check(null);
        done();
      } catch (error) {
        done(error as Error);
      }
    },
  });
}
