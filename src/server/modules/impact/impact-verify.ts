import type { KeyObject } from 'node:crypto';
import {
  REPORT_FORMATS,
  REPORT_LANGUAGES,
  type TReportVerification,
} from '../../../contracts/impact-periods.js';
import type { CheckpointKey } from '../../platform/audit/checkpoint-key.js';
import { checkSealedFile } from '../../platform/audit/file-seal.js';

/**
 * What a report file's seal says (issue 25: the verification command and the public page share
 * it): valid only when the signature verifies with a trusted key, the file is unchanged since it
 * was sealed and the seal is an impact report's.
 */
export function readReportSeal({
  bytes,
  publicKeys,
}: {
  bytes: Buffer;
  publicKeys: ReadonlyMap<string, KeyObject>;
}): TReportVerification {
  const check = checkSealedFile({ bytes, publicKeys });
  if (!check.ok) return { valid: false, problem: check.problem, report: null };
  const { statement } = check;
  const about = statement.about;
  const format = REPORT_FORMATS.find((f) => f === about.format);
  const lang = REPORT_LANGUAGES.find((l) => l === about.lang);
  if (statement.kind !== 'impact-report' || !format || !lang || format !== check.format)
    return { valid: false, problem: 'the seal is not an impact report’s', report: null };
  return {
    valid: true,
    problem: null,
    report: {
      id: String(about.report),
      period: String(about.period),
      final: about.final === true,
      contentHash: String(about.contentHash),
      format,
      lang,
      signedAt: statement.signedAt,
      keyId: check.keyId,
    },
  };
}

export const verifyReportFile = ({ bytes, key }: { bytes: Buffer; key: CheckpointKey }) =>
  readReportSeal({ bytes, publicKeys: new Map([[key.keyId, key.publicKey]]) });
