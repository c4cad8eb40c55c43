import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import type { TCertificate, TEdition, TVerification } from '../../src/contracts/training.js';
import { trainingTestKit } from './support.js';

/**
 * Certificates through the HTTP API: the attendance threshold, bulk issue that can be repeated,
 * revocation that the public page reports, who may download a PDF, what the public page shows,
 * and every live certificate of an edition in one ZIP.
 */
const k = trainingTestKit();
const { t, call, ok, system, openCourse, openEdition, requestOk, enrolExternal } = k;

type Issued = { issued: number; alreadyIssued: number; belowThreshold: number };

/** Marks `who` (a place id) present at the first `count` sessions of the edition, as the trainer would. */
async function attend(edition: TEdition, placeId: string, count: number) {
  const trainer = await t.userId('formatore');
  for (const s of edition.sessions.slice(0, count))
    await system(
      sql`insert into gathering_attendance (session_id, place_id, status, source, recorded_by)
          values (${s.id}, ${placeId}, 'present', 'trainer', ${trainer})`,
    );
}

/** An edition of four two-hour sessions (8 hours, threshold 75%: 6 hours), with the given attendances. */
async function heldEdition(courseOverrides: Record<string, unknown> = {}) {
  const course = await openCourse({ attendanceThreshold: 75, ...courseOverrides });
  const edition = await openEdition({ courseId: course.id, sessions: 4 });
  return { course, edition };
}

const issue = (editionId: string) =>
  ok<Issued>('formatore', 'POST', `/api/training/editions/${editionId}/certificates`);
const listed = (editionId: string) =>
  ok<TCertificate[]>('formatore', 'GET', `/api/training/editions/${editionId}/certificates`);
const verificationCodeOf = async (certificateId: string) =>
  (
    await system<{ verification_code: string }>(
      sql`select verification_code from training_certificates where id = ${certificateId}`,
    )
  )[0]!.verification_code;
const publicVerify = (code: string) =>
  t.app.inject({ method: 'GET', url: `/api/public/certificates/${code}` });

describe('issuing', () => {
  it('issues to whoever reached the threshold and not to whoever fell short, copying what it certifies', async () => {
    const { edition } = await heldEdition({ creditScheme: 'social_workers_council', credits: 8 });
    const above = await requestOk('operatrice', edition.id);
    const below = await requestOk('mediatrice', edition.id, 'mediator');
    const external = await enrolExternal(edition.id);
    await attend(edition, above.place.id, 3); // 6 of 8 hours: exactly 75%
    await attend(edition, below.place.id, 2); // 4 of 8 hours: 50%
    await attend(edition, external.place.id, 4);

    expect(await issue(edition.id)).toEqual({ issued: 2, alreadyIssued: 0, belowThreshold: 1 });
    const certificates = await listed(edition.id);
    expect(certificates.map((c) => c.placeId).sort()).toEqual([above.place.id, external.place.id].sort());
    const mine = certificates.find((c) => c.placeId === above.place.id)!;
    expect(mine).toMatchObject({
      holderName: above.place.participantName,
      courseTitle: 'Etnoclinica e violenza di genere',
      hours: 6,
      creditScheme: 'social_workers_council',
      credits: 8,
      validUntil: null,
      revokedAt: null,
    });
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date());
    expect(mine.issuedOn).toBe(today);
    expect(certificates.find((c) => c.placeId === external.place.id)).toMatchObject({
      holderName: 'Avv. Laura Bianchi',
      hours: 8,
    });
    expect(await verificationCodeOf(mine.id)).toMatch(/^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){4}$/);
  });

  it('is idempotent: issuing again skips those who hold one and issues to whoever reached it since', async () => {
    const { edition } = await heldEdition();
    const first = await requestOk('operatrice', edition.id);
    const later = await requestOk('mediatrice', edition.id, 'mediator');
    await attend(edition, first.place.id, 4);
    expect(await issue(edition.id)).toEqual({ issued: 1, alreadyIssued: 0, belowThreshold: 1 });
    expect(await issue(edition.id)).toEqual({ issued: 0, alreadyIssued: 1, belowThreshold: 1 });
    await attend(edition, later.place.id, 3);
    expect(await issue(edition.id)).toEqual({ issued: 1, alreadyIssued: 1, belowThreshold: 0 });
    const [{ n }] = (await system<{ n: number }>(
      sql`select count(*)::int as n from training_certificates where edition_id = ${edition.id}`,
    )) as [{ n: number }];
    expect(n).toBe(2);
    const [audit] = await system<{ details: { count: number } }>(
      sql`select details from audit_events where action = 'training.certificates_issued' and record_id = ${edition.id}
           order by occurred_at desc limit 1`,
    );
    expect(audit?.details.count).toBe(1);
  });

  it('is refused to anyone but the edition’s trainers', async () => {
    const { edition } = await heldEdition();
    expect(
      (await call('coordinatrice', 'POST', `/api/training/editions/${edition.id}/certificates`)).statusCode,
    ).toBe(403);
    expect(
      (await call('operatrice', 'GET', `/api/training/editions/${edition.id}/certificates`)).statusCode,
    ).toBe(403);
  });
});

/** An edition with one certificate for operatrice; returns its id and verification code. */
async function certified() {
  const { edition } = await heldEdition();
  const place = await requestOk('operatrice', edition.id);
  await attend(edition, place.place.id, 4);
  await issue(edition.id);
  const [certificate] = await listed(edition.id);
  return { edition, certificate: certificate!, code: await verificationCodeOf(certificate!.id) };
}

describe('downloading a certificate', () => {
  it('gives the PDF to the holder, the trainer and the holder’s coordinator, audited', async () => {
    const { certificate } = await certified();
    for (const who of ['operatrice', 'formatore', 'coordinatrice']) {
      const res = await call(who, 'GET', `/api/training/certificates/${certificate.id}/pdf?lang=en`);
      expect(res.statusCode, who).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      expect(res.headers['content-disposition']).toMatch(/attestato-[a-z-]+-[A-Z0-9-]{24}\.pdf/);
    }
    const [{ n }] = (await system<{ n: number }>(
      sql`select count(*)::int as n from audit_events
           where action = 'training.certificate_downloaded' and record_id = ${certificate.id}`,
    )) as [{ n: number }];
    expect(n).toBe(3);
  });

  it('answers 404 to another practitioner and to a coordinator of another organisation, audited as denied', async () => {
    const { certificate } = await certified();
    for (const who of ['mediatrice', 'operatore.romano', 'supervisora']) {
      const res = await call(who, 'GET', `/api/training/certificates/${certificate.id}/pdf`);
      expect(res.statusCode, who).toBe(404);
    }
    const [{ n }] = (await system<{ n: number }>(
      sql`select count(*)::int as n from audit_events where action = 'access.denied' and record_id = ${certificate.id}`,
    )) as [{ n: number }];
    expect(n).toBe(3);
  });
});

describe('revocation and public verification', () => {
  it('shows only name, course, hours, date, validity and state, to anyone, without signing in', async () => {
    const { certificate, code } = await certified();
    const res = await publicVerify(code);
    expect(res.statusCode).toBe(200);
    const body = res.json() as TVerification;
    expect(Object.keys(body).sort()).toEqual(
      ['courseTitle', 'holderName', 'hours', 'issuedOn', 'state', 'validUntil'].sort(),
    );
    expect(body).toEqual({
      holderName: certificate.holderName,
      courseTitle: certificate.courseTitle,
      hours: 8,
      issuedOn: certificate.issuedOn,
      validUntil: null,
      state: 'valid',
    });
  });

  it('answers an unknown code with the ordinary 404 and a malformed one with 400', async () => {
    const unknown = await publicVerify('ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ');
    expect(unknown.statusCode).toBe(404);
    // The same answer as any record that does not exist: nothing says a certificate was looked for.
    const missing = await call('operatrice', 'GET', `/api/training/certificates/${crypto.randomUUID()}/pdf`);
    const { instance: _a, ...unknownBody } = unknown.json() as Record<string, unknown>;
    const { instance: _b, ...missingBody } = missing.json() as Record<string, unknown>;
    expect(unknownBody).toEqual(missingBody);
    expect((await publicVerify('not-a-code')).statusCode).toBe(400);
  });

  it('verifies a revoked certificate as revoked, refuses its PDF and never issues it again', async () => {
    const { edition, certificate, code } = await certified();
    expect(
      (
        await call('coordinatrice', 'POST', `/api/training/certificates/${certificate.id}/revoke`, {
          reason: 'x',
        })
      ).statusCode,
    ).toBe(403);
    const revoked = await ok<TCertificate>(
      'formatore',
      'POST',
      `/api/training/certificates/${certificate.id}/revoke`,
      {
        reason: 'Presenze registrate per errore',
      },
    );
    expect(revoked.revokedAt).not.toBeNull();
    expect(revoked.revocationReason).toBe('Presenze registrate per errore');
    expect(((await publicVerify(code)).json() as TVerification).state).toBe('revoked');
    const pdf = await call('operatrice', 'GET', `/api/training/certificates/${certificate.id}/pdf`);
    expect(pdf.statusCode).toBe(409);
    expect(
      (
        await call('formatore', 'POST', `/api/training/certificates/${certificate.id}/revoke`, {
          reason: 'di nuovo',
        })
      ).statusCode,
    ).toBe(409);
    expect(await issue(edition.id)).toEqual({ issued: 0, alreadyIssued: 1, belowThreshold: 0 });
  });

  it('verifies a certificate past its validity as expired', async () => {
    const { certificate, code } = await certified();
    await system(
      sql`update training_certificates set valid_until = '2001-01-01' where id = ${certificate.id}`,
    );
    expect(((await publicVerify(code)).json() as TVerification).state).toBe('expired');
  });
});

async function zipEntries(data: Buffer) {
  const zip = await yauzl.fromBufferPromise(data, { lazyEntries: true });
  const entries: { name: string; head: string }[] = [];
  for await (const entry of zip.eachEntry()) {
    const stream = await zip.openReadStreamPromise(entry);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    entries.push({ name: entry.fileName, head: Buffer.concat(chunks).subarray(0, 5).toString() });
  }
  zip.close();
  return entries;
}

describe('the edition’s ZIP', () => {
  it('holds one PDF per live certificate, named by the holder and the code, and is audited', async () => {
    const { edition } = await heldEdition();
    const places = [
      await requestOk('operatrice', edition.id),
      await requestOk('mediatrice', edition.id, 'mediator'),
      await enrolExternal(edition.id),
    ];
    for (const p of places) await attend(edition, p.place.id, 4);
    await issue(edition.id);
    const certificates = await listed(edition.id);
    const revoked = certificates.find((c) => c.placeId === places[1]!.place.id)!;
    await ok('formatore', 'POST', `/api/training/certificates/${revoked.id}/revoke`, { reason: 'Errore' });
    const live = certificates.filter((c) => c.id !== revoked.id);

    const res = await call(
      'formatore',
      'GET',
      `/api/training/editions/${edition.id}/certificates.zip?lang=it`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const entries = await zipEntries(res.rawPayload);
    const names = entries.map((e) => e.name).sort();
    const external = live.find((c) => c.holderName === 'Avv. Laura Bianchi')!;
    const own = live.find((c) => c.placeId === places[0]!.place.id)!;
    expect(names).toHaveLength(2);
    expect(names).toContain(`attestato-bianchi-avv-laura-${await verificationCodeOf(external.id)}.pdf`);
    const ownCode = await verificationCodeOf(own.id);
    expect(names.filter((n) => /^attestato-[a-z-]+-/.test(n) && n.endsWith(`-${ownCode}.pdf`))).toHaveLength(
      1,
    );
    expect(names.join(' ')).not.toContain(await verificationCodeOf(revoked.id));
    for (const e of entries) {
      expect(e.name).toMatch(/^attestato-[a-z0-9-]+-[A-Z0-9]{4}(-[A-Z0-9]{4}){4}\.pdf$/);
      expect(e.head).toBe('%PDF-');
    }
    const [{ n }] = (await system<{ n: number }>(
      sql`select count(*)::int as n from audit_events where action = 'training.certificates_zipped' and record_id = ${edition.id}`,
    )) as [{ n: number }];
    expect(n).toBe(1);
  });

  it('is refused to a coordinator and to the holder', async () => {
    const { edition } = await certified();
    for (const who of ['coordinatrice', 'operatrice'])
      expect(
        (await call(who, 'GET', `/api/training/editions/${edition.id}/certificates.zip`)).statusCode,
        who,
      ).toBe(403);
  });
});
