import { createHash, type KeyObject, sign, verify } from 'node:crypto';
import { z } from 'zod';
import type { CheckpointKey } from './checkpoint-key.js';

/**
 * A seal inside a file Trama issues (a frozen report's PDF or XLSX): an Ed25519 signature, by the
 * key that signs the audit checkpoints (ADR 0009), of a statement naming the SHA-256 of every other
 * byte of the file. Anyone with the public key can check a copy offline; one changed byte breaks it.
 *   PDF:  after `%%EOF`, one comment line `%TRAMA-SEAL <base64>` (readers ignore what follows EOF).
 *   XLSX: the ZIP archive's comment (its end record's last field), which spreadsheet programs ignore.
 * The bytes hashed are the file without its seal: the PDF before the line, the ZIP with no comment.
 */

const PDF_MARK = '\n%TRAMA-SEAL ';
const ZIP_MARK = 'TRAMA-SEAL ';
/** The ZIP end-of-central-directory record: signature, fixed 22 bytes, then the comment. */
const EOCD_SIGNATURE = 0x06054b50;
const EOCD_SIZE = 22;

export const ZSealStatementSchema = z.strictObject({
  v: z.literal(1),
  /** What the file is, e.g. `impact-report`. */
  kind: z.string(),
  /** SHA-256 of the file without its seal, hex. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  signedAt: z.iso.datetime(),
  /** What the issuer says of the file (the report's id, period, content hash, format, language). */
  about: z.record(z.string(), z.union([z.string(), z.boolean()])),
});
export type TSealStatement = z.infer<typeof ZSealStatementSchema>;

const ZSealSchema = z.strictObject({ statement: z.string(), keyId: z.string(), signature: z.string() });

export type FileFormat = 'pdf' | 'xlsx';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function sealText(statement: Omit<TSealStatement, 'v' | 'sha256'>, bytes: Buffer, key: CheckpointKey) {
  const text = JSON.stringify({
    v: 1,
    kind: statement.kind,
    sha256: sha256(bytes),
    signedAt: statement.signedAt,
    about: statement.about,
  });
  const signature = sign(null, Buffer.from(text, 'utf8'), key.privateKey).toString('base64');
  return Buffer.from(JSON.stringify({ statement: text, keyId: key.keyId, signature }), 'utf8').toString(
    'base64',
  );
}

/** Where a ZIP's end record starts (searched from the end: a comment may follow it). */
function endRecordAt(bytes: Buffer): number {
  for (let at = bytes.length - EOCD_SIZE; at >= Math.max(0, bytes.length - EOCD_SIZE - 0xffff); at--)
    if (
      bytes.readUInt32LE(at) === EOCD_SIGNATURE &&
      at + EOCD_SIZE + bytes.readUInt16LE(at + 20) === bytes.length
    )
      return at;
  return -1;
}

export function sealFile({
  bytes,
  format,
  statement,
  key,
}: {
  bytes: Buffer;
  format: FileFormat;
  statement: Omit<TSealStatement, 'v' | 'sha256'>;
  key: CheckpointKey;
}): Buffer {
  if (format === 'pdf')
    return Buffer.concat([bytes, Buffer.from(`${PDF_MARK}${sealText(statement, bytes, key)}\n`)]);
  const end = endRecordAt(bytes);
  if (end < 0 || bytes.readUInt16LE(end + 20) !== 0) throw new Error('not a ZIP archive without a comment');
  const comment = Buffer.from(`${ZIP_MARK}${sealText(statement, bytes, key)}`, 'latin1');
  const sealed = Buffer.concat([bytes, comment]);
  sealed.writeUInt16LE(comment.length, end + 20);
  return sealed;
}

export type SealCheck =
  | { ok: true; statement: TSealStatement; keyId: string; format: FileFormat }
  | { ok: false; problem: string };

/**
 * Strict base64: Node's decoder stops at the first `=` and ignores what follows, so a seal with
 * anything appended would still read — and bytes added after it would escape the hash.
 */
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const strictBase64 = (text: string) =>
  BASE64.test(text) && Buffer.from(text, 'base64').toString('base64') === text;

/**
 * The file without its seal, and the seal's text, or why there is none. The seal must be the very
 * end of the file: the PDF's last line, the whole ZIP comment. Nothing may follow it, since what
 * follows is outside the hash (a PDF incremental update, a second ZIP directory).
 */
function splitSeal(bytes: Buffer): { format: FileFormat; body: Buffer; seal: string } | string {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') {
    const at = bytes.lastIndexOf(PDF_MARK);
    if (at < 0) return 'the PDF carries no seal';
    const rest = bytes.subarray(at + PDF_MARK.length).toString('latin1');
    const seal = rest.endsWith('\n') ? rest.slice(0, -1) : '';
    if (!strictBase64(seal)) return 'the seal is not the end of the file, or is unreadable';
    return { format: 'pdf', body: bytes.subarray(0, at), seal };
  }
  if (bytes.subarray(0, 4).toString('latin1') === 'PK\u0003\u0004') {
    const end = endRecordAt(bytes);
    if (end < 0) return 'the archive has no end record';
    const comment = bytes.subarray(end + EOCD_SIZE).toString('latin1');
    if (!comment.startsWith(ZIP_MARK)) return 'the spreadsheet carries no seal';
    const seal = comment.slice(ZIP_MARK.length);
    if (!strictBase64(seal)) return 'the seal is not the whole archive comment, or is unreadable';
    const body = Buffer.from(bytes.subarray(0, end + EOCD_SIZE));
    body.writeUInt16LE(0, end + 20);
    return { format: 'xlsx', body, seal };
  }
  return 'neither a PDF nor an XLSX file';
}

/** Checks a sealed file against the trusted public keys (by key id); never trusts a key in the file. */
export function checkSealedFile({
  bytes,
  publicKeys,
}: {
  bytes: Buffer;
  publicKeys: ReadonlyMap<string, KeyObject>;
}): SealCheck {
  const split = splitSeal(bytes);
  if (typeof split === 'string') return { ok: false, problem: split };
  let seal: z.infer<typeof ZSealSchema>;
  try {
    seal = ZSealSchema.parse(JSON.parse(Buffer.from(split.seal, 'base64').toString('utf8')));
  } catch {
    return { ok: false, problem: 'the seal is unreadable' };
  }
  const publicKey = publicKeys.get(seal.keyId);
  if (!publicKey) return { ok: false, problem: `signed by unknown key ${seal.keyId}` };
  if (!verify(null, Buffer.from(seal.statement, 'utf8'), publicKey, Buffer.from(seal.signature, 'base64')))
    return {
      ok: false,
      problem: `the seal's signature does not verify with key ${seal.keyId} (forged or altered)`,
    };
  let statement: TSealStatement;
  try {
    statement = ZSealStatementSchema.parse(JSON.parse(seal.statement));
  } catch {
    return { ok: false, problem: 'the signed text is not a seal statement' };
  }
  if (statement.sha256 !== sha256(split.body))
    return {
      ok: false,
      problem: 'the file was changed after it was sealed (its content does not match the signature)',
    };
  return { ok: true, statement, keyId: seal.keyId, format: split.format };
}
