import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

/**
 * The encrypted form of a stored file (ADR 0010), streamed both ways in 64 KiB chunks so that a
 * two-gigabyte video costs the same memory as a letter:
 *
 *   header (16 bytes) = "TRF1" | chunk size (u32 BE) | nonce prefix (7 random bytes) | 0
 *   then per chunk     = AES-256-GCM(ciphertext) | tag (16 bytes)
 *
 * Each file has its own random 256-bit data key (sealed with the keyring, in the file's row).
 * Chunk i's nonce is prefix | i (u32 BE) | last (1 for the final chunk, else 0), the STREAM
 * construction: chunks cannot be reordered, dropped or appended, and a file cut at a chunk
 * boundary fails because its new last chunk was not sealed as last. The associated data of
 * every chunk is the header and the file's id, so bytes moved under another row never open.
 * A chunk's plaintext is released only after its tag has been checked.
 */
export const CHUNK_BYTES = 64 * 1024;
const TAG_BYTES = 16;
const HEADER_BYTES = 16;
const MAGIC = Buffer.from('TRF1');
const MAX_CHUNKS = 2 ** 32;

export class FileIntegrityError extends Error {}

function nonceOf(prefix: Buffer, index: number, last: boolean) {
  const nonce = Buffer.alloc(12);
  prefix.copy(nonce, 0, 0, 7);
  nonce.writeUInt32BE(index, 7);
  nonce[11] = last ? 1 : 0;
  return nonce;
}

/** Holds bytes until there are enough for a record, without copying every chunk that arrives. */
class Pending {
  private parts: Buffer[] = [];
  length = 0;
  push(chunk: Buffer) {
    this.parts.push(chunk);
    this.length += chunk.length;
  }
  take(count: number): Buffer {
    const all = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts, this.length);
    const taken = all.subarray(0, count);
    const rest = all.subarray(count);
    this.parts = rest.length > 0 ? [rest] : [];
    this.length = rest.length;
    return taken;
  }
}

/** Plaintext in, the encrypted form out. */
export function encryptingStream({ key, fileId }: { key: Buffer; fileId: string }): Transform {
  const header = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(header, 0);
  header.writeUInt32BE(CHUNK_BYTES, 4);
  const prefix = randomBytes(7);
  prefix.copy(header, 8);
  const aad = Buffer.concat([header, Buffer.from(fileId)]);
  const pending = new Pending();
  let index = 0;
  const seal = (plain: Buffer, last: boolean) => {
    if (index >= MAX_CHUNKS) throw new Error('file too large for one data key');
    const cipher = createCipheriv('aes-256-gcm', key, nonceOf(prefix, index, last));
    cipher.setAAD(aad);
    index += 1;
    return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  };
  let started = false;
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      if (!started) {
        this.push(header);
        started = true;
      }
      pending.push(chunk);
      // A chunk is sealed as "not last" only once a byte after it has arrived.
      while (pending.length > CHUNK_BYTES) this.push(seal(pending.take(CHUNK_BYTES), false));
      done();
    },
    flush(done: TransformCallback) {
      if (!started) this.push(header);
      this.push(seal(pending.take(pending.length), true));
      done();
    },
  });
}

/** The encrypted form in, plaintext out; fails with FileIntegrityError on any change or cut. */
export function decryptingStream({ key, fileId }: { key: Buffer; fileId: string }): Transform {
  const pending = new Pending();
  let header: Buffer | undefined;
  let aad: Buffer | undefined;
  let recordBytes = 0;
  let index = 0;
  const open = (record: Buffer, last: boolean) => {
    if (record.length < TAG_BYTES) throw new FileIntegrityError('chunk shorter than its tag');
    const decipher = createDecipheriv('aes-256-gcm', key, nonceOf(header!.subarray(8, 15), index, last));
    decipher.setAAD(aad!);
    decipher.setAuthTag(record.subarray(record.length - TAG_BYTES));
    index += 1;
    try {
      return Buffer.concat([
        decipher.update(record.subarray(0, record.length - TAG_BYTES)),
        decipher.final(),
      ]);
    } catch {
      throw new FileIntegrityError(`chunk ${index - 1} does not authenticate`);
    }
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      try {
        pending.push(chunk);
        if (!header) {
          if (pending.length < HEADER_BYTES) return done();
          header = pending.take(HEADER_BYTES);
          const chunkBytes = header.readUInt32BE(4);
          // The chunk size is authenticated with the first chunk; bounding it here bounds memory first.
          if (!header.subarray(0, 4).equals(MAGIC) || chunkBytes !== CHUNK_BYTES)
            throw new FileIntegrityError('not a stored-file header');
          recordBytes = chunkBytes + TAG_BYTES;
          aad = Buffer.concat([header, Buffer.from(fileId)]);
        }
        // The record that ends the stream is the last one: keep one back until more arrives.
        while (pending.length > recordBytes) this.push(open(pending.take(recordBytes), false));
        done();
      } catch (error) {
        done(error as Error);
      }
    },
    flush(done: TransformCallback) {
      try {
        if (!header) throw new FileIntegrityError('cut before its header');
        this.push(open(pending.take(pending.length), true));
        done();
      } catch (error) {
        done(error as Error);
      }
    },
  });
}

/** Bytes the encrypted form of `plainBytes` takes, for stores that want to know. */
export function sealedSize(plainBytes: number) {
  const chunks = Math.max(1, Math.ceil(plainBytes / CHUNK_BYTES));
  return HEADER_BYTES + plainBytes + chunks * TAG_BYTES;
}
