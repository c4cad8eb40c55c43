import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { PUBLIC_LANGUAGES, type TEvent, type TPublicLanguage } from '../../src/contracts/community.js';
import { reachOf } from '../../src/server/modules/community/community-reach.js';
import { formSigner } from '../../src/server/modules/community/public/public-form-token.js';
import { wordsFor } from '../../src/server/modules/community/public/public-words.js';
import { systemTransaction } from '../../src/server/platform/db/context.js';
import {
  checkinCodeFor,
  checkinCoder,
  checkinWindow,
} from '../../src/server/platform/gatherings/checkin-code.js';
import { communityTestKit } from './support.js';

const { t, system, newEvent } = communityTestKit();

/** Every public answer: HTML, never stored, under the CSP, and never a cookie. */
function expectPage(res: LightMyRequestResponse, status: number) {
  expect(res.statusCode, res.body.slice(0, 500)).toBe(status);
  expect(res.headers['content-type']).toMatch(/^text\/html; charset=utf-8/);
  expect(res.headers['set-cookie']).toBeUndefined();
  expect(res.headers['cache-control']).toBe('no-store');
  expect(String(res.headers['content-security-policy'])).toContain("script-src 'self'");
  return res.body;
}

const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers });
const post = (url: string, form: Record<string, string>) =>
  t.app.inject({
    method: 'POST',
    url,
    payload: new URLSearchParams(form).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });

const ticketIn = (body: string) =>
  body
    .match(/<span aria-hidden="true">([A-Z0-9]{4}) ([A-Z0-9]{4})<\/span>/)
    ?.slice(1)
    .join('');

/** A registration form's token served `ageMs` ago (a person takes a few seconds to fill it in). */
async function registerToken(eventId: string, ageMs = 10_000) {
  const signer = await systemTransaction(t.deps.db, (sys) => formSigner({ sys, keyring: t.deps.keyring }));
  return signer.sign('register', eventId, Date.now() - ageMs);
}

async function register(event: TEvent, form: Record<string, string>, lang: TPublicLanguage = 'it') {
  return post(`${event.publicPath}?lang=${lang}`, { token: await registerToken(event.id), ...form });
}

async function registrationsOf(eventId: string) {
  return system<{
    place_id: string;
    anonymous: boolean;
    name_encrypted: string | null;
    phone_hash: string | null;
    language: string;
    registered_via: string;
    live: boolean;
    status: string;
  }>(
    sql`select r.place_id, r.anonymous, r.name_encrypted, r.phone_hash, r.language, r.registered_via, r.live, p.status
          from community_registrations r join gathering_places p on p.id = r.place_id
         where r.event_id = ${eventId} order by r.created_at`,
  );
}

/** Stands in for the passing of time: the session runs now (started five minutes ago). */
async function runningNow(sessionId: string) {
  await system(
    sql`update gathering_sessions set starts_at = now() - interval '5 minutes', ends_at = now() + interval '2 hours'
         where id = ${sessionId}`,
  );
}

async function checkinCode(sessionId: string) {
  return systemTransaction(t.deps.db, async (sys) =>
    checkinCodeFor(
      await checkinCoder({ tx: sys, keyring: t.deps.keyring }),
      sessionId,
      checkinWindow(new Date()),
    ),
  );
}

describe('public pages of community events', () => {
  it('render in every language with its direction, switcher, quick exit and privacy notice', async () => {
    const event = await newEvent({ title: 'Incontro sui diritti' }, { sessions: 1 });
    for (const lang of PUBLIC_LANGUAGES) {
      const w = wordsFor(lang);
      const dir = lang === 'ar' || lang === 'ur' ? 'rtl' : 'ltr';
      for (const url of ['/eventi', event.publicPath, '/eventi/sicurezza', `${event.publicPath}/annulla`]) {
        const body = expectPage(await get(`${url}?lang=${lang}`), 200);
        expect(body).toContain(`<html lang="${lang}" dir="${dir}">`);
        expect(body).toContain(w.privacyTitle);
        expect(body).toContain('data-quick-exit');
        expect(body).toContain(`hreflang="${lang === 'it' ? 'en' : 'it'}"`);
      }
    }
    const arabic = await get(event.publicPath, { 'accept-language': 'ar-MA,ar;q=0.9' });
    expect(expectPage(arabic, 200)).toContain('<html lang="ar" dir="rtl">');
  });

  it('list published, planned events still to come; an unpublished one is a 404 page in the language', async () => {
    const shown = await newEvent({ title: 'Workshop aperto', kind: 'workshop' }, { sessions: 2 });
    const hidden = await newEvent({ title: 'Laboratorio riservato', published: false });
    const list = expectPage(await get('/eventi?lang=en&fbclid=abc'), 200);
    expect(list).toContain('Workshop aperto');
    expect(list).toContain(wordsFor('en').kinds.workshop);
    expect(list).not.toContain('Laboratorio riservato');
    const missing = expectPage(await get(`${hidden.publicPath}?lang=ar`), 404);
    expect(missing).toContain(wordsFor('ar').notFoundTitle);
    // Its registrants still reach the pages their ticket opens.
    expectPage(await get(`${hidden.publicPath}/annulla?lang=ar`), 200);
    expect(expectPage(await get('/eventi/nessuno?lang=uk'), 404)).toContain(wordsFor('uk').notFoundText);
    expect(shown.published).toBe(true);
  });

  it('escape what operators typed', async () => {
    const event = await newEvent({
      title: '<img src=x onerror=alert(1)>',
      description: '"><script>x()</script>',
    });
    const body = expectPage(await get(event.publicPath), 200);
    expect(body).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(body).not.toContain('<script>x()');
  });

  it('register a resident anonymously: nothing that names them is kept, the ticket and its QR are shown', async () => {
    const event = await newEvent({ title: 'Registrazione anonima' });
    const body = expectPage(
      await register(
        event,
        { anonymous: 'yes', name: 'Nome scritto prima', phone: '3331234567', gender: 'female' },
        'ar',
      ),
      200,
    );
    expect(body).toContain(wordsFor('ar').confirmedTitle);
    expect(body).toContain('role="img"');
    const code = ticketIn(body);
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    expect(body).toContain('<svg role="img"');
    const [row] = await registrationsOf(event.id);
    expect(row).toMatchObject({ anonymous: true, name_encrypted: null, phone_hash: null, language: 'ar' });
    expect(row!.registered_via).toBe('public_form');
    const [audit] = await system<{ actor_user_id: string | null; client_ip: string | null }>(
      sql`select actor_user_id, client_ip from audit_events where action = 'community.registered' and record_id = ${row!.place_id}`,
    );
    expect(audit).toEqual({ actor_user_id: null, client_ip: null });
  });

  it('recognise the same phone, in the resident’s language, and name a malformed phone beside its field', async () => {
    const event = await newEvent({ title: 'Telefono doppio', kind: 'awareness_meeting' }, { sessions: 1 });
    expectPage(await register(event, { name: 'Amina', phone: '333 123 4567' }, 'fr'), 200);
    const again = expectPage(await register(event, { name: 'Amina B.', phone: '+39 3331234567' }, 'fr'), 409);
    expect(again).toContain(wordsFor('fr').alreadyRegistered);
    const bad = expectPage(await register(event, { name: 'Karim', phone: '12' }, 'ar'), 400);
    expect(bad).toContain(wordsFor('ar').phoneInvalid);
    expect(wordsFor('ar').phoneInvalid).toMatch(/[\u0600-\u06FF]/);
    expect(bad).toContain('aria-describedby="field-phone-hint field-phone-error"');
    expect(bad).toContain('value="Karim"');
    // The corrected form goes through at once: its token was kept, not renewed.
    const kept = bad.match(/name="token" value="([^"]+)"/)![1]!;
    expectPage(await post(`${event.publicPath}?lang=ar`, { token: kept, name: 'Karim' }), 200);
    const nameless = expectPage(await register(event, { name: '  ' }, 'es'), 400);
    expect(nameless).toContain(wordsFor('es').nameRequired);
    const rows = await registrationsOf(event.id);
    expect(rows).toHaveLength(2);
    expect(rows[0]!.name_encrypted).not.toBeNull();
    expect(rows[0]!.phone_hash).not.toBeNull();
    expect(rows[1]!.phone_hash).toBeNull();
  });

  it('keep nothing from a filled honeypot, refuse a form sent too fast, stale or forged', async () => {
    const event = await newEvent({ title: 'Difese dai bot' });
    const trap = expectPage(await register(event, { name: 'Bot', website: 'http://spam.example' }), 200);
    expect(trap).toContain(wordsFor('it').confirmedTitle);
    const page = expectPage(await get(`${event.publicPath}?lang=ro`), 200);
    const served = page.match(/name="token" value="([^"]+)"/)![1]!;
    const fast = expectPage(await post(`${event.publicPath}?lang=ro`, { token: served, name: 'Ion' }), 400);
    expect(fast).toContain(wordsFor('ro').tooFast);
    expect(fast).toContain(`value="${served}"`);
    const stale = await post(event.publicPath, {
      token: await registerToken(event.id, 3 * 3_600_000),
      name: 'Ion',
    });
    expect(expectPage(stale, 400)).toContain(wordsFor('it').formExpired);
    const forged = await post(event.publicPath, {
      token: `${Date.now().toString(36)}.AAAAAAAAAA`,
      name: 'Ion',
    });
    expectPage(forged, 400);
    const other = await newEvent({ title: 'Altro evento' });
    const elsewhere = await post(event.publicPath, { token: await registerToken(other.id), name: 'Ion' });
    expectPage(elsewhere, 400);
    expect(await registrationsOf(event.id)).toHaveLength(0);
  });

  it('refuse a body that is not the form, with a problem before anything is read', async () => {
    const event = await newEvent({ title: 'Corpo sbagliato' });
    const empty = await t.app.inject({ method: 'POST', url: event.publicPath, payload: {} });
    expect(empty.statusCode).toBe(400);
    expect(empty.headers['content-type']).toMatch(/^application\/problem\+json/);
    const huge = await post(event.publicPath, { token: 'x', name: 'x'.repeat(10_000) });
    expect(huge.statusCode).toBe(413);
  });

  it('cancel with the ticket code: the seat goes to the first person waiting; an unknown code is named', async () => {
    const event = await newEvent({ title: 'Un posto solo', capacity: 1 });
    const first = ticketIn(expectPage(await register(event, { anonymous: 'yes' }), 200))!;
    const waiting = expectPage(await register(event, { anonymous: 'yes' }, 'en'), 200);
    expect(waiting).toContain(wordsFor('en').waitlistedTitle);
    const unknown = expectPage(await post(`${event.publicPath}/annulla?lang=sq`, { code: 'ZZZZ2222' }), 404);
    expect(unknown).toContain(wordsFor('sq').ticketNotFound);
    expect(expectPage(await post(`${event.publicPath}/annulla`, { code: 'abc' }), 400)).toContain(
      wordsFor('it').ticketCodeFormat,
    );
    const done = expectPage(
      await post(`${event.publicPath}/annulla?lang=pa`, { code: first.toLowerCase() }),
      200,
    );
    expect(done).toContain(wordsFor('pa').cancelledTitle);
    const [cancelled, promoted] = await registrationsOf(event.id);
    expect(cancelled).toMatchObject({ live: false, status: 'cancelled' });
    expect(promoted).toMatchObject({ live: true, status: 'confirmed' });
    const [gathering] = await system<{ seats_taken: number }>(
      sql`select seats_taken from gatherings where id = ${event.gatheringId}`,
    );
    expect(gathering!.seats_taken).toBe(1);
    expectPage(await post(`${event.publicPath}/annulla`, { code: first }), 404);
  });

  it('walk in with the event QR: a ticket given, reused at the next session of a lab, counts once', async () => {
    const lab = await newEvent({ title: 'Laboratorio con ingresso libero' }, { sessions: 3 });
    const [one, two] = lab.sessions;
    await runningNow(one!.id);
    const reach = () =>
      systemTransaction(t.deps.db, (tx) =>
        reachOf({
          tx,
          kinds: ['citizenship_lab'],
          from: new Date(Date.now() - 8 * 86_400_000),
          to: new Date(Date.now() + 86_400_000),
        }),
      );
    const before = await reach();

    expectPage(await get(`/eventi/presenza/${one!.id}?c=P-AAAAA-AAAAA&lang=uk`), 400);
    const form = expectPage(
      await get(`/eventi/presenza/${one!.id}?c=${await checkinCode(one!.id)}&lang=uk`),
      200,
    );
    expect(form).toContain(wordsFor('uk').walkInTitle);
    const token = form.match(/name="token" value="([^"]+)"/)![1]!;
    expect(form).toContain(`t=${encodeURIComponent(token)}`);
    const first = expectPage(
      await post(`/eventi/presenza/${one!.id}?lang=uk`, {
        token,
        gender: 'male',
        ageBand: '18_29',
        participant: 'resident',
      }),
      200,
    );
    const code = ticketIn(first)!;
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    const unknown = await post(`/eventi/presenza/${one!.id}`, { token, ticket: 'ZZZZ2222' });
    expect(expectPage(unknown, 404)).toContain(wordsFor('it').ticketNotFound);
    const twice = await post(`/eventi/presenza/${one!.id}?lang=en`, { token, ticket: code });
    expect(expectPage(twice, 200)).toContain(wordsFor('en').presentAlready);

    await system(
      sql`update gathering_sessions set starts_at = now() - interval '7 days', ends_at = now() - interval '7 days' + interval '2 hours'
           where id = ${one!.id}`,
    );
    await runningNow(two!.id);
    const next = expectPage(await get(`/eventi/presenza/${two!.id}?c=${await checkinCode(two!.id)}`), 200);
    const nextToken = next.match(/name="token" value="([^"]+)"/)![1]!;
    expectPage(
      await post(`/eventi/presenza/${two!.id}`, {
        token: nextToken,
        ticket: `${code.slice(0, 4)} ${code.slice(4)}`,
      }),
      200,
    );

    const registrations = await registrationsOf(lab.id);
    expect(registrations).toHaveLength(1);
    expect(registrations[0]).toMatchObject({ anonymous: true, registered_via: 'walk_in' });
    const attended = await system<{ session_id: string; source: string }>(
      sql`select session_id, source from gathering_attendance where place_id = ${registrations[0]!.place_id} order by recorded_at`,
    );
    expect(attended.map((a) => a.session_id).sort()).toEqual([one!.id, two!.id].sort());
    expect(attended.every((a) => a.source === 'qr')).toBe(true);
    // The anonymous walk-in at two sessions of the lab is one resident reached.
    expect((await reach()).residents - before.residents).toBe(1);
  });

  it('refuse a stale walk-in form and a session not running', async () => {
    const event = await newEvent({ title: 'Presenze fuori orario' }, { sessions: 1 });
    const session = event.sessions[0]!;
    expectPage(await get(`/eventi/presenza/${session.id}?c=${await checkinCode(session.id)}`), 409);
    await runningNow(session.id);
    const signer = await systemTransaction(t.deps.db, (sys) => formSigner({ sys, keyring: t.deps.keyring }));
    const stale = signer.sign('walk-in', session.id, Date.now() - 11 * 60_000);
    const refused = expectPage(await post(`/eventi/presenza/${session.id}?lang=es`, { token: stale }), 400);
    expect(refused).toContain(wordsFor('es').scanAgainTitle);
    expect(await registrationsOf(event.id)).toHaveLength(0);
    expectPage(await get('/eventi/presenza/not-a-session'), 400);
  });

  it('take feedback once per ticket after the event has begun, kept apart with the month only', async () => {
    const event = await newEvent({ title: 'Parere dopo l’incontro' }, { sessions: 2 });
    const code = ticketIn(expectPage(await register(event, { anonymous: 'yes' }), 200))!;
    const early = expectPage(await get(`${event.publicPath}/parere?t=${code}&lang=en`), 200);
    expect(early).toContain(wordsFor('en').feedbackNotYet);
    expectPage(await post(`${event.publicPath}/parere`, { ticket: code, useful: '4', understood: '5' }), 400);
    await runningNow(event.sessions[0]!.id);
    const form = expectPage(await get(`${event.publicPath}/parere?t=${code}&lang=ur`), 200);
    expect(form).toContain(wordsFor('ur').usefulQuestion);
    expect(form).toContain('<html lang="ur" dir="rtl">');
    const missing = expectPage(
      await post(`${event.publicPath}/parere?lang=ur`, { ticket: code, useful: '4' }),
      400,
    );
    expect(missing).toContain(wordsFor('ur').answerRequired);
    const thanks = await post(`${event.publicPath}/parere?lang=ur`, {
      ticket: code,
      useful: '4',
      understood: '5',
    });
    expect(expectPage(thanks, 200)).toContain(wordsFor('ur').feedbackThanks);
    const again = await post(`${event.publicPath}/parere?lang=ur`, {
      ticket: code,
      useful: '1',
      understood: '1',
    });
    expect(expectPage(again, 409)).toContain(wordsFor('ur').feedbackAlready);
    const unknown = await post(`${event.publicPath}/parere`, {
      ticket: 'ZZZZ2222',
      useful: '1',
      understood: '1',
    });
    expectPage(unknown, 404);
    // Answers sent at once with one ticket: the conditional mark lets exactly one through.
    const other = ticketIn(expectPage(await register(event, { anonymous: 'yes' }), 200))!;
    const together = await Promise.all(
      Array.from({ length: 5 }, () =>
        post(`${event.publicPath}/parere`, { ticket: other, useful: '3', understood: '3' }),
      ),
    );
    expect(together.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409, 409]);
    const answers = await system<{ useful: number; understood: number; language: string; month: string }>(
      sql`select useful, understood, language, to_char(month, 'YYYY-MM-DD') as month from community_feedback where event_id = ${event.id}`,
    );
    expect(answers).toHaveLength(2);
    expect(answers).toContainEqual(expect.objectContaining({ useful: 4, understood: 5, language: 'ur' }));
    expect(answers[0]!.month).toMatch(/^\d{4}-\d{2}-01$/);
  });

  it('serve their own stylesheet, script and fonts', async () => {
    const css = await get('/eventi/assets/public.css');
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toMatch(/^text\/css/);
    expect(css.body).not.toMatch(/https?:\/\//);
    expect((await get('/eventi/assets/forms.css')).statusCode).toBe(200);
    const js = await get('/eventi/assets/quick-exit.js');
    expect(js.headers['content-type']).toMatch(/^text\/javascript/);
    expect(js.body).toContain('location.replace');
    const font = await get('/eventi/assets/fonts/NotoNaskhArabic-Regular.ttf');
    expect(font.statusCode).toBe(200);
    expect(font.headers['set-cookie']).toBeUndefined();
  });
});
