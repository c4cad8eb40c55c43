import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteWords } from '../../src/server/modules/website/public/site-words.js';
import { QUICK_EXIT_URL } from '../../src/server/platform/public-pages/shared-assets.js';
import { type E2eApp, expectAccessible, PHONE, signIn, startApp, stopApp } from './support.js';

/*
 * The public website from the reader's side (issue 24, "Done when"): the demo site in Italian,
 * Arabic and Urdu on a phone, axe clean, nothing requested from another site, the script under
 * its 50 KB budget, every page usable with JavaScript off, and the quick exit that Back does not
 * undo. The fixed words are the site's own dictionary, so a better translation does not break it.
 */

let app: E2eApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await stopApp();
});

const JS_BUDGET = 50 * 1024;

describe('public website', () => {
  it('reads in Italian, Arabic and Urdu on a phone, loads nothing from elsewhere, and the quick exit leaves no way back', async () => {
    const context = await app.browser.newContext({
      baseURL: app.baseUrl,
      locale: 'ar',
      viewport: PHONE,
      isMobile: true,
    });
    const reader = await context.newPage();
    await reader.route('https://www.google.com/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>meteo</title><p>meteo</p>' }),
    );
    const elsewhere: string[] = [];
    let scriptBytes = 0;
    reader.on('request', (request) => {
      const url = new URL(request.url());
      if (url.origin !== app.baseUrl && url.protocol !== 'data:' && request.url() !== QUICK_EXIT_URL)
        elsewhere.push(request.url());
    });
    // Each script's bytes, read as it arrives; the quick exit's navigation away (or the context
    // closing) can cut the last reading short, which must not become an unhandled rejection.
    const readings: Promise<void>[] = [];
    reader.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      readings.push(
        response.body().then(
          (body) => {
            scriptBytes += body.length;
          },
          () => undefined,
        ),
      );
    });

    for (const lang of ['it', 'ar', 'ur'] as const) {
      const w = siteWords(lang);
      await reader.goto(`/sito?lang=${lang}`);
      expect(await reader.getAttribute('html', 'lang')).toBe(lang);
      expect(await reader.getAttribute('html', 'dir')).toBe(lang === 'it' ? 'ltr' : 'rtl');
      await reader.getByRole('link', { name: w.quickExit }).waitFor();
      await expectAccessible(reader, `site home in ${lang}`);
      await reader
        .getByRole('navigation', { name: w.mainNav })
        .getByRole('link', { name: w.menuHelp })
        .click();
      await reader.waitForURL(`**/sito/aiuto?lang=${lang}`);
      await reader.getByRole('heading', { name: w.servicesTitle }).waitFor();
      await reader.getByRole('link', { name: w.emergency112 }).waitFor();
      await expectAccessible(reader, `where to get help in ${lang}`);
    }
    await reader.goto('/sito/notizie?lang=ar');
    await expectAccessible(reader, 'news list in Arabic (shown in Italian, with the notice)');
    await reader.goto('/sito/sicurezza?lang=ur');
    await expectAccessible(reader, 'safe browsing in Urdu');

    // The language switcher keeps the page.
    await reader.goto('/sito/aiuto?lang=ar');
    await reader
      .getByRole('navigation', { name: siteWords('ar').languageNav })
      .getByRole('link', { name: 'English' })
      .click();
    await reader.waitForURL('**/sito/aiuto?lang=en');

    // Quick exit: Esc twice replaces the page left; Back goes to the page before it, not to it.
    await reader.goto('/sito?lang=ar');
    await reader.goto('/sito/aiuto?lang=ar');
    const entries = await reader.evaluate(() => history.length);
    await reader.keyboard.press('Escape');
    await reader.keyboard.press('Escape');
    await reader.waitForURL(QUICK_EXIT_URL);
    expect(await reader.evaluate(() => history.length)).toBe(entries);
    await reader.goBack();
    expect(new URL(reader.url()).pathname).toBe('/sito');

    expect(elsewhere).toEqual([]);
    await Promise.all(readings);
    expect(scriptBytes).toBeGreaterThan(0);
    expect(scriptBytes).toBeLessThan(JS_BUDGET);
    await context.close();
  });

  it('works with JavaScript disabled: pages, menu and the quick-exit link', async () => {
    const context = await app.browser.newContext({
      baseURL: app.baseUrl,
      locale: 'it',
      javaScriptEnabled: false,
      viewport: PHONE,
    });
    const reader = await context.newPage();
    const w = siteWords('it');
    await reader.goto('/sito');
    expect(await reader.getByRole('link', { name: w.quickExit }).getAttribute('href')).toBe(QUICK_EXIT_URL);
    await reader.getByRole('navigation', { name: w.mainNav }).getByRole('link', { name: w.menuNews }).click();
    await reader.getByRole('heading', { level: 1, name: w.newsTitle }).waitFor();
    await reader
      .getByRole('link', { name: /mediazione culturale/i })
      .first()
      .click();
    await reader.getByText(w.publishedOn('').trim().split(' ')[0]!).first().waitFor();
    await reader.goto('/sito/aiuto?lang=it');
    await reader.getByRole('heading', { name: w.servicesTitle }).waitFor();
    await context.close();
  });

  it('an editor drafts a page, previews it in Arabic, schedules it, and it appears', async () => {
    const { context, page: editor } = await signIn('redazione');
    const slug = `corsi-${Date.now().toString(36)}`;
    await editor.goto('/website');
    await editor.getByRole('heading', { level: 1, name: 'Sito pubblico' }).waitFor();
    await expectAccessible(editor, 'the site’s pages');
    await editor.getByRole('button', { name: 'Nuova pagina' }).click();
    await editor.getByLabel('Indirizzo').fill(slug);
    await editor.locator('input[name$="title"]').fill('Corsi di italiano gratuiti');
    await editor.getByLabel('Testo (HTML semplice)').fill('<p>Ogni martedì in biblioteca.</p>');
    await editor.getByRole('button', { name: 'Crea la bozza' }).click();
    await editor.getByRole('heading', { level: 1, name: 'Corsi di italiano gratuiti' }).waitFor();
    await expectAccessible(editor, 'a draft page');

    // The Arabic text, then its preview: the page as the public will see it, right to left.
    await editor
      .getByRole('navigation', { name: 'Lingue della pagina' })
      .getByRole('link', { name: /Arabo/ })
      .click();
    await editor.locator('input[name$="title"]').fill('دروس اللغة الإيطالية المجانية');
    await editor.getByLabel('Testo (HTML semplice)').fill('<p>كل يوم ثلاثاء في المكتبة.</p>');
    await editor.getByRole('button', { name: 'Salva il testo in Arabo' }).click();
    await editor.getByText(/Testo salvato come versione 1/).waitFor();
    const popup = editor.waitForEvent('popup');
    await editor.getByRole('button', { name: /Anteprima/ }).click();
    const preview = await popup;
    await preview.getByRole('heading', { level: 1, name: 'دروس اللغة الإيطالية المجانية' }).waitFor();
    expect(await preview.getAttribute('html', 'dir')).toBe('rtl');
    await preview.getByText(siteWords('ar').previewBanner).waitFor();
    await preview.close();
    expect((await editor.request.get(`/sito/${slug}?lang=ar`)).status()).toBe(404);

    // Scheduled for the coming minute: the publication job (every minute) puts it on the site by itself.
    await editor.getByRole('button', { name: 'Programma' }).click();
    const at = await editor.evaluate(() => {
      const d = new Date(Math.ceil((Date.now() + 20_000) / 60_000) * 60_000);
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
    });
    await editor.getByLabel('Data e ora di pubblicazione').fill(at);
    await editor.getByRole('button', { name: 'Programma', exact: true }).last().click();
    await editor.getByText('Pubblicazione programmata.').waitFor();
    let status = 0;
    for (let i = 0; i < 60 && status !== 200; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      status = (await editor.request.get(`/sito/${slug}?lang=ar`)).status();
    }
    expect(status).toBe(200);
    const published = await (await editor.request.get(`/sito/${slug}?lang=ar`)).text();
    expect(published).toContain('دروس اللغة الإيطالية المجانية');
    await context.close();
  }, 420_000);

  it('an editor plans a communication action on the calendar and records the people it reached', async () => {
    const { context, page: editor } = await signIn('redazione');
    await editor.goto('/website/plan');
    await editor.getByRole('heading', { level: 1, name: 'Piano di comunicazione' }).waitFor();
    await expectAccessible(editor, 'the communication plan');
    const today = await editor.evaluate(() => {
      const d = new Date();
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
    });
    await editor.getByRole('button', { name: 'Nuova azione' }).click();
    await editor.getByLabel('Titolo').fill('Storia su Instagram del corso di italiano');
    await editor.getByLabel('Giorno previsto').fill(today);
    await editor.getByLabel('Canale').selectOption({ label: 'Instagram' });
    await editor.getByLabel('Pubblico').selectOption({ label: 'Donne' });
    await editor.getByLabel('Giorno in cui è stata fatta').fill(today);
    await editor.getByLabel('Persone raggiunte').fill('321');
    await editor.getByRole('button', { name: 'Salva l’azione' }).click();
    await editor.getByText('Azione salvata.').waitFor();
    await editor
      .getByRole('button', { name: /^Instagram: Storia su Instagram del corso di italiano\s*, fatta$/ })
      .first()
      .waitFor();
    await expectAccessible(editor, 'the plan with an action done');
    await context.close();
  });

  it('an editor adds an image to the library with its alt text, and gets the code for a page', async () => {
    const { context, page: editor } = await signIn('redazione');
    const image = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#3a7' } })
      .png()
      .toBuffer();
    await editor.goto('/website/media');
    await editor.getByRole('heading', { level: 1, name: 'Immagini' }).waitFor();
    await editor.getByLabel('Nome dell’immagine').fill('Sala d’attesa');
    await editor.getByLabel('Testo alternativo in italiano').fill('Una sala d’attesa con sedie colorate');
    await editor
      .getByLabel(/Immagine \(PNG, JPEG o WebP/)
      .setInputFiles({ name: 'sala.png', mimeType: 'image/png', buffer: image });
    await editor.getByRole('button', { name: 'Carica l’immagine' }).click();
    await editor.getByText('Immagine “Sala d’attesa” caricata', { exact: false }).waitFor();
    await editor.getByText('Dimensioni: 900 × 600 px').first().waitFor();
    const code = await editor.getByLabel('Codice da inserire nel testo').first().inputValue();
    expect(code).toMatch(/^<img src="\/sito\/immagini\/[0-9a-f-]{36}">$/);
    await expectAccessible(editor, 'the media library');
    await context.close();
  });

  it('an editor records a speaker’s consent on a conference, and its page reads in Arabic on a phone', async () => {
    const { context, page: editor } = await signIn('redazione');
    await editor.goto('/website');
    await editor
      .getByRole('navigation', { name: 'Tipo di contenuto' })
      .getByRole('link', { name: 'Convegni' })
      .click();
    await editor
      .getByRole('link', { name: /Violenza domestica: dove chiedere aiuto/ })
      .first()
      .click();
    await editor.getByRole('heading', { name: 'Relatrici e relatori' }).waitFor();
    await editor.getByText('Dott.ssa Laura Esempio', { exact: true }).first().waitFor();
    await expectAccessible(editor, 'a conference in the editorial app');
    await editor.getByRole('button', { name: 'Aggiungi una relatrice o un relatore' }).click();
    await editor.getByLabel('Nome e cognome').fill('Sara Ospite');
    await editor.getByText('La persona ha acconsentito a comparire sul sito con nome e ruolo').click();
    await editor.getByLabel('Come è stato dato il consenso').fill('E-mail del 2 dicembre');
    await editor.getByRole('button', { name: 'Aggiungi', exact: true }).click();
    await editor.getByText(/Consenso: E-mail del 2 dicembre/).waitFor();
    await context.close();

    const phone = await app.browser.newContext({ baseURL: app.baseUrl, viewport: PHONE, isMobile: true });
    const reader = await phone.newPage();
    const w = siteWords('ar');
    await reader.goto('/sito/convegni?lang=ar');
    await reader.getByRole('heading', { level: 1, name: w.conferencesTitle }).waitFor();
    await expectAccessible(reader, 'the conferences in Arabic');
    await reader.getByRole('link', { name: /Violenza domestica/ }).click();
    await reader.getByRole('heading', { name: w.programmeTitle }).waitFor();
    await reader.getByRole('link', { name: w.giveFeedback }).waitFor();
    await expectAccessible(reader, 'a conference in Arabic on a phone');
    // The new speaker waits for the next publication.
    expect(await reader.getByText('Sara Ospite').count()).toBe(0);
    expect(await reader.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await phone.close();
  });
});
