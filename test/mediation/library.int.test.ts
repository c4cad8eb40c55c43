import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import type {
  TGlossaryTerm,
  TMaterial,
  TMaterialSummary,
  TMaterialVersion,
} from '../../src/contracts/mediation-library.js';
import { COORD, mediationTestKit } from './support.js';

/**
 * The intercultural communication unit through the HTTP API: drafts seen only by those who write,
 * four-eyes approval by the mediation coordinator, one version in use per language, PDFs of
 * approved versions only (Arabic read back in logical order), and the glossary's search.
 */
const k = mediationTestKit();
const { call, ok, fields, system } = k;
const MEDIATOR = 'mediatrice';
const dir = mkdtempSync(join(tmpdir(), 'library-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const unique = () => randomUUID().slice(0, 8);
const englishDetail = (res: { json(): unknown }) =>
  (res.json() as { localized: { en: { detail?: string } } }).localized.en.detail ?? '';

async function newMaterial(title = `Opuscolo ${unique()}`) {
  return ok<TMaterial>(COORD, 'POST', '/api/mediation/materials', {
    title,
    kind: 'rights_information',
    summary: 'I diritti di chi subisce violenza',
  });
}

async function draft(materialId: string, language: string, body: string, who = MEDIATOR, title = 'Titolo') {
  return ok<TMaterialVersion>(who, 'POST', `/api/mediation/materials/${materialId}/versions`, {
    language,
    title,
    body,
  });
}

/** A version written by `who`, sent for review and approved by the coordinator. */
async function approved(materialId: string, language: string, body: string, title = 'Titolo') {
  const version = await draft(materialId, language, body, MEDIATOR, title);
  await ok(MEDIATOR, 'POST', `/api/mediation/material-versions/${version.id}/submit`);
  await ok(COORD, 'POST', `/api/mediation/material-versions/${version.id}/review`, { decision: 'approve' });
  return version;
}

const statusOf = async (id: string) =>
  (await system<{ status: string }>(sql`select status from mediation_material_versions where id = ${id}`))[0]
    ?.status;

async function pdfText(versionId: string, who = 'operatrice') {
  const res = await call(who, 'GET', `/api/mediation/material-versions/${versionId}/pdf`);
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  const file = join(dir, `${versionId}.pdf`);
  writeFileSync(file, res.rawPayload);
  // Without the bidi controls pdftotext wraps right-to-left runs in.
  return {
    text: execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(
      /[\u202a-\u202e\u2066-\u2069]/g,
      '',
    ),
    disposition: String(res.headers['content-disposition']),
  };
}

describe('materials', () => {
  it('shows drafts only to those who write; a practitioner sees the versions in use', async () => {
    const material = await newMaterial();
    const version = await draft(material.id, 'ar', 'نص المسودة');
    expect(version).toMatchObject({ status: 'draft', version: 1, rtl: true, authorName: 'Amina Mediatrice' });
    const seenByPractitioner = await ok<TMaterial>(
      'operatrice',
      'GET',
      `/api/mediation/materials/${material.id}`,
    );
    expect(seenByPractitioner.versions).toEqual([]);
    expect(
      (await call('operatrice', 'GET', `/api/mediation/material-versions/${version.id}/pdf`)).statusCode,
    ).toBe(404);
    const seenByMediator = await ok<TMaterial>(MEDIATOR, 'GET', `/api/mediation/materials/${material.id}`);
    expect(seenByMediator.versions.map((v) => v.id)).toEqual([version.id]);

    await ok(MEDIATOR, 'POST', `/api/mediation/material-versions/${version.id}/submit`);
    const listOf = async (who: string) =>
      (await ok<{ items: TMaterialSummary[] }>(who, 'GET', '/api/mediation/materials')).items.find(
        (m) => m.id === material.id,
      );
    expect(await listOf(COORD)).toMatchObject({ approvedLanguages: [], reviewLanguages: ['ar'] });
    expect(await listOf('operatrice')).toMatchObject({ approvedLanguages: [], reviewLanguages: [] });
    // A practitioner writes nothing in the library.
    expect(
      (
        await call('operatrice', 'POST', `/api/mediation/materials/${material.id}/versions`, {
          language: 'fr',
          title: 'Vos droits',
          body: 'Texte',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('is created by the mediation coordinator only', async () => {
    const input = { title: `Lettera ${unique()}`, kind: 'letter' };
    expect((await call(MEDIATOR, 'POST', '/api/mediation/materials', input)).statusCode).toBe(403);
    const other = await call('coordinatrice', 'POST', '/api/mediation/materials', input);
    expect(other.statusCode).toBe(403);
    expect(englishDetail(other)).toContain('mediation service');
    const created = await ok<TMaterial>(COORD, 'POST', '/api/mediation/materials', input);
    expect(created).toMatchObject({ kind: 'letter', approvedLanguages: [], versions: [] });
  });

  it('numbers versions per language and keeps one open draft per language', async () => {
    const material = await newMaterial();
    const first = await approved(material.id, 'fr', 'Première version');
    const second = await draft(material.id, 'fr', 'Deuxième version');
    expect([first.version, second.version]).toEqual([1, 2]);
    const again = await call(MEDIATOR, 'POST', `/api/mediation/materials/${material.id}/versions`, {
      language: 'fr',
      title: 'Encore',
      body: 'Troisième',
    });
    expect(again.statusCode).toBe(409);
    expect(fields(again)).toEqual(['language']);
    const unknown = await call(MEDIATOR, 'POST', `/api/mediation/materials/${material.id}/versions`, {
      language: 'zzz',
      title: 'Nessuna',
      body: 'Lingua che non esiste',
    });
    expect(unknown.statusCode).toBe(400);
    expect(fields(unknown)).toEqual(['language']);
  });

  it('refuses approval to the version’s author and to anyone but the mediation coordinator', async () => {
    const material = await newMaterial();
    const own = await draft(material.id, 'en', 'Written by the coordinator herself', COORD);
    await ok(COORD, 'POST', `/api/mediation/material-versions/${own.id}/submit`);
    const byAuthor = await call(COORD, 'POST', `/api/mediation/material-versions/${own.id}/review`, {
      decision: 'approve',
    });
    expect(byAuthor.statusCode).toBe(403);
    expect(englishDetail(byAuthor)).toContain('second person');

    const theirs = await draft(material.id, 'ar', 'نص للمراجعة');
    await ok(MEDIATOR, 'POST', `/api/mediation/material-versions/${theirs.id}/submit`);
    for (const who of ['coordinatrice', MEDIATOR, 'operatrice'])
      expect(
        (
          await call(who, 'POST', `/api/mediation/material-versions/${theirs.id}/review`, {
            decision: 'approve',
          })
        ).statusCode,
      ).toBe(403);
    expect(await statusOf(own.id)).toBe('in_review');
    expect(await statusOf(theirs.id)).toBe('in_review');
  });

  it('approving retires the version in use, in the same language only', async () => {
    const material = await newMaterial();
    const v1 = await approved(material.id, 'ar', 'النسخة الأولى');
    const french = await approved(material.id, 'fr', 'Version française');
    const v2 = await draft(material.id, 'ar', 'النسخة الثانية');
    await ok(MEDIATOR, 'POST', `/api/mediation/material-versions/${v2.id}/submit`);
    const after = await ok<TMaterial>(COORD, 'POST', `/api/mediation/material-versions/${v2.id}/review`, {
      decision: 'approve',
      comment: 'Chiara e corretta',
    });
    const byId = new Map(after.versions.map((v) => [v.id, v]));
    expect(byId.get(v1.id)?.status).toBe('retired');
    expect(byId.get(v2.id)).toMatchObject({
      status: 'approved',
      reviewerName: 'Giulia Referente',
      reviewComment: 'Chiara e corretta',
    });
    expect(byId.get(french.id)?.status).toBe('approved');
    expect(after.approvedLanguages).toEqual(['ar', 'fr']);
    const seen = await ok<TMaterial>('operatrice', 'GET', `/api/mediation/materials/${material.id}`);
    expect(seen.versions.map((v) => v.id).sort()).toEqual([v2.id, french.id].sort());
    // The retired version is no longer handed out.
    expect((await call(MEDIATOR, 'GET', `/api/mediation/material-versions/${v1.id}/pdf`)).statusCode).toBe(
      409,
    );
  });

  it('returns a version to its author with a comment, who edits and sends it again', async () => {
    const material = await newMaterial();
    const version = await draft(material.id, 'ur', 'پہلا مسودہ');
    await ok(MEDIATOR, 'POST', `/api/mediation/material-versions/${version.id}/submit`);
    const silent = await call(COORD, 'POST', `/api/mediation/material-versions/${version.id}/review`, {
      decision: 'return',
    });
    expect(fields(silent)).toEqual(['comment']);
    await ok(COORD, 'POST', `/api/mediation/material-versions/${version.id}/review`, {
      decision: 'return',
      comment: 'Manca il numero di telefono',
    });
    expect(await statusOf(version.id)).toBe('draft');
    // Another mediator may not touch it; its author may.
    const { username: other } = await k.newMediator();
    expect(
      (
        await call(other, 'PUT', `/api/mediation/material-versions/${version.id}`, {
          title: 'Altro',
          body: 'Altro testo',
        })
      ).statusCode,
    ).toBe(403);
    const edited = await ok<TMaterialVersion>(
      MEDIATOR,
      'PUT',
      `/api/mediation/material-versions/${version.id}`,
      {
        title: 'آپ کے حقوق',
        body: 'دوسرا مسودہ، فون 1522',
      },
    );
    expect(edited).toMatchObject({ status: 'draft', reviewComment: 'Manca il numero di telefono' });
    const submitted = await ok<TMaterialVersion>(
      MEDIATOR,
      'POST',
      `/api/mediation/material-versions/${version.id}/submit`,
    );
    expect(submitted.status).toBe('in_review');
    // In review, it is no longer edited.
    expect(
      (
        await call(MEDIATOR, 'PUT', `/api/mediation/material-versions/${version.id}`, {
          title: 'x',
          body: 'y',
        })
      ).statusCode,
    ).toBe(409);
  });

  it('refuses the PDF of a draft', async () => {
    const material = await newMaterial();
    const version = await draft(material.id, 'it', 'Bozza non ancora approvata');
    const res = await call(MEDIATOR, 'GET', `/api/mediation/material-versions/${version.id}/pdf`);
    expect(res.statusCode).toBe(409);
    await ok(MEDIATOR, 'POST', `/api/mediation/material-versions/${version.id}/submit`);
    expect((await call(COORD, 'GET', `/api/mediation/material-versions/${version.id}/pdf`)).statusCode).toBe(
      409,
    );
  });
});

describe('PDF', () => {
  it('prints Arabic shaped, right to left, and reads back in logical order', async () => {
    const material = await newMaterial('Diritti delle vittime');
    const sentences = [
      'لديك الحق في الحماية والمساعدة المجانية',
      'يمكنك التحدث مع وسيطة ثقافية بلغتك',
      'الخدمة سرية ومجانية ولا تحتاج إلى وثائق',
    ];
    const body = `${sentences[0]} (مركز مناهضة العنف).\nاتصل بالرقم 1522 في أي وقت.\n${sentences[1]}. ${sentences[2]}.`;
    const version = await approved(material.id, 'ar', body, 'حقوقك كضحية للعنف');
    const { text, disposition } = await pdfText(version.id);
    const flat = text.replace(/\s+/g, ' ');
    for (const sentence of [...sentences, 'حقوقك كضحية للعنف']) expect(flat).toContain(sentence);
    // Logical order: the words as written, not reversed word by word or letter by letter.
    const reversedWords = sentences[0]!.split(' ').reverse().join(' ');
    expect(flat).not.toContain(reversedWords);
    expect(flat).toContain('1522');
    expect(flat).toContain('Versione 1 in arabo, approvata il');
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent('حقوقك-كضحية-للعنف-ar.pdf')}`);
    // Audited as a download.
    const [audit] = await system<{ n: number }>(
      sql`select count(*)::int as n from audit_events where action = 'mediation.material_downloaded'
            and record_id = ${version.id}`,
    );
    expect(audit?.n).toBe(1);
  });

  it('prints Italian, Ukrainian and Punjabi legibly', async () => {
    const material = await newMaterial('Consenso informato');
    const italian = await approved(
      material.id,
      'it',
      'Acconsento al trattamento dei dati personali perché il servizio possa aiutarmi. Potrò ritirare il consenso in qualsiasi momento.',
      'Modulo di consenso informato',
    );
    const it = (await pdfText(italian.id)).text.replace(/\s+/g, ' ');
    expect(it).toContain('Modulo di consenso informato');
    expect(it).toContain('Acconsento al trattamento dei dati personali perché il servizio possa aiutarmi.');
    const ukrainian = await approved(
      material.id,
      'uk',
      'Я погоджуюся на обробку персональних даних.',
      'Згода',
    );
    expect((await pdfText(ukrainian.id)).text).toContain('Я погоджуюся на обробку персональних даних.');
    const punjabi = await approved(material.id, 'pa', 'ਮੈਂ ਸਹਿਮਤ ਹਾਂ', 'ਸਹਿਮਤੀ ਫਾਰਮ');
    const pa = (await pdfText(punjabi.id)).text;
    // Gurmukhi comes back as Gurmukhi letters, not as empty boxes.
    expect(pa).toMatch(/\p{Script=Gurmukhi}{2,}/u);
  });
});

describe('glossary', () => {
  async function term(
    word: string,
    translations: { language: string; translation: string; note?: string }[],
  ) {
    return ok<TGlossaryTerm>(MEDIATOR, 'POST', '/api/mediation/glossary', {
      term: word,
      domain: 'legal',
      definition: 'Misure di protezione dei minori',
      translations,
    });
  }
  const search = async (query: string, who = 'operatrice') =>
    (await ok<{ items: TGlossaryTerm[] }>(who, 'GET', `/api/mediation/glossary?${query}`)).items;

  it('finds a term by its words whatever the case and accents, and filters by language and domain', async () => {
    const tag = unique();
    const tutela = await term(`tutela ${tag}`, [
      { language: 'ar', translation: 'حماية القاصرين', note: 'Nel linguaggio dei servizi' },
      { language: 'fr', translation: `protection ${tag}` },
    ]);
    const other = await term(`perizia ${tag}`, [{ language: 'fr', translation: 'expertise' }]);
    expect(tutela.translations.find((t) => t.language === 'ar')).toMatchObject({ rtl: true });
    expect(tutela.translations.find((t) => t.language === 'fr')).toMatchObject({ rtl: false, note: null });

    const ids = (items: TGlossaryTerm[]) => items.map((i) => i.id);
    expect(ids(await search(`q=${encodeURIComponent(`TUTELA ${tag}`)}`))).toEqual([tutela.id]);
    expect(ids(await search(`q=${encodeURIComponent(`tutéla ${tag.toUpperCase()}`)}`))).toEqual([tutela.id]);
    expect(ids(await search(`q=${encodeURIComponent(`PROTÉCTION ${tag}`)}`))).toEqual([tutela.id]);
    expect(ids(await search(`q=${encodeURIComponent('حماية القاصرين')}`))).toContain(tutela.id);
    expect(ids(await search(`q=${tag}`))).toEqual([other.id, tutela.id]);
    const arabic = await search(`q=${tag}&language=ar`);
    expect(ids(arabic)).toEqual([tutela.id]);
    expect(arabic[0]!.translations.map((t) => t.language)).toEqual(['ar']);
    expect(await search(`q=${tag}&domain=health`)).toEqual([]);
    // A wildcard is a character like any other.
    expect(await search(`q=${encodeURIComponent(`%${tag}`)}`)).toEqual([]);
  });

  it('is written by mediators and the mediation coordinator only, one entry per term', async () => {
    const tag = unique();
    const input = { term: `udienza ${tag}`, domain: 'legal', translations: [] };
    expect((await call('operatrice', 'POST', '/api/mediation/glossary', input)).statusCode).toBe(403);
    expect((await call('coordinatrice', 'POST', '/api/mediation/glossary', input)).statusCode).toBe(403);
    const created = await ok<TGlossaryTerm>(COORD, 'POST', '/api/mediation/glossary', input);
    const twice = await call(MEDIATOR, 'POST', '/api/mediation/glossary', {
      ...input,
      term: `UDIENZA ${tag}`,
    });
    expect(twice.statusCode).toBe(409);
    expect(fields(twice)).toEqual(['term']);
    const doubled = await call(MEDIATOR, 'PUT', `/api/mediation/glossary/${created.id}`, {
      ...input,
      translations: [
        { language: 'en', translation: 'hearing' },
        { language: 'en', translation: 'court hearing' },
      ],
    });
    expect(fields(doubled)).toEqual(['translations.1.language']);
    const updated = await ok<TGlossaryTerm>(MEDIATOR, 'PUT', `/api/mediation/glossary/${created.id}`, {
      ...input,
      translations: [
        { language: 'en', translation: 'hearing' },
        { language: 'ur', translation: 'سماعت' },
      ],
    });
    expect(updated.translations.map((t) => [t.language, t.rtl])).toEqual([
      ['en', false],
      ['ur', true],
    ]);
    const read = await ok<TGlossaryTerm>('operatrice', 'GET', `/api/mediation/glossary/${created.id}`);
    expect(read.translations).toHaveLength(2);
  });
});
