import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { THelpService, TSitePageDetail, TSitePageSummary } from '../../src/contracts/website.js';
import { siteWords } from '../../src/server/modules/website/public/site-words.js';
import { PUBLISH_DUE_JOB } from '../../src/server/modules/website/website.jobs.js';
import { previewSigner } from '../../src/server/modules/website/website-preview.js';
import { systemTransaction } from '../../src/server/platform/db/context.js';
import { testAppKit } from '../harness/test-app.js';

/*
 * The public website and its editorial workflow (issue 24, items 1–3): a draft is never reached
 * from a public path, a sensitive page needs a second editor, translations are tracked against the
 * Italian, links are checked before publishing, a scheduled page goes public when due.
 */
const { t, call, ok, fields, system } = testAppKit();

const publicGet = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers });

let counter = 0;
async function newPage(who = 'redazione', extra: object = {}, italian: object = {}) {
  counter += 1;
  return ok<TSitePageDetail>(who, 'POST', '/api/website/pages', {
    page: { kind: 'page', slug: `orari-${counter}`, category: 'general', ...extra },
    italian: {
      title: `Orari degli sportelli ${counter}`,
      summary: 'Quando siamo aperti.',
      body: '<p>Dal lunedì al venerdì.</p>',
      ...italian,
    },
  });
}
const move = (who: string, id: string, body: object) =>
  call(who, 'POST', `/api/website/pages/${id}/transitions`, body);

describe('public website', () => {
  it('never shows a draft on a public path, and a preview only by a valid, unexpired signed link', async () => {
    const page = await newPage();
    expect(page.state).toBe('draft');
    expect(page.publicPath).toBe(`/sito/${page.slug}`);
    expect((await publicGet(page.publicPath)).statusCode).toBe(404);
    expect(
      (await publicGet(`/sito/anteprima/${page.id}?lang=it&expires=${Date.now() + 60_000}&token=X`))
        .statusCode,
    ).toBe(404);

    const preview = await ok<{ url: string }>(
      'redazione',
      'POST',
      `/api/website/pages/${page.id}/preview/ar`,
    );
    const previewPath = new URL(preview.url).pathname + new URL(preview.url).search;
    const shown = await publicGet(previewPath);
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toContain('Dal lunedì al venerdì.');
    expect(shown.body).toContain('<meta name="robots" content="noindex">');
    expect(shown.headers['cache-control']).toBe('no-store');
    // Not yet in Arabic: the Italian text, said so in Arabic, marked as Italian inside a right-to-left page.
    expect(shown.body).toContain('dir="rtl"');
    expect(shown.body).toContain(siteWords('ar').notTranslated(siteWords('ar').languageName));
    expect(shown.body).toMatch(/<article lang="it" dir="ltr">/);
    // The same link for another page or language, or past its time, shows nothing.
    const other = await newPage();
    expect((await publicGet(previewPath.replace(page.id, other.id))).statusCode).toBe(404);
    expect((await publicGet(previewPath.replace('lang=ar', 'lang=en'))).statusCode).toBe(404);
    const expired = await systemTransaction(t.database.db, async (sys) =>
      (await previewSigner({ sys, keyring: t.deps.keyring })).link(page.id, 'it', Date.now() - 31 * 60_000),
    );
    expect((await publicGet(expired.path)).statusCode).toBe(404);

    expect((await move('redazione', page.id, { action: 'publish' })).statusCode).toBe(200);
    const live = await publicGet(`${page.publicPath}?lang=it`);
    expect(live.statusCode).toBe(200);
    expect(live.body).toContain(`Orari degli sportelli ${counter - 1}`);
    expect(live.headers['set-cookie']).toBeUndefined();

    // A new Italian text is a draft: the public keeps the published one until it is published again.
    await ok('redazione', 'PUT', `/api/website/pages/${page.id}/translations/it`, {
      title: 'Orari nuovi',
      summary: '',
      body: '<p>Anche il sabato.</p>',
    });
    const still = await publicGet(`${page.publicPath}?lang=en`);
    expect(still.body).toContain('Dal lunedì al venerdì.');
    expect(still.body).not.toContain('Anche il sabato.');
    await ok('redazione', 'POST', `/api/website/pages/${page.id}/transitions`, { action: 'publish' });
    expect((await publicGet(`${page.publicPath}?lang=it`)).body).toContain('Anche il sabato.');

    // Archived, it leaves the site at once.
    await ok('redazione', 'POST', `/api/website/pages/${page.id}/transitions`, {
      action: 'archive',
      note: 'Superata',
    });
    expect((await publicGet(`${page.publicPath}?lang=it`)).statusCode).toBe(404);
  });

  it('tracks each translation against the Italian text and keeps every version with its diff', async () => {
    const page = await newPage();
    await ok('redazione', 'PUT', `/api/website/pages/${page.id}/translations/ar`, {
      title: 'مواعيد الشبابيك',
      summary: '',
      body: '<p>من الاثنين إلى الجمعة.</p>',
    });
    const states = (d: TSitePageSummary) => Object.fromEntries(d.translations.map((x) => [x.lang, x.status]));
    let detail = await ok<TSitePageDetail>('redazione', 'GET', `/api/website/pages/${page.id}`);
    expect(states(detail)).toMatchObject({ it: 'current', ar: 'current', ur: 'missing' });

    detail = await ok<TSitePageDetail>('redazione', 'PUT', `/api/website/pages/${page.id}/translations/it`, {
      title: page.current[0]!.title,
      summary: '',
      body: '<p>Dal lunedì al sabato.</p>',
    });
    expect(states(detail)).toMatchObject({ it: 'current', ar: 'outdated', ur: 'missing' });
    const listed = await ok<TSitePageSummary[]>('redazione', 'GET', '/api/website/pages?kind=page');
    expect(states(listed.find((p) => p.id === page.id)!).ar).toBe('outdated');

    const diff = await ok<{ body: { kind: string; text: string }[] }>(
      'redazione',
      'GET',
      `/api/website/pages/${page.id}/diff?lang=it&from=1&to=2`,
    );
    expect(diff.body).toEqual(
      expect.arrayContaining([
        { kind: 'removed', text: 'venerdì' },
        { kind: 'added', text: 'sabato' },
      ]),
    );
    expect(detail.history.map((h) => h.action)).toEqual(['edited', 'edited', 'created']);

    // Translations start from the Italian: a page is created in Italian and only then translated.
    const res = await call('redazione', 'PUT', `/api/website/pages/${page.id}/translations/xx`, {
      title: 'x',
      body: '<p>x</p>',
    });
    expect(res.statusCode).toBe(400);
  });

  it('publishes a sensitive page only after another editor approved it, on every path', async () => {
    const page = await newPage('redazione', { category: 'sensitive' });
    expect(page.actions).not.toContain('publish');
    expect((await move('redazione', page.id, { action: 'publish' })).statusCode).toBe(409);
    expect((await move('redazione', page.id, { action: 'submit' })).statusCode).toBe(200);
    const own = await move('redazione', page.id, { action: 'approve' });
    expect(own.statusCode).toBe(409);
    expect(own.json().detail).toContain('hai scritto tu');

    // Behind the service, the database refuses the same.
    const refused = await system(
      sql`update site_pages set state = 'published', approved_by = created_by where id = ${page.id}`,
    ).then(
      () => null,
      (error: { cause?: { code?: string } }) => error.cause?.code,
    );
    expect(refused).toBe('TR019');

    const reviewer = await ok<TSitePageDetail>('redazione2', 'GET', `/api/website/pages/${page.id}`);
    expect(reviewer.actions).toContain('approve');
    expect((await move('redazione2', page.id, { action: 'approve' })).statusCode).toBe(200);
    expect((await move('redazione', page.id, { action: 'publish' })).statusCode).toBe(200);
    expect((await publicGet(`${page.publicPath}?lang=it`)).statusCode).toBe(200);

    // Whoever edits it afterwards takes it back to draft; the approval is needed again.
    const edited = await ok<TSitePageDetail>(
      'redazione2',
      'PUT',
      `/api/website/pages/${page.id}/translations/it`,
      {
        title: 'Aiuto',
        summary: '',
        body: '<p>Testo nuovo.</p>',
      },
    );
    expect(edited.state).toBe('draft');
    await ok('redazione2', 'POST', `/api/website/pages/${page.id}/transitions`, { action: 'submit' });
    expect((await move('redazione2', page.id, { action: 'approve' })).statusCode).toBe(409);
  });

  it('sanitises the editors’ HTML and refuses a link to a page that is not public', async () => {
    const page = await newPage(
      'redazione',
      {},
      {
        body: '<p onclick="steal()">Ciao<script>alert(1)</script> <a href="javascript:alert(1)">x</a> <a href="https://example.org" rel="opener">y</a><img src="https://tracker.example/p.gif"></p><style>p{}</style>',
      },
    );
    const body = page.current.find((v) => v.lang === 'it')!.body;
    expect(body).toBe('<p>Ciao <a>x</a> <a href="https://example.org" rel="noopener noreferrer">y</a></p>');

    const draft = await newPage();
    const linked = await newPage(
      'redazione',
      {},
      { body: `<p><a href="/sito/${draft.slug}">Orari</a> e <a href="/sito/aiuto?lang=ar">aiuto</a></p>` },
    );
    const refused = await move('redazione', linked.id, { action: 'submit' });
    expect(refused.statusCode).toBe(400);
    expect(fields(refused)).toEqual(['body.it']);
    expect(refused.json().errors[0].message.it).toContain(`/sito/${draft.slug}`);
    await ok('redazione', 'POST', `/api/website/pages/${draft.id}/transitions`, { action: 'publish' });
    expect((await move('redazione', linked.id, { action: 'submit' })).statusCode).toBe(200);

    // A script tag's text cannot close the element: the stored text is HTML, escaped in titles.
    const titled = await newPage('redazione', {}, { title: '<script>alert(1)</script>' });
    await ok('redazione', 'POST', `/api/website/pages/${titled.id}/transitions`, { action: 'publish' });
    const shown = await publicGet(`${titled.publicPath}?lang=it`);
    expect(shown.body).not.toContain('<script>alert(1)');
    expect(shown.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('publishes a scheduled page when its moment comes, by the job', async () => {
    const page = await newPage();
    const past = await move('redazione', page.id, {
      action: 'schedule',
      publishAt: new Date(Date.now() - 60_000).toISOString(),
    });
    expect(past.statusCode).toBe(400);
    expect(fields(past)).toEqual(['publishAt']);
    const soon = new Date(Date.now() + 3_600_000).toISOString();
    const scheduled = await ok<TSitePageDetail>(
      'redazione',
      'POST',
      `/api/website/pages/${page.id}/transitions`,
      {
        action: 'schedule',
        publishAt: soon,
      },
    );
    expect(scheduled.state).toBe('scheduled');
    await t.deps.jobs.enqueueNow(PUBLISH_DUE_JOB, {});
    await t.runJobs();
    expect((await publicGet(`${page.publicPath}?lang=it`)).statusCode).toBe(404);

    await system(sql`update site_pages set publish_at = now() - interval '1 second' where id = ${page.id}`);
    await t.deps.jobs.enqueueNow(PUBLISH_DUE_JOB, {});
    await t.runJobs();
    expect((await publicGet(`${page.publicPath}?lang=it`)).statusCode).toBe(200);
    const after = await ok<TSitePageDetail>('redazione', 'GET', `/api/website/pages/${page.id}`);
    expect(after.state).toBe('published');
    expect(after.history[0]).toMatchObject({ action: 'publish', by: 'Trama' });
  });

  it('lists the help services by comune, published by an editor who did not write them', async () => {
    const created = await ok<THelpService>('redazione', 'POST', '/api/website/help-services', {
      name: 'Sportello donna di Caravaggio',
      phone: '0363 000 999',
      hours: 'Mercoledì 14–18',
      languages: ['it', 'ar'],
      municipality: '016053',
    });
    expect(created.published).toBe(false);
    expect((await publicGet('/sito/aiuto?lang=it')).body).not.toContain('Sportello donna di Caravaggio');
    const own = await call('redazione', 'PUT', `/api/website/help-services/${created.id}/published`, {
      published: true,
    });
    expect(own.statusCode).toBe(409);
    await ok('redazione2', 'PUT', `/api/website/help-services/${created.id}/published`, { published: true });
    const help = await publicGet('/sito/aiuto?lang=ar');
    expect(help.body).toContain('Sportello donna di Caravaggio');
    expect(help.body).toContain('href="tel:112"');
    expect(help.body).toContain('href="tel:1522"');
    expect(help.body).toContain('<svg viewBox="0 0 300 200" role="img"');

    // A change takes it off the page until it is published again.
    await ok('redazione2', 'PUT', `/api/website/help-services/${created.id}`, {
      name: 'Sportello donna di Caravaggio',
      phone: '0363 000 998',
      hours: 'Mercoledì 14–18',
      languages: ['it', 'ar'],
      municipality: '016053',
    });
    expect((await publicGet('/sito/aiuto?lang=it')).body).not.toContain('Sportello donna di Caravaggio');
  });

  it('is for editors only, and the public side carries the demo site in ten languages', async () => {
    expect((await call('coordinatrice', 'GET', '/api/website/pages')).statusCode).toBe(403);
    expect((await call('dpo', 'POST', '/api/website/help-services', {})).statusCode).toBe(403);

    const home = await publicGet('/sito', { 'accept-language': 'ur-PK,ur;q=0.9' });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('<html lang="ur" dir="rtl">');
    expect(home.body).toContain('hreflang="pa"');
    expect(home.body).not.toContain('og:image');
    expect(home.headers['set-cookie']).toBeUndefined();
    const feed = await publicGet('/sito/feed.xml?lang=en');
    expect(feed.headers['content-type']).toContain('application/rss+xml');
    expect(feed.body).toContain('/sito/notizie/mediazione-romano?lang=en');
    const map = await publicGet('/sito/sitemap.xml');
    expect(map.body).toContain('hreflang="ar"');
    expect((await publicGet('/sito/non/esiste')).statusCode).toBe(404);
  });
});
