import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type FileStore, NotInStore, STORAGE_KEY } from './file-store.js';

/**
 * Files under a directory, `<root>/ab/cd/abcd…`: two levels so no directory holds more than a few
 * thousand entries. A file is written beside its place and renamed into it once complete and
 * synced, so a crash or a refused upload never leaves a half file under a real key.
 */
export function diskStore({ root }: { root: string }): FileStore {
  const pathOf = (key: string) => {
    // Keys are ours (newStorageKey); refusing anything else keeps a path out of the store's root.
    if (!STORAGE_KEY.test(key)) throw new Error('not a storage key');
    return join(root, key.slice(0, 2), key.slice(2, 4), key);
  };
  return {
    kind: 'disk',
    async put(key, body) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true, mode: 0o700 });
      const partial = `${path}.${randomBytes(4).toString('hex')}.part`;
      try {
        const out = await open(partial, 'wx', 0o600);
        await pipeline(body, out.createWriteStream());
        // On disk before it takes its name: a crash never leaves a short file under a real key.
        const synced = await open(partial, 'r+');
        await synced.sync().finally(() => synced.close());
        await rename(partial, path);
      } catch (error) {
        await unlink(partial).catch(() => {});
        throw error;
      }
    },
    async get(key) {
      try {
        const handle = await open(pathOf(key), 'r');
        return handle.createReadStream() as Readable;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new NotInStore(key);
        throw error;
      }
    },
    async delete(key) {
      await unlink(pathOf(key)).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
    },
  };
}
