import { pipeline, type Readable, Transform } from 'node:stream';
import yauzl from 'yauzl';
import { HttpProblem } from '../http/problem.js';
import { type ArchiveLimits, FILE_LIMITS } from './file-limits.js';
import { uploadRefusals } from './upload-refusals.js';

/**
 * An uploaded ZIP container (XLSX, DOCX, ODS…) whose central directory has been checked against
 * the limits. Parts are inflated only when opened, and counted again as they inflate, because
 * the sizes a directory declares are the attacker's to write.
 */
export interface GuardedArchive {
  /** The names of the parts, as the central directory lists them (folders left out). */
  readonly names: readonly string[];
  has(name: string): boolean;
  /** The part's bytes as they inflate; the stream fails with a refusal past any limit. */
  open(name: string): Promise<Readable>;
}

/** A Unix symbolic link (mode in the high 16 bits): no office file has one (ASVS 5.2.5). */
function isSymlink(entry: yauzl.Entry) {
  return ((entry.externalFileAttributes >>> 16) & 0o170000) === 0o120000;
}

function ratioIsSuspicious({
  unpacked,
  packed,
  limits,
}: {
  unpacked: number;
  packed: number;
  limits: ArchiveLimits;
}) {
  return unpacked > limits.ratioFloorBytes && unpacked / Math.max(packed, 1) > limits.maxRatio;
}

/**
 * Reads the central directory of `data` and refuses, before anything is inflated: more parts than
 * allowed, a part or a total declared over its bound, a declared ratio no honest file has, and
 * what cannot be read safely (damaged, encrypted, an unknown compression, two parts with one name —
 * which two readers could resolve to different contents).
 */
export async function openArchive({
  data,
  limits = FILE_LIMITS.archive,
}: {
  data: Buffer;
  limits?: ArchiveLimits;
}): Promise<GuardedArchive> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(data, { lazyEntries: true, strictFileNames: true });
  } catch {
    throw uploadRefusals.damaged();
  }
  if (zip.entryCount > limits.maxEntries) throw uploadRefusals.tooManyParts(limits.maxEntries);
  const entries = new Map<string, yauzl.Entry>();
  let declaredTotal = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      if (entries.has(entry.fileName)) throw uploadRefusals.damaged();
      if (entry.isEncrypted() || !entry.canDecodeFileData() || isSymlink(entry))
        throw uploadRefusals.damaged();
      if (entry.uncompressedSize > limits.maxPartBytes)
        throw uploadRefusals.partTooLarge(limits.maxPartBytes);
      declaredTotal += entry.uncompressedSize;
      if (declaredTotal > limits.maxTotalBytes) throw uploadRefusals.totalTooLarge(limits.maxTotalBytes);
      if (ratioIsSuspicious({ unpacked: entry.uncompressedSize, packed: entry.compressedSize, limits })) {
        throw uploadRefusals.suspiciousRatio();
      }
      if (!entry.fileName.endsWith('/')) entries.set(entry.fileName, entry);
    }
  } catch (error) {
    zip.close();
    throw error instanceof HttpProblem ? error : uploadRefusals.damaged();
  }
  // Shared by every part opened: the total bound holds however the reader splits its reading.
  const inflated = { total: 0 };
  return {
    names: [...entries.keys()],
    has: (name) => entries.has(name),
    async open(name) {
      const entry = entries.get(name);
      if (!entry) throw uploadRefusals.damaged();
      let raw: Readable;
      try {
        raw = await zip.openReadStreamPromise(entry);
      } catch {
        throw uploadRefusals.damaged();
      }
      return countedInflation({ raw, entry, inflated, limits });
    },
  };
}

/**
 * The part's inflated bytes, counted against the per-part, total and ratio bounds; past any of
 * them the stream fails with the refusal and inflating stops (the source is destroyed). An error
 * of the inflater itself — corrupt data, or more bytes than the directory declared, which yauzl
 * checks first — is a damaged file. Exported for its test: yauzl's own check fires before it
 * on any archive, so only a raw stream can show this second line holds alone.
 */
export function countedInflation({
  raw,
  entry,
  inflated,
  limits,
}: {
  raw: Readable;
  entry: Pick<yauzl.Entry, 'compressedSize'>;
  inflated: { total: number };
  limits: ArchiveLimits;
}): Readable {
  let part = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      part += chunk.length;
      inflated.total += chunk.length;
      if (part > limits.maxPartBytes) return done(uploadRefusals.partTooLarge(limits.maxPartBytes));
      if (inflated.total > limits.maxTotalBytes)
        return done(uploadRefusals.totalTooLarge(limits.maxTotalBytes));
      if (ratioIsSuspicious({ unpacked: part, packed: entry.compressedSize, limits })) {
        return done(uploadRefusals.suspiciousRatio());
      }
      done(null, chunk);
    },
  });
  raw.on('error', (error) => {
    if (!counter.destroyed) counter.destroy(error instanceof HttpProblem ? error : uploadRefusals.damaged());
  });
  return pipeline(raw, counter, () => {});
}
