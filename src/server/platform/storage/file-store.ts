import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';

/**
 * Where the encrypted bytes of stored files live: a directory or an S3-compatible bucket. A store
 * sees only sealed bytes under random keys; what a file is, whose it is and its data key are in
 * the database (stored_files), so neither half alone discloses anything.
 */
export interface FileStore {
  readonly kind: 'disk' | 's3';
  /** Writes the whole stream under `key`, or leaves nothing under it if the stream fails. */
  put(key: string, body: Readable): Promise<void>;
  /** The bytes under `key`; fails with NotInStore when there are none. */
  get(key: string): Promise<Readable>;
  /** Removes `key`; removing a key that is not there is not an error. */
  delete(key: string): Promise<void>;
}

export class NotInStore extends Error {}

export interface S3Settings {
  endpoint: string | undefined;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
}

export type FileStoreSettings = { kind: 'disk'; dir?: string } | ({ kind: 's3' } & S3Settings);

/** 128 random bits in hex: nothing of the file's name, id or owner, and safe as a path segment. */
export function newStorageKey() {
  return randomBytes(16).toString('hex');
}

export const STORAGE_KEY = /^[0-9a-f]{32}$/;
