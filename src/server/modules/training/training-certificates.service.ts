import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { TProfession } from '../../../contracts/gatherings.js';
import {
  CREDITED_PROFESSIONS,
  type TCertificate,
  type TCreditScheme,
  type TVerification,
} from '../../../contracts/training.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { CODE_ALPHABET } from '../../platform/crypto/pseudonyms.js';
import { isoTime, queryRows, type Tx, uuidList } from '../../platform/db/client.js';
import { systemTransaction, unsafeAsSystem } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { attendedHoursOf, gatheringHoursOf } from '../../platform/gatherings/hours.js';
import { problems } from '../../platform/http/problem.js';
import { requireManagedEdition } from './training.policy.js';
import {
  type CertificateLanguage,
  certificatePdf,
  type PrintedCertificate,
} from './training-certificate-pdf.js';

/**
 * Certificates (issue 17 §4). Issued in bulk by the edition's trainers to every confirmed
 * participant whose attended hours reach the course's threshold; what they certify (name, course,
 * hours, credits) is copied when issued. One certificate per registration (a unique place_id):
 * issuing again skips those who hold one, and a revoked certificate stays revoked — it is never
 * issued afresh. Read by whoever reads the registration (RLS: the holder, the edition's trainers,
 * the participant's coordinator); verified by anyone through its code, which shows only name,
 * course, hours, date, validity and state.
 */

/** 20 random symbols of 32 (100 bits), as XXXX-XXXX-XXXX-XXXX-XXXX: not guessable, easy to type. */
export function newVerificationCode(): string {
  // 256 is a multiple of 32: every symbol is equally likely.
  const symbols = [...randomBytes(20)].map((b) => CODE_ALPHABET[b % 32]).join('');
  return symbols.match(/.{4}/g)!.join('-');
}

const todayInRome = sql`(now() at time zone 'Europe/Rome')::date`;

export async function issueCertificates({
  deps,
  ctx,
  editionId,
}: {
  deps: Deps;
  ctx: AccessContext;
  editionId: string;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const edition = await requireManagedEdition({ tx, ctx, editionId });
      const [course] = await queryRows<{
        title: string;
        credit_scheme: TCreditScheme | null;
        credits: string | number | null;
        accreditation_ref: string | null;
      }>(
        tx,
        sql`select title, credit_scheme, credits, accreditation_ref from training_courses where id = ${edition.course_id}`,
      );
      const places = await queryRows<{
        id: string;
        user_id: string | null;
        external_name: string | null;
        profession: TProfession;
      }>(
        tx,
        sql`select p.id, p.user_id, p.external_name, p.profession from gathering_places p
             where p.gathering_id = ${edition.gathering_id} and p.status = 'confirmed' order by p.queued_seq`,
      );
      // Any certificate, live or revoked: a place has at most one (a revoked one stays revoked).
      const holding = new Set(
        (
          await queryRows<{ place_id: string }>(
            tx,
            sql`select place_id from training_certificates where edition_id = ${editionId}`,
          )
        ).map((r) => r.place_id),
      );
      const editionHours = await gatheringHoursOf({ tx, gatheringId: edition.gathering_id });
      const fresh = places.filter((p) => !holding.has(p.id));
      const attended = await attendedHoursOf({ tx, placeIds: fresh.map((p) => p.id) });
      // Reached when attended / scheduled ≥ threshold %, compared in hundredths of an hour.
      const reaches = (hours: number) =>
        editionHours > 0 &&
        Math.round(hours * 100) * 100 >= Math.round(editionHours * 100) * edition.attendance_threshold;
      const eligible = fresh.filter((p) => reaches(attended.get(p.id) ?? 0));
      const names = await holderNames({
        tx,
        userIds: eligible.flatMap((p) => (p.user_id ? [p.user_id] : [])),
      });
      let issued = 0;
      // Credits only for the professions the accrediting body credits (a lawyer gets none from the social workers' council).
      const credited = (p: { profession: TProfession }) =>
        course!.credit_scheme !== null && CREDITED_PROFESSIONS[course!.credit_scheme].includes(p.profession);
      if (eligible.length > 0) {
        const values = eligible.map(
          (p) =>
            sql`(${editionId}::uuid, ${p.id}::uuid, ${newVerificationCode()}, ${p.user_id ? (names.get(p.user_id) ?? '') : (p.external_name ?? '')},
                 ${course!.title}, ${attended.get(p.id) ?? 0}, ${todayInRome},
                 ${credited(p) ? course!.credit_scheme : null}, ${credited(p) ? course!.credits : null},
                 ${credited(p) ? course!.accreditation_ref : null}, ${ctx.userId}::uuid)`,
        );
        // Two trainers issuing at once: the second skips what the first wrote (one per place).
        const rows = await queryRows<{ id: string }>(
          tx,
          sql`insert into training_certificates (edition_id, place_id, verification_code, holder_name, course_title,
                hours, issued_on, credit_scheme, credits, accreditation_ref, issued_by)
              values ${sql.join(values, sql`, `)}
              on conflict (place_id) do nothing returning id`,
        );
        issued = rows.length;
      }
      const result = {
        issued,
        alreadyIssued: places.length - fresh.length + (eligible.length - issued),
        belowThreshold: fresh.length - eligible.length,
      };
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'training.certificates_issued',
          recordType: 'training_edition',
          recordId: editionId,
          details: { count: issued },
        },
      });
      return result;
    },
  });
}

/** Names of Trama users, read as the owner for these ids only (a trainer cannot read other organisations' users). */
async function holderNames({ tx, userIds }: { tx: Tx; userIds: readonly string[] }) {
  if (userIds.length === 0) return new Map<string, string>();
  const rows = await unsafeAsSystem(tx, (sys) =>
    queryRows<{ id: string; display_name: string }>(
      sys,
      sql`select id, display_name from users where id in (${uuidList(userIds)})`,
    ),
  );
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

interface CertificateRow {
  id: string;
  edition_id: string;
  place_id: string;
  verification_code: string;
  holder_name: string;
  course_title: string;
  hours: string | number;
  issued_on: string;
  valid_until: string | null;
  credit_scheme: TCreditScheme | null;
  credits: string | number | null;
  accreditation_ref: string | null;
  revoked_at: Date | string | null;
  revocation_reason: string | null;
  first_day: string | null;
  last_day: string | null;
  service_name: string;
}

/** Certificates as the caller may read them (RLS), with the edition's dates and the issuing service. */
export async function loadCertificates({
  tx,
  where,
}: {
  tx: Tx;
  where: { editionId: string; liveOnly?: boolean } | { certificateId: string };
}): Promise<CertificateRow[]> {
  const filter =
    'certificateId' in where
      ? sql`c.id = ${where.certificateId}`
      : sql`c.edition_id = ${where.editionId}${where.liveOnly ? sql` and c.revoked_at is null` : sql``}`;
  return queryRows<CertificateRow>(
    tx,
    sql`select c.id, c.edition_id, c.place_id, c.verification_code, c.holder_name, c.course_title, c.hours,
               c.issued_on::text as issued_on, c.valid_until::text as valid_until, c.credit_scheme, c.credits,
               c.accreditation_ref, c.revoked_at, c.revocation_reason, d.first_day, d.last_day, sv.name as service_name
          from training_certificates c
          join training_editions e on e.id = c.edition_id
          join training_courses co on co.id = e.course_id
          join services sv on sv.id = co.owner_service_id
          left join lateral (
            select min((s.starts_at at time zone 'Europe/Rome')::date)::text as first_day,
                   max((s.ends_at at time zone 'Europe/Rome')::date)::text as last_day
              from gathering_sessions s where s.gathering_id = e.gathering_id) d on true
         where ${filter}
         order by c.holder_name, c.id limit 2000`,
  );
}

const toCertificate = (r: CertificateRow): TCertificate => ({
  id: r.id,
  placeId: r.place_id,
  holderName: r.holder_name,
  courseTitle: r.course_title,
  hours: Number(r.hours),
  issuedOn: r.issued_on,
  validUntil: r.valid_until,
  creditScheme: r.credit_scheme,
  credits: r.credits === null ? null : Number(r.credits),
  revokedAt: isoTime(r.revoked_at),
  revocationReason: r.revocation_reason,
});

export const toPrinted = (r: CertificateRow): PrintedCertificate => ({
  holderName: r.holder_name,
  courseTitle: r.course_title,
  hours: Number(r.hours),
  firstDay: r.first_day ?? r.issued_on,
  lastDay: r.last_day ?? r.issued_on,
  issuedOn: r.issued_on,
  creditScheme: r.credit_scheme,
  credits: r.credits === null ? null : Number(r.credits),
  accreditationRef: r.accreditation_ref,
  verificationCode: r.verification_code,
  serviceName: r.service_name,
});

export async function listCertificates({
  deps,
  ctx,
  editionId,
}: {
  deps: Deps;
  ctx: AccessContext;
  editionId: string;
}): Promise<TCertificate[]> {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requireManagedEdition({ tx, ctx, editionId });
      const rows = await loadCertificates({ tx, where: { editionId } });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'training.certificates_listed',
          recordType: 'training_edition',
          recordId: editionId,
          details: { count: rows.length },
        },
      });
      return rows.map(toCertificate);
    },
  });
}

export async function revokeCertificate({
  deps,
  ctx,
  certificateId,
  reason,
}: {
  deps: Deps;
  ctx: AccessContext;
  certificateId: string;
  reason: string;
}): Promise<TCertificate> {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const [row] = await loadCertificates({ tx, where: { certificateId } });
      if (!row) throw new OutOfScope('training_certificate', certificateId);
      try {
        await requireManagedEdition({ tx, ctx, editionId: row.edition_id });
      } catch (error) {
        // The holder or their coordinator reads it, but only the edition's trainers revoke it.
        if (error instanceof OutOfScope) throw new OutOfScope('training_certificate', certificateId);
        throw error;
      }
      const updated = await queryRows<{ id: string }>(
        tx,
        sql`update training_certificates set revoked_at = now(), revoked_by = ${ctx.userId}, revocation_reason = ${reason}
             where id = ${certificateId} and revoked_at is null returning id`,
      );
      if (updated.length === 0)
        throw problems.conflict({
          it: 'L’attestato è già stato revocato.',
          en: 'The certificate has already been revoked.',
        });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'training.certificate_revoked',
          recordType: 'training_certificate',
          recordId: certificateId,
        },
      });
      const [after] = await loadCertificates({ tx, where: { certificateId } });
      return toCertificate(after!);
    },
  });
}

/** A file name of the holder, surname first, in plain letters: `attestato-rossi-maria-<code>.pdf`. */
export function certificateFileName(holderName: string, code: string) {
  const words = holderName.trim().split(/\s+/);
  const ordered = words.length > 1 ? [words.at(-1)!, ...words.slice(0, -1)] : words;
  const slug = ordered
    .join('-')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `attestato-${slug || 'partecipante'}-${code}.pdf`;
}

/** One certificate's PDF for whoever may read it; a revoked one is not handed out (409). Audited. */
export async function certificateFile({
  deps,
  ctx,
  certificateId,
  lang,
}: {
  deps: Deps;
  ctx: AccessContext;
  certificateId: string;
  lang: CertificateLanguage;
}) {
  const row = await scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const [found] = await loadCertificates({ tx, where: { certificateId } });
      if (!found) throw new OutOfScope('training_certificate', certificateId);
      if (found.revoked_at !== null)
        throw problems.conflict({
          it: 'L’attestato è stato revocato e non si può scaricare.',
          en: 'The certificate has been revoked and cannot be downloaded.',
        });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'training.certificate_downloaded',
          recordType: 'training_certificate',
          recordId: certificateId,
          details: { lang },
        },
      });
      return found;
    },
  });
  const body = await certificatePdf({ certificate: toPrinted(row), lang, publicUrl: deps.config.publicUrl });
  return { filename: certificateFileName(row.holder_name, row.verification_code), body };
}

/**
 * The public verification of a code: only name, course, hours, date, validity and state, read as
 * the owner (the caller is nobody) for those columns of that one code. Unknown: the ordinary 404.
 */
export async function verifyCertificate({
  deps,
  code,
}: {
  deps: Deps;
  code: string;
}): Promise<TVerification> {
  const [row] = await systemTransaction(deps.db, (tx) =>
    queryRows<{
      holder_name: string;
      course_title: string;
      hours: string | number;
      issued_on: string;
      valid_until: string | null;
      revoked: boolean;
      expired: boolean;
    }>(
      tx,
      sql`select holder_name, course_title, hours, issued_on::text as issued_on, valid_until::text as valid_until,
                 revoked_at is not null as revoked, coalesce(valid_until < ${todayInRome}, false) as expired
            from training_certificates where verification_code = ${code}`,
    ),
  );
  if (!row) throw problems.notFound();
  return {
    holderName: row.holder_name,
    courseTitle: row.course_title,
    hours: Number(row.hours),
    issuedOn: row.issued_on,
    validUntil: row.valid_until,
    state: row.revoked ? 'revoked' : row.expired ? 'expired' : 'valid',
  };
}
