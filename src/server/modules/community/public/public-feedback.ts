import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { TICKET_CODE_PATTERN, type TPublicLanguage } from '../../../../contracts/community.js';
import { writeAudit } from '../../../platform/audit/audit-writer.js';
import { queryRows } from '../../../platform/db/client.js';
import { systemTransaction } from '../../../platform/db/context.js';
import type { Deps } from '../../../platform/deps.js';
import { hashToken } from '../../../platform/gatherings/places.js';
import { html, typedCode } from '../../../platform/public-pages/html.js';
import { face, icon } from '../../../platform/public-pages/icons.js';
import { eventBySlug, hasStarted, type PublicEvent } from './public-data.js';
import { notFoundPage } from './public-event-pages.js';
import { errorSummary, type FieldErrors, notice, radioGroup, submit, textField } from './public-fields.js';
import { hrefIn } from './public-layout.js';
import { ANONYMOUS, type Outcome } from './public-registration.js';
import { eventHeading } from './public-views.js';
import { wordsFor } from './public-words.js';

/**
 * Anonymous feedback once the event has begun: two questions on a five-face scale, once per
 * ticket. The ticket is marked in one conditional statement (two answers sent at once cannot both
 * pass); the answer is written apart with the month only and nothing that leads back to the ticket.
 */

const SCORE = z.enum(['1', '2', '3', '4', '5']);
export const ZFeedbackFormSchema = z.strictObject({
  ticket: z.string().max(40),
  useful: SCORE.optional(),
  understood: SCORE.optional(),
});
export type TFeedbackForm = z.infer<typeof ZFeedbackFormSchema>;

const pathOf = (event: PublicEvent) => `/eventi/${event.slug}/parere`;

function feedbackPage({
  lang,
  event,
  form,
  errors = {},
  problem,
}: {
  lang: TPublicLanguage;
  event: PublicEvent;
  form: Partial<TFeedbackForm>;
  errors?: FieldErrors;
  problem?: string;
}): Outcome['spec'] {
  const w = wordsFor(lang);
  const scale = (name: 'useful' | 'understood', legend: string) =>
    radioGroup({
      name,
      legend,
      options: w.scale.map((words, i) => [String(i + 1), words, face(i + 1)] as const),
      checked: form[name],
      error: errors[name],
      iconName: 'speech',
      layout: 'scale',
    });
  const open = hasStarted(event, new Date());
  const body = html`${eventHeading(lang, event)}
<section aria-labelledby="feedback-title">
  <h2 id="feedback-title">${icon('speech')} ${w.feedbackTitle}</h2>
  ${
    open
      ? html`<p>${w.feedbackIntro}</p>
  ${problem ? notice(problem, 'problem') : ''}
  ${errorSummary(w.errorSummary, errors)}
  <form class="public-form" method="post" action="${hrefIn(lang, pathOf(event))}" novalidate>
    ${textField({
      name: 'ticket',
      label: w.ticketCodeLabel,
      hint: w.ticketCodeHint,
      value: form.ticket ?? '',
      error: errors.ticket,
      iconName: 'ticket',
      autocomplete: 'off',
      maxlength: 12,
      extra: html` autocapitalize="characters" spellcheck="false" dir="ltr" class="code-input"`,
    })}
    ${scale('useful', w.usefulQuestion)}
    ${scale('understood', w.understoodQuestion)}
    ${submit(w.submitFeedback)}
  </form>`
      : notice(w.feedbackNotYet)
  }
</section>`;
  return {
    lang,
    title: w.feedbackTitle,
    path: pathOf(event),
    keep: form.ticket ? { t: form.ticket } : {},
    body,
    controller: event.organisation,
    noindex: true,
  };
}

export async function showFeedback({
  deps,
  lang,
  slug,
  ticket,
}: {
  deps: Deps;
  lang: TPublicLanguage;
  slug: string;
  ticket: string | undefined;
}): Promise<Outcome> {
  const event = await systemTransaction(deps.db, (sys) => eventBySlug(sys, slug, { publishedOnly: false }));
  if (!event) return { status: 404, spec: notFoundPage(lang, `/eventi/${slug}/parere`) };
  return { status: 200, spec: feedbackPage({ lang, event, form: { ticket: typedCode(ticket) } }) };
}

export async function submitFeedback({
  deps,
  lang,
  slug,
  form,
}: {
  deps: Deps;
  lang: TPublicLanguage;
  slug: string;
  form: TFeedbackForm;
}): Promise<Outcome> {
  const w = wordsFor(lang);
  const ticket = typedCode(form.ticket);
  const errors: FieldErrors = {};
  if (!TICKET_CODE_PATTERN.test(ticket)) errors.ticket = w.ticketCodeFormat;
  if (!form.useful) errors.useful = w.answerRequired;
  if (!form.understood) errors.understood = w.answerRequired;
  const result = await systemTransaction(deps.db, async (sys) => {
    const event = await eventBySlug(sys, slug, { publishedOnly: false });
    if (!event) return null;
    if (Object.keys(errors).length > 0 || !hasStarted(event, new Date()))
      return { event, outcome: 'invalid' as const };
    const [marked] = await queryRows<{ place_id: string }>(
      sys,
      sql`update community_registrations set feedback_given = true
           where event_id = ${event.id} and ticket_hash = ${hashToken(ticket)} and not feedback_given
          returning place_id`,
    );
    if (!marked) {
      const [known] = await queryRows<{ n: number }>(
        sys,
        sql`select 1 as n from community_registrations where event_id = ${event.id} and ticket_hash = ${hashToken(ticket)}`,
      );
      return { event, outcome: known ? ('already' as const) : ('not_found' as const) };
    }
    await sys.execute(
      sql`insert into community_feedback (event_id, useful, understood, language, month)
          values (${event.id}, ${Number(form.useful)}, ${Number(form.understood)}, ${lang},
                  date_trunc('month', now() at time zone 'Europe/Rome')::date)`,
    );
    // Neither the ticket nor the registration: the trail says an answer came for this event.
    await writeAudit({
      tx: sys,
      actor: ANONYMOUS,
      event: { action: 'community.feedback_received', recordType: 'community_event', recordId: event.id },
    });
    return { event, outcome: 'thanks' as const };
  });
  if (!result) return { status: 404, spec: notFoundPage(lang, `/eventi/${slug}/parere`) };
  const { event, outcome } = result;
  if (outcome === 'invalid') return { status: 400, spec: feedbackPage({ lang, event, form, errors }) };
  if (outcome === 'not_found')
    return { status: 404, spec: feedbackPage({ lang, event, form, errors: { ticket: w.ticketNotFound } }) };
  const body = html`${eventHeading(lang, event)}
<div class="notice success" role="status">
  <h2>${icon('check')} ${outcome === 'already' ? w.feedbackAlready : w.feedbackThanks}</h2>
</div>
<p><a class="button" href="${hrefIn(lang, '/eventi')}">${w.allEvents}</a></p>`;
  return {
    status: outcome === 'already' ? 409 : 200,
    spec: {
      lang,
      title: w.feedbackTitle,
      path: pathOf(event),
      body,
      controller: event.organisation,
      noindex: true,
    },
  };
}
