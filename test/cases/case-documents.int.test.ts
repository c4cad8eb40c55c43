import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCaseDocument } from '../../src/contracts/case-documents.js';
import type { TSession } from '../../src/contracts/cases.js';
import { diskStore } from '../../src/server/platform/storage/disk-store.js';
import { useFileStore } from '../../src/server/platform/storage/store-registry.js';
import { casesTestKit } from './support.js';

/**
 * Documents attached to a household, a case, a session or a consultation (issue 22, item 6): who gets a download
 * link across every role, links used late or by someone else, refused uploads that leave nothing
 * stored, and the research dataset that never reads them.
 */
const { t, as, ids, call, ok, system, registerFamily, openCaseFor, openConsultation } = casesTestKit();

const PDF = Buffer.from(`%PDF-1.7\n1 0 obj <<>> endobj\n% CERTIFICATO ${'x'.repeat(300)}\n%%EOF\n`);
const PNG = Buffer.concat([
  Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'),
  Buffer.alloc(64),
]);

/** A browser form: the text fields first, then the file in `file`. */
function form({
  name = 'certificato.pdf',
  type = 'application/pdf',
  data = PDF,
  fields = { documentClass: 'health', title: 'Certificato medico' },
}: {
  name?: string;
  type?: string;
  data?: Buffer;
  fields?: Record<string, string>;
}) {
  const boundary = '----tramaCaseDocument';
  const parts = Object.entries(fields).map(
    ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  const head = `${parts.join('')}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const upload = (who: string, kind: string, id: string, options: Parameters<typeof form>[0] = {}) =>
  as[who]!.request({ method: 'POST', url: `/api/case-documents/${kind}/${id}`, ...form(options) });

const ROLES = [
  'operatrice',
  'responsabile',
  'clinica',
  'supervisora',
  'mediatrice',
  'coordinatrice',
  'ricercatrice',
  'operatore.romano',
  'dpo',
];

/** Who gets a link to a case's, a session's or a consultation's document: its team and supervisor. */
const CLINICAL_TEAM_AND_SUPERVISOR = {
  operatrice: 404,
  responsabile: 200,
  clinica: 200,
  supervisora: 200,
  mediatrice: 404,
  coordinatrice: 404,
  ricercatrice: 404,
  'operatore.romano': 404,
  dpo: 404,
};

async function linkMatrix(fileId: string) {
  const answers: Record<string, number> = {};
  for (const who of ROLES)
    answers[who] = (await call(who, 'POST', `/api/files/${fileId}/link`, {})).statusCode;
  return answers;
}

async function counts() {
  const [row] = await system(sql`select (select count(*)::int from stored_files) as files,
      (select count(*)::int from case_documents) as documents`);
  return row as { files: number; documents: number };
}

let storeRoot: string;
function storedObjects(dir = storeRoot): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? storedObjects(join(dir, e.name)) : [join(dir, e.name)],
  );
}

describe('documents of a household, a case and a session', () => {
  beforeAll(async () => {
    storeRoot = mkdtempSync(join(tmpdir(), 'trama-case-documents-'));
    useFileStore({ deps: t.deps, store: diskStore({ root: storeRoot }) });
    await registerFamily();
    const opened = await openCaseFor([ids.mother!, ids.child!]);
    ids.case = opened.caseId;
    await ok('responsabile', 'PUT', `/api/cases/${ids.case}/team`, {
      members: [
        { userId: await t.userId('responsabile'), teamRole: 'lead' },
        { userId: await t.userId('clinica'), teamRole: 'member' },
        { userId: await t.userId('mediatrice'), teamRole: 'mediator' },
      ],
    });
    const session = await ok<TSession>('responsabile', 'POST', `/api/cases/${ids.case}/sessions`, {
      kind: 'consultation',
      startsAt: '2026-05-01T10:00:00Z',
      durationMinutes: 60,
      place: 'service',
    });
    ids.session = session.id;
  });

  it('gives a case document to its clinical team and supervisor only; everyone else gets a 404, audited', async () => {
    const added = await upload('clinica', 'case', ids.case!);
    expect(added.statusCode, added.body).toBe(201);
    const { fileId } = added.json() as { fileId: string };
    ids.caseFile = fileId;
    expect(await linkMatrix(fileId)).toEqual(CLINICAL_TEAM_AND_SUPERVISOR);
    const [denied] = await system(sql`select count(distinct a.actor_user_id)::int as n from audit_events a
        where a.action = 'access.denied' and a.details->>'fileId' = ${fileId}`);
    expect((denied as { n: number }).n).toBe(6);
    // The file is named by its case: "who saw my record" finds the links made for it.
    const [made] = await system(sql`select count(*)::int as n from audit_events
        where action = 'file.link_created' and record_type = 'case' and record_id = ${ids.case}`);
    expect((made as { n: number }).n).toBe(3);
    // The list follows the same rule: the referrer sees the case but not its documents.
    const listed = await ok<TCaseDocument[]>('supervisora', 'GET', `/api/cases/${ids.case}/documents`);
    expect(listed.map((d) => [d.title, d.fileName, d.documentClass])).toEqual([
      ['Certificato medico', 'certificato.pdf', 'health'],
    ]);
    // The referrer and the team's mediator know the case: 403; outsiders learn nothing: 404.
    for (const who of ['operatrice', 'mediatrice'])
      expect((await call(who, 'GET', `/api/cases/${ids.case}/documents`)).statusCode, who).toBe(403);
    // Roles without case permissions are stopped by the route (403); another Ambito learns nothing (404).
    for (const who of ['ricercatrice', 'dpo'])
      expect((await call(who, 'GET', `/api/cases/${ids.case}/documents`)).statusCode, who).toBe(403);
    expect((await call('operatore.romano', 'GET', `/api/cases/${ids.case}/documents`)).statusCode).toBe(404);
  });

  it('gives a session document the rules of its case, and a household document to whoever sees the household', async () => {
    const onSession = await upload('responsabile', 'session', ids.session!, {
      name: 'disegno.png',
      type: 'image/png',
      data: PNG,
      fields: { documentClass: 'other', title: 'Disegno del bambino' },
    });
    expect(onSession.statusCode, onSession.body).toBe(201);
    expect(await linkMatrix(onSession.json().fileId)).toEqual(CLINICAL_TEAM_AND_SUPERVISOR);
    const onHousehold = await upload('operatrice', 'household', ids.household!, {
      fields: { documentClass: 'identity', title: 'Permesso di soggiorno' },
    });
    expect(onHousehold.statusCode, onHousehold.body).toBe(201);
    const householdMatrix = await linkMatrix(onHousehold.json().fileId);
    expect(householdMatrix).toEqual({
      operatrice: 200,
      responsabile: 200,
      clinica: 200,
      supervisora: 200,
      mediatrice: 404,
      coordinatrice: 200,
      ricercatrice: 404,
      'operatore.romano': 404,
      dpo: 404,
    });
    const onCase = await ok<TCaseDocument[]>('clinica', 'GET', `/api/cases/${ids.case}/documents`);
    expect(onCase.map((d) => d.attachedKind).sort()).toEqual(['case', 'household', 'session']);
    const onHome = await ok<TCaseDocument[]>(
      'operatrice',
      'GET',
      `/api/households/${ids.household}/documents`,
    );
    expect(onHome.map((d) => d.title)).toEqual(['Permesso di soggiorno']);
    // Adding follows the record too: the referrer adds nothing to the case, an outsider nothing anywhere.
    expect((await upload('operatrice', 'case', ids.case!)).statusCode).toBe(403);
    expect((await upload('operatore.romano', 'household', ids.household!)).statusCode).toBe(404);
    expect((await upload('supervisora', 'session', ids.session!)).statusCode).toBe(403);
  });

  afterAll(() => rmSync(storeRoot, { recursive: true, force: true }));

  it('refuses a link used after its minute or by another user, and audits both', async () => {
    const link = await ok<{ url: string }>('clinica', 'POST', `/api/files/${ids.caseFile}/link`, {});
    const stolen = await as.supervisora!.request({ method: 'GET', url: link.url });
    expect(stolen.statusCode).toBe(404);
    const [foreign] =
      await system(sql`select count(*)::int as n from audit_events a join users u on u.id = a.actor_user_id
        where a.action = 'access.denied' and u.username = 'supervisora' and a.details->>'fileId' = ${ids.caseFile}
          and a.details->>'link' = 'of another user'`);
    expect((foreign as { n: number }).n).toBe(1);
    // Not spent by the other user's try; spent once used.
    expect((await as.clinica!.request({ method: 'GET', url: link.url })).statusCode).toBe(200);
    expect((await as.clinica!.request({ method: 'GET', url: link.url })).statusCode).toBe(404);

    const late = await ok<{ url: string }>('clinica', 'POST', `/api/files/${ids.caseFile}/link`, {});
    await system(sql`update file_links set expires_at = now() - interval '1 second' where used_at is null`);
    const expired = await as.clinica!.request({ method: 'GET', url: late.url });
    expect(expired.statusCode).toBe(404);
    expect(expired.headers['content-type']).toContain('application/problem+json');
    // A spent link tried again, and an expired one: each refusal audited with its reason.
    const reasons = await system(sql`select a.details->>'link' as link from audit_events a
        join users u on u.id = a.actor_user_id
        where a.action = 'access.denied' and u.username = 'clinica' and a.details->>'fileId' = ${ids.caseFile}
        order by a.occurred_at`);
    expect((reasons as { link: string }[]).map((r) => r.link)).toEqual(['already used', 'expired']);
    // The late try by another user is refused and audited as well.
    expect((await as.responsabile!.request({ method: 'GET', url: late.url })).statusCode).toBe(404);
    const [byOther] =
      await system(sql`select count(*)::int as n from audit_events a join users u on u.id = a.actor_user_id
        where a.action = 'access.denied' and u.username = 'responsabile' and a.details->>'fileId' = ${ids.caseFile}`);
    expect((byOther as { n: number }).n).toBe(1);
  });

  it('refuses a wrong type, an oversize file or a bad name, and stores nothing', async () => {
    const before = await counts();
    const objects = storedObjects().length;
    const mismatched = await upload('clinica', 'case', ids.case!, { type: 'application/pdf', data: PNG });
    expect(mismatched.statusCode).toBe(422);
    const script = await upload('clinica', 'case', ids.case!, {
      name: 'script.sh',
      type: 'application/x-sh',
      data: Buffer.from('#!/bin/sh\nrm -rf /\n'),
    });
    expect(script.statusCode).toBe(422);
    const unknown = await upload('clinica', 'case', ids.case!, { data: randomBytes(64).fill(0, 0, 4) });
    expect(unknown.statusCode).toBe(415);
    const big = Buffer.concat([PDF, Buffer.alloc(25 * 1024 * 1024 + 10, 0x20)]);
    expect((await upload('clinica', 'case', ids.case!, { data: big })).statusCode).toBe(413);
    const badName = await upload('clinica', 'case', ids.case!, { name: 'a\u0007b.pdf' });
    expect(badName.statusCode).toBe(400);
    expect(badName.json().errors[0].field).toBe('fileName');
    const longName = await upload('clinica', 'case', ids.case!, { name: `${'x'.repeat(250)}.pdf` });
    expect(longName.statusCode).toBe(400);
    const noTitle = await upload('clinica', 'case', ids.case!, {
      fields: { documentClass: 'health', title: '' },
    });
    expect(noTitle.statusCode).toBe(400);
    expect(noTitle.json().errors.map((e: { field: string }) => e.field)).toEqual(['title']);
    const badClass = await upload('clinica', 'case', ids.case!, {
      fields: { documentClass: 'x', title: 'Referto' },
    });
    expect(badClass.json().errors.map((e: { field: string }) => e.field)).toEqual(['documentClass']);
    expect(await counts()).toEqual(before);
    expect(storedObjects().length).toBe(objects);
  });

  it('removes a document for its uploader or the lead only, and its link stops working', async () => {
    const added = await upload('clinica', 'case', ids.case!, {
      fields: { documentClass: 'school', title: 'Pagella' },
    });
    const { id, fileId } = added.json() as { id: string; fileId: string };
    expect((await call('supervisora', 'DELETE', `/api/case-documents/${id}`)).statusCode).toBe(403);
    expect((await call('operatore.romano', 'DELETE', `/api/case-documents/${id}`)).statusCode).toBe(404);
    expect((await call('responsabile', 'DELETE', `/api/case-documents/${id}`)).statusCode).toBe(204);
    expect((await call('clinica', 'POST', `/api/files/${fileId}/link`, {})).statusCode).toBe(404);
    const listed = await ok<TCaseDocument[]>('clinica', 'GET', `/api/cases/${ids.case}/documents`);
    expect(listed.some((d) => d.id === id)).toBe(false);
  });

  it('gives a consultation document to its team and the service coordinators, never to the requesting service or the household', async () => {
    const consultation = await openConsultation();
    const added = await upload('responsabile', 'consultation', consultation.id, {
      fields: { documentClass: 'social_report', title: 'Relazione del servizio inviante' },
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(await linkMatrix(added.json().fileId)).toEqual(CLINICAL_TEAM_AND_SUPERVISOR);
    const url = `/api/consultations/${consultation.id}/documents`;
    const listed = await ok<TCaseDocument[]>('supervisora', 'GET', url);
    expect(listed.map((d) => [d.attachedKind, d.title])).toEqual([
      ['consultation', 'Relazione del servizio inviante'],
    ]);
    // The requesting service reads the consultation's status, never its documents; another Ambito nothing.
    expect((await call('operatrice', 'GET', url)).statusCode).toBe(403);
    expect((await call('operatore.romano', 'GET', url)).statusCode).toBe(404);
    // The household's own documents do not include it (the first-line service sees the household).
    const onHome = await ok<TCaseDocument[]>(
      'operatrice',
      'GET',
      `/api/households/${ids.household}/documents`,
    );
    expect(onHome.some((d) => d.attachedKind === 'consultation')).toBe(false);
    // Only the team adds; the coordinator and the requester do not; a finished consultation takes nothing.
    expect((await upload('supervisora', 'consultation', consultation.id)).statusCode).toBe(403);
    expect((await upload('operatrice', 'consultation', consultation.id)).statusCode).toBe(403);
    await ok('responsabile', 'POST', `/api/consultations/${consultation.id}/close`, {});
    expect((await upload('responsabile', 'consultation', consultation.id)).statusCode).toBe(409);
  });

  it('keeps documents out of the research dataset', async () => {
    const [study] = await ok<{ id: string }[]>('ricercatrice', 'GET', '/api/research/studies');
    const csv = await call('ricercatrice', 'GET', `/api/research/studies/${study!.id}/export?format=csv`);
    expect(csv.statusCode).toBe(200);
    for (const word of ['Certificato', 'certificato.pdf', 'Permesso', 'Disegno', 'document'])
      expect(csv.body.toLowerCase()).not.toContain(word.toLowerCase());
    const source = readdirSync('src/server/modules/research')
      .map((f) => readFileSync(join('src/server/modules/research', f), 'utf8'))
      .join('\n');
    for (const table of ['case_documents', 'caseDocuments', 'stored_files'])
      expect(source).not.toContain(table);
  });
});
