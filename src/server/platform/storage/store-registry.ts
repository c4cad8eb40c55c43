import { join } from 'node:path';
import type { Deps } from '../deps.js';
import { diskStore } from './disk-store.js';
import type { FileStore, FileStoreSettings } from './file-store.js';
import { s3Store } from './s3-store.js';

/** The store the configuration names (FILE_STORE): a directory by default, or an S3 bucket. */
export function openFileStore({
  settings,
  dataDir,
}: {
  settings: FileStoreSettings;
  dataDir: string;
}): FileStore {
  return settings.kind === 's3'
    ? s3Store(settings)
    : diskStore({ root: settings.dir ?? join(dataDir, 'files') });
}

/**
 * One store per app (Deps is built once in buildApp). Kept beside Deps rather than in it so
 * callers need nothing new; tests and benchmarks put their own (a temporary directory) with
 * `useFileStore` before the first file.
 */
const stores = new WeakMap<Deps, FileStore>();

export function fileStoreOf(deps: Deps): FileStore {
  let store = stores.get(deps);
  if (!store) {
    store = openFileStore({ settings: deps.config.fileStore, dataDir: deps.config.dataDir });
    stores.set(deps, store);
  }
  return store;
}

export function useFileStore({ deps, store }: { deps: Deps; store: FileStore }) {
  stores.set(deps, store);
}
