import { unsafeTextCode } from '../http/unsafe-text.js';
import { storageRefusals } from './storage-refusals.js';

/** Associated data of a file's sealed name and sealed data key: a value copied to another row fails. */
export const nameContext = (fileId: string) => `stored_files.name_sealed:${fileId}`;
export const dataKeyContext = (fileId: string) => `stored_files.data_key_sealed:${fileId}`;

const MAX_NAME = 200;

/**
 * The name as the person will see it again: the last path segment only (browsers on Windows used
 * to send "C:\\…\\name"), NFC, without control characters. The name is never used as a path or
 * a storage key; it is sealed in the row and given back in Content-Disposition.
 */
export function cleanFileName(raw: string): string {
  const name = (raw.split(/[\\/]/).pop() ?? '').normalize('NFC').trim();
  if (!name || name === '.' || name === '..' || name.length > MAX_NAME || unsafeTextCode(name, 'line'))
    throw storageRefusals.badName();
  return name;
}

/**
 * RFC 6266: an ASCII fallback for old clients and the exact name as RFC 8187 `filename*`.
 * Quotes, backslashes and anything outside printable ASCII become "_" in the fallback.
 */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
