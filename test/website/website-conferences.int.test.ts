import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { TSitePageDetail } from '../../src/contracts/website.js';
import type { TConferenceDetail, TConferenceEvent } from '../../src/contracts/website-conferences.js';
import { WEBSITE_INDICATORS } from '../../src/server/modules/website/website.indicators.js';
import { multipartBody } from '../harness/multipart.js';
import { testAppKit } from '../harness/test-app.js';

/*
 * Conference pages (issue 24, item 5): a conference is a page linked to a community event (its
 * registration and survey), with a programme, speakers listed only with their consent, and PDF
 * materials and recordings after the event. The public reads what publication copied; the
 * survey's averages stay hidden under five answers and reach the impact module.
 */
const { t, call, ok, fields, system } = testAppKit();

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);
const DEMO = '/sito/convegni/violenza-domestica-dove-chiedere-aiuto';
const page = (url: string) => t.app.inject({ url });

async function newConference(slug: string) {
  const created = await ok<TSitePageDetail>('redazione', 'POST', '/api/website/pages', {
    page: { kind: 'conference', slug, category: 'general' },
    italian: { title: 'Convegno di prova', body: '<p>Il convegno.</p>' },
  });
  return { id: created.id, base: `/api/website/pages/${created.id}/conference` };
}

function uploadPdf(base: string, data: Buffer, type = 'application/pdf') {
  const body = multipartBody({
    fields: { titleIt: 'Le slide del convegno' },
    file: { name: 'slide.pdf', type, data },
  });
  return t.signIn('redazione').then((s) =>
    s.request({
      method: 'POST',
      url: `${base}/materials`,
      payload: body.payload,
      headers: { 'content-type': body.contentType },
    }),
  );
}

/** A published community event still to come, whose registration is open. */
async function openEvent() {
  const [event] = await system<{ id: string; public_slug: string }>(
    sql`select e.id, e.public_slug from community_events e join gatherings g on g.id = e.gathering_id
         where e.published and e.status = 'planned' and now() between g.registration_opens_at and g.registration_closes_at
           and g.seats_taken < g.capacity
           and not exists (select 1 from gathering_sessions s where s.gathering_id = g.id and s.starts_at <= now())
         limit 1`,
  );
  return event!;
}

describe('conference pages', () => {
  it('shows the demo conference: its event, programme, speakers, recording and survey link', async () => {
    const list = await page('/sito/convegni?lang=it');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`href="${DEMO}?lang=it"`);
    const italian = await page(`${DEMO}?lang=it`);
    expect(italian.statusCode).toBe(200);
    expect(italian.body).toContain('La denuncia e la protezione: cosa fanno i carabinieri');
    expect(italian.body).toContain('Dott.ssa Laura Esempio');
    // Held weeks ago: registration closed, the survey open on the community calendar.
    expect(italian.body).toContain('Le iscrizioni sono chiuse.');
    expect(italian.body).toMatch(/href="\/eventi\/[\w-]+\/parere\?lang=it"/);
    // Its recording is the demo video chapter, stored and published only when the app runs (not here).
    expect(italian.body).not.toContain('href="/sito/video/primo-colloquio-mediazione');
    expect(italian.body).toContain('"@type":"Event"');
    // Arabic: the frame in Arabic, the programme's Italian titles marked as Italian.
    const arabic = await page(`${DEMO}?lang=ar`);
    expect(arabic.body).toContain('<span lang="it" dir="ltr">Accoglienza e presentazione</span>');
    expect((await page(`${DEMO}?lang=en`)).body).toContain('Questions from the audience');
  });

  it('is published only linked to a published event, and the public sees what was published', async () => {
    const { id, base } = await newConference('convegno-prova');
    const early = await call('redazione', 'POST', `/api/website/pages/${id}/transitions`, {
      action: 'publish',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().localized.en.detail).toContain('Link the community event');

    const events = await ok<TConferenceEvent[]>('redazione', 'GET', '/api/website/conference-events');
    expect(events.length).toBeGreaterThan(3);
    expect(events.every((e) => e.published && e.path.startsWith('/eventi/'))).toBe(true);
    const [hidden] = await system<{ id: string }>(sql`update community_events set published = false
      where id = (select id from community_events order by id limit 1) returning id`);
    const unpublished = await call('redazione', 'PUT', `${base}/settings`, { eventId: hidden!.id });
    expect(unpublished.statusCode).toBe(400);
    expect(fields(unpublished)).toEqual(['eventId']);
    await system(sql`update community_events set published = true where id = ${hidden!.id}`);

    const event = await openEvent();
    await ok('redazione', 'PUT', `${base}/settings`, { eventId: event.id });

    // Nobody is listed without consent; a line names this conference's speakers only.
    const noConsent = await call('redazione', 'POST', `${base}/speakers`, {
      name: 'Anna Relatrice',
      consentNote: 'e-mail',
    });
    expect(fields(noConsent)).toEqual(['consent']);
    let detail = await ok<TConferenceDetail>('redazione', 'POST', `${base}/speakers`, {
      name: 'Anna Relatrice',
      role: 'Assistente sociale',
      consent: true,
      consentNote: 'E-mail del 12 novembre',
    });
    const speaker = detail.speakers[0]!;
    expect(speaker).toMatchObject({ name: 'Anna Relatrice', consentRecordedBy: expect.any(String) });
    const demo = await system<{ id: string }>(
      sql`select id from site_conference_speakers where page_id <> ${id} limit 1`,
    );
    const foreign = await call('redazione', 'POST', `${base}/items`, {
      day: '2031-05-10',
      starts: '09:00',
      titles: { it: 'Apertura' },
      speakerIds: [demo[0]!.id],
    });
    expect(fields(foreign)).toEqual(['speakerIds']);
    const backwards = await call('redazione', 'POST', `${base}/items`, {
      day: '2031-05-10',
      starts: '10:00',
      ends: '09:00',
      titles: { it: 'Apertura' },
    });
    expect(fields(backwards)).toEqual(['ends']);
    detail = await ok('redazione', 'POST', `${base}/items`, {
      day: '2031-05-10',
      starts: '09:00',
      ends: '09:30',
      titles: { it: 'Apertura dei lavori', ar: 'افتتاح' },
      speakerIds: [speaker.id],
    });
    expect(detail.items).toEqual([
      expect.objectContaining({ starts: '09:00', ends: '09:30', speakerIds: [speaker.id] }),
    ]);

    // Materials: a PDF, checked by content; a recording must be a chapter of the manual.
    const fake = await uploadPdf(base, Buffer.from('MZ not a pdf at all'));
    expect(fake.statusCode).toBe(422);
    const stored = await uploadPdf(base, PDF);
    expect(stored.statusCode).toBe(200);
    detail = stored.json() as TConferenceDetail;
    const document = detail.materials[0]!;
    expect(document).toMatchObject({ kind: 'document', title: 'Le slide del convegno', shown: true });
    const notChapter = await call('redazione', 'POST', `${base}/recordings`, { videoPageId: id });
    expect(fields(notChapter)).toEqual(['videoPageId']);
    expect(detail.problems).toEqual([]);
    // A recording whose chapter is not on the site (the demo chapter's video is stored only by npm start) stops publication.
    const [chapter] = await system<{ id: string }>(
      sql`select id from site_pages where kind = 'video' limit 1`,
    );
    detail = await ok('redazione', 'POST', `${base}/recordings`, { videoPageId: chapter!.id });
    const recording = detail.materials.find((m) => m.kind === 'recording')!;
    expect(recording.shown).toBe(false);
    expect(detail.problems.map((p) => p.en)).toEqual([
      expect.stringContaining('publish the video chapter first'),
    ]);
    expect(
      (await call('redazione', 'POST', `/api/website/pages/${id}/transitions`, { action: 'publish' }))
        .statusCode,
    ).toBe(409);
    detail = await ok('redazione', 'DELETE', `${base}/materials/${recording.id}`);
    expect(detail.materials).toHaveLength(1);

    await ok('redazione', 'POST', `/api/website/pages/${id}/transitions`, { action: 'publish' });
    const shown = await page('/sito/convegni/convegno-prova?lang=ar');
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toContain('افتتاح');
    expect(shown.body).toContain('Anna Relatrice');
    expect(shown.body).toContain(`href="/eventi/${event.public_slug}?lang=ar"`);
    const pdf = await page(`/sito/convegni/convegno-prova/materiali/${document.fileId}`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain('attachment');
    expect(pdf.rawPayload.equals(PDF)).toBe(true);
    // Only the conference's own documents, only on its own address.
    expect((await page(`${DEMO}/materiali/${document.fileId}`)).statusCode).toBe(404);

    // A change waits for the next publication: the page is a draft again, the public unchanged.
    await ok('redazione', 'POST', `${base}/speakers`, {
      name: 'Bruno Nuovo',
      consent: true,
      consentNote: 'Al telefono',
    });
    const [state] = await system<{ state: string }>(sql`select state from site_pages where id = ${id}`);
    expect(state!.state).toBe('draft');
    expect((await page('/sito/convegni/convegno-prova?lang=it')).body).not.toContain('Bruno Nuovo');

    // A speaker taken off (consent withdrawn) leaves the programme, and the public page at once.
    detail = await ok('redazione', 'DELETE', `${base}/speakers/${speaker.id}`);
    expect(detail.items[0]!.speakerIds).toEqual([]);
    const withdrawn = (await page('/sito/convegni/convegno-prova?lang=it')).body;
    expect(withdrawn).toContain('Apertura dei lavori');
    expect(withdrawn).not.toContain('Anna Relatrice');

    // Archived: the page and its documents leave the site.
    await ok('redazione', 'POST', `/api/website/pages/${id}/transitions`, { action: 'archive' });
    expect((await page('/sito/convegni/convegno-prova?lang=it')).statusCode).toBe(404);
    expect((await page(`/sito/convegni/convegno-prova/materiali/${document.fileId}`)).statusCode).toBe(404);
    expect(
      (await call('redazione', 'POST', `${base}/speakers`, { name: 'X', consent: true, consentNote: 'x' }))
        .statusCode,
    ).toBe(409);
  });

  it('is for editors only, and only on conference pages', async () => {
    const [demo] = await system<{ id: string }>(
      sql`select id from site_pages where kind = 'conference' limit 1`,
    );
    expect((await call('coordinatrice', 'GET', `/api/website/pages/${demo!.id}/conference`)).statusCode).toBe(
      403,
    );
    expect((await call('coordinatrice', 'GET', '/api/website/conference-events')).statusCode).toBe(403);
    const [home] = await system<{ id: string }>(sql`select id from site_pages where slug = 'home'`);
    expect((await call('redazione', 'GET', `/api/website/pages/${home!.id}/conference`)).statusCode).toBe(
      404,
    );
  });

  it('hides the survey averages under five answers and reports them to the impact module', async () => {
    const [demo] = await system<{ id: string; event_id: string }>(
      sql`select page_id as id, event_id from site_conferences where event_id is not null limit 1`,
    );
    const before = await ok<TConferenceDetail>(
      'redazione',
      'GET',
      `/api/website/pages/${demo!.id}/conference`,
    );
    expect(before.survey!.answers).toBeLessThan(5);
    expect(before.survey).toMatchObject({ useful: null, understood: null });

    const month = `${new Date().toISOString().slice(0, 8)}01`;
    const period = { from: month, to: new Date().toISOString().slice(0, 10) };
    const byKey = new Map(WEBSITE_INDICATORS.map((i) => [i.key, i]));
    const compute = (key: string) =>
      byKey.get(key)!.compute({ on: t.database.db, period, keyring: t.deps.keyring });
    // Under five answers in the period, the impact module gets no average either.
    const few = await compute('website.conference_survey_answers');
    expect(few.value).toBeLessThan(5);
    expect((await compute('website.conference_usefulness')).value).toBeNull();
    for (const [useful, understood] of [
      [5, 4],
      [4, 4],
      [5, 5],
      [3, 4],
      [5, 3],
    ])
      await system(sql`insert into community_feedback (event_id, useful, understood, language, month)
                       values (${demo!.event_id}, ${useful}, ${understood}, 'it', ${month}::date)`);
    const after = await ok<TConferenceDetail>(
      'redazione',
      'GET',
      `/api/website/pages/${demo!.id}/conference`,
    );
    expect(after.survey!.answers).toBe(before.survey!.answers + 5);
    expect(after.survey!.useful).toEqual(expect.any(Number));

    const answers = await compute('website.conference_survey_answers');
    expect(answers.value).toBeGreaterThanOrEqual(5);
    expect(answers.recordIds).toHaveLength(answers.value!);
    expect(answers.recordIds.every((r) => r.startsWith('Q'))).toBe(true);
    const usefulness = await compute('website.conference_usefulness');
    expect(usefulness.value).toBeGreaterThanOrEqual(3);
    expect(usefulness.value).toBeLessThanOrEqual(5);
  });
});
