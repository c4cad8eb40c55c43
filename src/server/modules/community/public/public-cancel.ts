import { z } from 'zod';
import { TICKET_CODE_PATTERN, type TPublicLanguage } from '../../../../contracts/community.js';
import { writeAudit } from '../../../platform/audit/audit-writer.js';
import { systemTransaction } from '../../../platform/db/context.js';
import type { Deps } from '../../../platform/deps.js';
import { HttpProblem } from '../../../platform/http/problem.js';
import { html, typedCode } from '../../../platform/public-pages/html.js';
import { icon } from '../../../platform/public-pages/icons.js';
import { endRegistration, placeOfTicket } from '../community-registration.js';
import { eventBySlug, isOver, type PublicEvent } from './public-data.js';
import { notFoundPage } from './public-event-pages.js';
import { errorSummary, notice, submit, textField } from './public-fields.js';
import { hrefIn } from './public-layout.js';
import { ANONYMOUS, type Outcome } from './public-registration.js';
import { eventHeading } from './public-views.js';
import { wordsFor } from './public-words.js';

/**
 * Cancelling with the ticket code, no account: the registration ends (endRegistration: the place
 * is cancelled, its seat goes to the first person waiting, the registration stops being live). An unknown code
 * says so — the code has 40 bits and the route is rate limited, so saying it does not help a
 * guesser — and once the event is over nothing is cancelled (attendance stays as it was).
 */

export const ZCancelFormSchema = z.strictObject({ code: z.string().max(40) });

const CANCELLABLE = ['confirmed', 'waitlisted', 'offered'] as const;

function cancelPage({
  lang,
  event,
  code = '',
  error,
  problem,
}: {
  lang: TPublicLanguage;
  event: PublicEvent;
  code?: string;
  error?: string;
  problem?: string;
}): Outcome['spec'] {
  const w = wordsFor(lang);
  const path = `/eventi/${event.slug}/annulla`;
  const body = html`${eventHeading(lang, event)}
<section aria-labelledby="cancel-title">
  <h2 id="cancel-title">${icon('cross')} ${w.cancelTitle}</h2>
  ${problem ? notice(problem, 'problem') : ''}
  ${errorSummary(w.errorSummary, { code: error })}
  <form class="public-form" method="post" action="${hrefIn(lang, path)}" novalidate>
    <p>${w.cancelIntro}</p>
    ${textField({
      name: 'code',
      label: w.ticketCodeLabel,
      hint: w.ticketCodeHint,
      value: code,
      error,
      iconName: 'ticket',
      autocomplete: 'off',
      maxlength: 12,
      extra: html` autocapitalize="characters" spellcheck="false" dir="ltr" class="code-input"`,
    })}
    ${submit(w.submitCancel, 'cross')}
  </form>
</section>
<p class="aside"><a href="${hrefIn(lang, `/eventi/${event.slug}`)}">${event.title}</a></p>`;
  return { lang, title: w.cancelTitle, path, body, controller: event.organisation, noindex: true };
}

export async function showCancel({ deps, lang, slug }: { deps: Deps; lang: TPublicLanguage; slug: string }) {
  const event = await systemTransaction(deps.db, (sys) => eventBySlug(sys, slug, { publishedOnly: false }));
  if (!event) return { status: 404, spec: notFoundPage(lang, `/eventi/${slug}/annulla`) };
  return { status: 200, spec: cancelPage({ lang, event }) };
}

type Cancelled = 'cancelled' | 'not_found' | 'not_now';

export async function submitCancel({
  deps,
  lang,
  slug,
  code,
}: {
  deps: Deps;
  lang: TPublicLanguage;
  slug: string;
  code: string;
}): Promise<Outcome> {
  const w = wordsFor(lang);
  const typed = typedCode(code);
  const result = await systemTransaction(deps.db, async (sys) => {
    const event = await eventBySlug(sys, slug, { publishedOnly: false });
    if (!event) return null;
    if (!TICKET_CODE_PATTERN.test(typed)) return { event, outcome: 'bad_format' as const };
    const place = await placeOfTicket({ tx: sys, eventId: event.id, ticketCode: typed });
    if (!place) return { event, outcome: 'not_found' as const };
    if (isOver(event, new Date()) || !(CANCELLABLE as readonly string[]).includes(place.status))
      return { event, outcome: 'not_now' as const };
    const outcome: Cancelled = await endRegistration({
      tx: sys,
      placeId: place.place_id,
      decidedBy: null,
    }).then(
      () => 'cancelled' as const,
      (error: unknown) => {
        // Another request moved the place in between (an organiser, a second tab): not now.
        if (error instanceof HttpProblem && error.status === 409) return 'not_now' as const;
        throw error;
      },
    );
    if (outcome !== 'cancelled') return { event, outcome };
    await writeAudit({
      tx: sys,
      actor: ANONYMOUS,
      event: {
        action: 'community.registration_cancelled',
        recordType: 'community_registration',
        recordId: place.place_id,
      },
    });
    return { event, outcome };
  });
  if (!result) return { status: 404, spec: notFoundPage(lang, `/eventi/${slug}/annulla`) };
  const { event, outcome } = result;
  if (outcome === 'bad_format')
    return { status: 400, spec: cancelPage({ lang, event, code, error: w.ticketCodeFormat }) };
  if (outcome === 'not_found')
    return { status: 404, spec: cancelPage({ lang, event, code, error: w.ticketNotFound }) };
  if (outcome === 'not_now')
    return { status: 409, spec: cancelPage({ lang, event, problem: w.cancelNotNow }) };
  const body = html`${eventHeading(lang, event)}
<div class="notice success" role="status">
  <h2>${icon('check')} ${w.cancelledTitle}</h2>
  <p>${w.cancelledText}</p>
</div>
<p><a class="button" href="${hrefIn(lang, '/eventi')}">${w.allEvents}</a></p>`;
  return {
    status: 200,
    spec: {
      lang,
      title: w.cancelledTitle,
      path: `/eventi/${event.slug}`,
      body,
      controller: event.organisation,
    },
  };
}
