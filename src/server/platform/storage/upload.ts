import { PassThrough, type Readable } from 'node:stream';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { parsedOrRefused } from '../http/validation-messages.js';
import { FILE_KINDS, type FileKindName } from './file-kinds.js';
import { storageRefusals } from './storage-refusals.js';

/**
 * How a module's route takes a file to store: a browser form (multipart/form-data) with one file
 * in the field `file` and a few short text fields. The file is streamed straight into
 * `storeFile`, never held whole nor written to a temporary file, so a video costs no more memory
 * than a letter. Busboy's limits (one file, few and short fields, the kind's size) are given when
 * the parser is created, before it reads a byte; the access hook has run before that.
 *
 *   await acceptFileUploads(app);            // in the module's routes plugin (its scope only)
 *   const upload = await readUpload({ request, kind: 'document' });
 *   const { fileName, declaredType, content } = upload;
 *   await storeFile({ deps, actor: { ctx }, input: { ...owner, fileName, declaredType, content } });
 */
export const UPLOAD_FIELD = 'file';
const MAX_FIELDS = 10;
const MAX_FIELD_BYTES = 4096;

/** Registers the multipart parser in the calling plugin's scope only (routes elsewhere never parse it). */
export async function acceptFileUploads(app: FastifyInstance) {
  await app.register(multipart, {
    limits: {
      files: 1,
      fields: MAX_FIELDS,
      fieldSize: MAX_FIELD_BYTES,
      parts: MAX_FIELDS + 1,
      headerPairs: 20,
    },
  });
}

export interface Upload {
  fileName: string;
  declaredType: string;
  content: Readable;
  /** Text fields sent before the file (a form puts them first); later ones are not read. */
  fields: Record<string, string>;
}

/**
 * The form's text fields, read by the contract's schema; refused (400, each field named and worded
 * as a JSON body's would be) after the file is drained, so the sender is not left stalled.
 */
export function uploadFields<S extends z.ZodType>(upload: Upload, schema: S): z.infer<S> {
  try {
    return parsedOrRefused(schema, upload.fields);
  } catch (error) {
    upload.content.resume();
    throw error;
  }
}

export async function readUpload({
  request,
  kind,
}: {
  request: FastifyRequest;
  kind: FileKindName;
}): Promise<Upload> {
  if (!request.isMultipart()) throw storageRefusals.noFile();
  const maxBytes = FILE_KINDS[kind].maxBytes;
  const part = await request.file({
    // One byte over the bound so storeFile's own count refuses first, with its message.
    limits: {
      fileSize: maxBytes + 1,
      files: 1,
      fields: MAX_FIELDS,
      fieldSize: MAX_FIELD_BYTES,
      parts: MAX_FIELDS + 1,
    },
  });
  if (!part || part.fieldname !== UPLOAD_FIELD) {
    part?.file.resume();
    throw storageRefusals.noFile();
  }
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(part.fields)) {
    if (value && !Array.isArray(value) && value.type === 'field' && typeof value.value === 'string')
      fields[name] = value.value;
  }
  // Busboy ends a stream it truncates as if it were complete: turn that into the refusal.
  const content = new PassThrough();
  part.file.on('limit', () => content.destroy(storageRefusals.tooLarge(maxBytes)));
  part.file.on('error', (error) => content.destroy(error));
  // A refusal stops reading the request too, rather than leaving the sender stalled.
  content.on('close', () => {
    if (!part.file.readableEnded) part.file.destroy();
  });
  part.file.pipe(content);
  return { fileName: part.filename, declaredType: part.mimetype, content, fields };
}
