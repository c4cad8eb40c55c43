import { sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  AGE_BANDS,
  CITIZENSHIP_GROUPS,
  GENDERS,
  PARTICIPANT_KINDS,
  TICKET_CODE_PATTERN,
  type TPublicLanguage,
} from '../../../../contracts/community.js';
import { writeAudit } from '../../../platform/audit/audit-writer.js';
import { queryRows, type Tx } from '../../../platform/db/client.js';
import { systemTransaction } from '../../../platform/db/context.js';
import type { Deps } from '../../../platform/deps.js';
import {
  acceptsCheckinCode,
  checkinCoder,
  checkinTiming,
} from '../../../platform/gatherings/checkin-code.js';
import { hashToken } from '../../../platform/gatherings/places.js';
import { html, typedCode } from '../../../platform/public-pages/html.js';
import { icon } from '../../../platform/public-pages/icons.js';
import { placeOfTicket, RegistrationRefusal, registerToEvent } from '../community-registration.js';
import { type PublicEvent, type PublicSession, sessionWithEvent } from './public-data.js';
import { errorSummary, hidden, notice, radioGroup, submit, textField } from './public-fields.js';
import { formSigner } from './public-form-token.js';
import { hrefIn } from './public-layout.js';
import { ANONYMOUS, type Outcome } from './public-registration.js';
import { eventHeading, sessionList, ticketBox } from './public-views.js';
import { wordsFor } from './public-words.js';

/**
 * A walk-in: the person scans the event QR the organiser shows (the session's rotating code) and
 * says they are here — with the ticket they already have (a lab's sessions then count once), or
 * anonymously with a few groups, which gives them a ticket to reuse next time. The code proves
 * presence when the form is served; a signed token keeps the form good for 10 minutes.
 */

export const ZWalkInFormSchema = z.strictObject({
  token: z.string().max(200),
  ticket: z.string().max(40).optional(),
  participant: z.enum(PARTICIPANT_KINDS).optional(),
  gender: z.enum(GENDERS).optional(),
  ageBand: z.enum(AGE_BANDS).optional(),
  citizenshipGroup: z.enum(CITIZENSHIP_GROUPS).optional(),
});
export type TWalkInForm = z.infer<typeof ZWalkInFormSchema>;

const pathOf = (sessionId: string) => `/eventi/presenza/${sessionId}`;

function messagePage(
  lang: TPublicLanguage,
  sessionId: string,
  title: string,
  text: string,
  status: number,
): Outcome {
  return {
    status,
    spec: {
      lang,
      title,
      path: pathOf(sessionId),
      noindex: true,
      body: html`<h1>${icon('warning')} ${title}</h1><p>${text}</p>`,
    },
  };
}

const scanAgain = (lang: TPublicLanguage, sessionId: string) => {
  const w = wordsFor(lang);
  return messagePage(lang, sessionId, w.scanAgainTitle, w.scanAgainText, 400);
};

function walkInForm({
  lang,
  event,
  session,
  token,
  form = {},
  error,
  problem,
}: {
  lang: TPublicLanguage;
  event: PublicEvent;
  session: PublicSession;
  token: string;
  form?: Partial<TWalkInForm>;
  error?: string;
  problem?: string;
}): Outcome['spec'] {
  const w = wordsFor(lang);
  const body = html`${eventHeading(lang, event)}
${sessionList(lang, [session])}
<section aria-labelledby="walk-in-title">
  <h2 id="walk-in-title">${icon('check')} ${w.walkInTitle}</h2>
  <p>${w.walkInIntro}</p>
  ${problem ? notice(problem, 'problem') : ''}
  ${errorSummary(w.errorSummary, { ticket: error })}
  <form class="public-form" method="post" action="${hrefIn(lang, pathOf(session.id))}" novalidate>
    ${hidden('token', token)}
    ${textField({
      name: 'ticket',
      label: w.haveTicketLegend,
      hint: w.haveTicketHint,
      value: form.ticket ?? '',
      error,
      iconName: 'ticket',
      autocomplete: 'off',
      maxlength: 12,
      extra: html` autocapitalize="characters" spellcheck="false" dir="ltr" class="code-input"`,
    })}
    <h3>${w.noTicketHeading}</h3>
    <p class="hint">${w.noTicketIntro}</p>
    ${radioGroup({
      name: 'participant',
      legend: w.participantLegend,
      options: PARTICIPANT_KINDS.map((p) => [p, w.participants[p]] as const),
      checked: form.participant ?? 'resident',
      iconName: 'group',
    })}
    ${radioGroup({
      name: 'gender',
      legend: w.genderLegend,
      options: GENDERS.map((g) => [g, w.genders[g]] as const),
      checked: form.gender ?? 'not_said',
      iconName: 'person',
    })}
    ${radioGroup({
      name: 'ageBand',
      legend: w.ageLegend,
      options: AGE_BANDS.map((a) => [a, w.ages[a]] as const),
      checked: form.ageBand ?? 'not_said',
      iconName: 'calendar',
    })}
    ${radioGroup({
      name: 'citizenshipGroup',
      legend: w.citizenshipLegend,
      options: CITIZENSHIP_GROUPS.map((c) => [c, w.citizenships[c]] as const),
      checked: form.citizenshipGroup ?? 'not_said',
      iconName: 'globe',
    })}
    ${submit(w.submitWalkIn)}
  </form>
</section>`;
  // The language links carry the token, not the code: the code will have changed by then.
  return {
    lang,
    title: w.walkInTitle,
    path: pathOf(session.id),
    keep: { t: token },
    body,
    controller: event.organisation,
    noindex: true,
  };
}

export async function showWalkIn({
  deps,
  lang,
  sessionId,
  code,
  token,
}: {
  deps: Deps;
  lang: TPublicLanguage;
  sessionId: string;
  code: string | undefined;
  token: string | undefined;
}): Promise<Outcome> {
  const w = wordsFor(lang);
  return systemTransaction(deps.db, async (sys) => {
    const found = await sessionWithEvent(sys, sessionId);
    if (!found) return scanAgain(lang, sessionId);
    const { event, session } = found;
    if (event.status !== 'planned') return messagePage(lang, sessionId, w.walkInTitle, w.eventCancelled, 409);
    const now = new Date();
    const timing = checkinTiming({ startsAt: session.startsAt, endsAt: session.endsAt, now });
    if (timing === 'before') return messagePage(lang, sessionId, w.walkInTitle, w.checkinNotYet, 409);
    if (timing === 'ended') return messagePage(lang, sessionId, w.walkInTitle, w.checkinEnded, 409);
    const signer = await formSigner({ sys, keyring: deps.keyring });
    if (token && signer.check('walk-in', session.id, token) === 'ok')
      return { status: 200, spec: walkInForm({ lang, event, session, token }) };
    const coder = await checkinCoder({ tx: sys, keyring: deps.keyring });
    if (!code || !acceptsCheckinCode({ coder, sessionId: session.id, code, now }))
      return scanAgain(lang, sessionId);
    return {
      status: 200,
      spec: walkInForm({ lang, event, session, token: signer.sign('walk-in', session.id) }),
    };
  });
}

/** Attendance at the session by the QR; true when it was already there. */
async function markPresent(sys: Tx, sessionId: string, placeId: string) {
  const inserted = await queryRows<{ place_id: string }>(
    sys,
    sql`insert into gathering_attendance (session_id, place_id, status, source, recorded_by)
        values (${sessionId}, ${placeId}, 'present', 'qr', null)
        on conflict do nothing returning place_id`,
  );
  if (inserted.length > 0)
    await writeAudit({
      tx: sys,
      actor: ANONYMOUS,
      event: { action: 'community.checked_in', recordType: 'community_registration', recordId: placeId },
    });
  return inserted.length === 0;
}

export async function submitWalkIn({
  deps,
  lang,
  sessionId,
  form,
}: {
  deps: Deps;
  lang: TPublicLanguage;
  sessionId: string;
  form: TWalkInForm;
}): Promise<Outcome> {
  const w = wordsFor(lang);
  const loaded = await systemTransaction(deps.db, async (sys) => {
    const found = await sessionWithEvent(sys, sessionId);
    return found ? { ...found, signer: await formSigner({ sys, keyring: deps.keyring }) } : null;
  });
  if (loaded?.signer.check('walk-in', sessionId, form.token) !== 'ok') return scanAgain(lang, sessionId);
  const { event, session } = loaded;
  // The token outlives the code by minutes: the event and the session are judged again at the post,
  // so a form served before a cancellation, or kept open past the end, marks nobody present.
  if (event.status !== 'planned') return messagePage(lang, sessionId, w.walkInTitle, w.eventCancelled, 409);
  const timing = checkinTiming({ startsAt: session.startsAt, endsAt: session.endsAt, now: new Date() });
  if (timing !== 'open')
    return messagePage(
      lang,
      sessionId,
      w.walkInTitle,
      timing === 'before' ? w.checkinNotYet : w.checkinEnded,
      409,
    );
  const again = (status: number, extra: { error?: string; problem?: string }) => ({
    status,
    spec: walkInForm({ lang, event, session, token: form.token, form, ...extra }),
  });
  const ticket = typedCode(form.ticket);
  if (ticket && !TICKET_CODE_PATTERN.test(ticket)) return again(400, { error: w.ticketCodeFormat });
  try {
    const result = await systemTransaction(deps.db, async (sys) => {
      if (ticket) {
        const place = await placeOfTicket({ tx: sys, eventId: event.id, ticketCode: ticket });
        if (!place) return null;
        return { already: await markPresent(sys, session.id, place.place_id), newTicket: null };
      }
      // One person per form: a form sent again (a replayed or scripted post) registers nobody.
      const fresh = await queryRows<{ token_hash: string }>(
        sys,
        sql`insert into community_walk_in_uses (token_hash, session_id) values (${hashToken(form.token)}, ${session.id})
            on conflict do nothing returning token_hash`,
      );
      if (fresh.length === 0) return 'used' as const;
      const registered = await registerToEvent({
        tx: sys,
        keyring: deps.keyring,
        eventId: event.id,
        input: {
          participant: form.participant ?? 'resident',
          anonymous: true,
          name: null,
          phone: null,
          gender: form.gender ?? 'not_said',
          ageBand: form.ageBand ?? 'not_said',
          citizenshipGroup: form.citizenshipGroup ?? 'not_said',
          language: lang,
          viaHolderId: null,
        },
        via: 'walk_in',
        requestedBy: null,
      });
      await writeAudit({
        tx: sys,
        actor: ANONYMOUS,
        event: {
          action: 'community.registered',
          recordType: 'community_registration',
          recordId: registered.placeId,
        },
      });
      return {
        already: await markPresent(sys, session.id, registered.placeId),
        newTicket: registered.ticketCode,
      };
    });
    if (result === 'used') return scanAgain(lang, sessionId);
    if (!result) return again(404, { error: w.ticketNotFound });
    const body = html`${eventHeading(lang, event)}
<div class="notice success" role="status">
  <h2>${icon('check')} ${w.presentTitle}</h2>
  ${result.already ? html`<p>${w.presentAlready}</p>` : ''}
</div>
${result.newTicket ? html`<p>${w.walkInTicket}</p>${await ticketBox({ lang, code: result.newTicket, publicUrl: deps.config.publicUrl })}` : ''}`;
    return {
      status: 200,
      spec: {
        lang,
        title: w.presentTitle,
        path: '/eventi',
        body,
        controller: event.organisation,
        noindex: true,
      },
    };
  } catch (error) {
    if (error instanceof RegistrationRefusal) return again(409, { problem: w.registrationClosed });
    throw error;
  }
}
