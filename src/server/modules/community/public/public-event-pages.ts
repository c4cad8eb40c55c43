import {
  AGE_BANDS,
  CITIZENSHIP_GROUPS,
  COMMUNITY_LIMITS,
  GENDERS,
  type TPublicLanguage,
} from '../../../../contracts/community.js';
import { html, type SafeHtml } from '../../../platform/public-pages/html.js';
import { icon } from '../../../platform/public-pages/icons.js';
import { isOver, type PublicEvent } from './public-data.js';
import {
  checkbox,
  errorSummary,
  type FieldErrors,
  hidden,
  notice,
  radioGroup,
  submit,
  textField,
} from './public-fields.js';
import { hrefIn, type PageSpec } from './public-layout.js';
import { description, eventFacts, eventHeading } from './public-views.js';
import { wordsFor } from './public-words.js';

/** The public calendar, one event's page with its registration form, the safety page, the 404. */

type Spec = Omit<PageSpec, 'publicUrl'>;

export function listPage(lang: TPublicLanguage, events: readonly PublicEvent[]): Spec {
  const w = wordsFor(lang);
  const now = new Date();
  const body = html`<h1>${w.listTitle}</h1>
<p class="lead">${w.listIntro}</p>
${
  events.length === 0
    ? html`<p class="notice info">${w.listEmpty}</p>`
    : html`<ul class="event-list">${events.map(
        (event) => html`<li class="card">
  ${eventHeading(lang, event, 'h2')}
  ${eventFacts(
    lang,
    event,
    event.sessions.filter((s) => s.endsAt > now),
  )}
  <p><a class="button" href="${hrefIn(lang, `/eventi/${event.slug}`)}">${w.detailsLink}<span class="visually-hidden">: ${event.title}</span></a></p>
</li>`,
      )}</ul>`
}`;
  return { lang, title: w.listTitle, path: '/eventi', body };
}

export function notFoundPage(lang: TPublicLanguage, path: string): Spec {
  const w = wordsFor(lang);
  return {
    lang,
    title: w.notFoundTitle,
    path,
    noindex: true,
    body: html`<h1>${w.notFoundTitle}</h1>
<p>${w.notFoundText}</p>
<p><a class="button" href="${hrefIn(lang, '/eventi')}">${w.allEvents}</a></p>`,
  };
}

export interface RegistrationValues {
  anonymous: boolean;
  name: string;
  phone: string;
  gender?: string;
  ageBand?: string;
  citizenshipGroup?: string;
}

export const EMPTY_REGISTRATION: RegistrationValues = { anonymous: false, name: '', phone: '' };

function registrationForm({
  lang,
  event,
  token,
  values,
  errors,
}: {
  lang: TPublicLanguage;
  event: PublicEvent;
  token: string;
  values: RegistrationValues;
  errors: FieldErrors;
}) {
  const w = wordsFor(lang);
  return html`<form class="public-form" method="post" action="${hrefIn(lang, `/eventi/${event.slug}`)}" novalidate>
  ${hidden('token', token)}
  ${checkbox({ name: 'anonymous', label: w.anonymousLabel, hint: w.anonymousHint, checked: values.anonymous, iconName: 'anonymous' })}
  ${textField({
    name: 'name',
    label: w.nameLabel,
    hint: w.nameHint,
    value: values.name,
    error: errors.name,
    iconName: 'person',
    autocomplete: 'name',
    maxlength: COMMUNITY_LIMITS.name,
  })}
  ${textField({
    name: 'phone',
    label: w.phoneLabel,
    hint: w.phoneHint,
    value: values.phone,
    error: errors.phone,
    iconName: 'phone',
    type: 'tel',
    autocomplete: 'tel',
    inputmode: 'tel',
    maxlength: COMMUNITY_LIMITS.phone,
    extra: html` dir="ltr"`,
  })}
  ${radioGroup({
    name: 'gender',
    legend: w.genderLegend,
    options: GENDERS.map((g) => [g, w.genders[g]] as const),
    checked: values.gender ?? 'not_said',
    iconName: 'person',
  })}
  ${radioGroup({
    name: 'ageBand',
    legend: w.ageLegend,
    options: AGE_BANDS.map((a) => [a, w.ages[a]] as const),
    checked: values.ageBand ?? 'not_said',
    iconName: 'calendar',
  })}
  ${radioGroup({
    name: 'citizenshipGroup',
    legend: w.citizenshipLegend,
    options: CITIZENSHIP_GROUPS.map((c) => [c, w.citizenships[c]] as const),
    checked: values.citizenshipGroup ?? 'not_said',
    iconName: 'globe',
  })}
  <div class="leave-empty">
    <label for="field-website">${w.honeypotLabel}</label>
    <input id="field-website" name="website" type="text" value="" tabindex="-1" autocomplete="off">
  </div>
  ${submit(w.submitRegister)}
</form>`;
}

/** Why the form cannot be shown: cancelled, over, or registration closed. */
function closedReason(lang: TPublicLanguage, event: PublicEvent, now: Date) {
  const w = wordsFor(lang);
  if (event.status === 'cancelled') return w.eventCancelled;
  if (isOver(event, now)) return w.eventOver;
  if (!event.registrationOpen) return w.registrationClosed;
  return null;
}

export function eventPage({
  lang,
  event,
  token,
  values = EMPTY_REGISTRATION,
  errors = {},
  problem,
}: {
  lang: TPublicLanguage;
  event: PublicEvent;
  token: string;
  values?: RegistrationValues;
  errors?: FieldErrors;
  /** A message about the form as a whole (stale, sent too fast, closed). */
  problem?: string;
}): Spec {
  const w = wordsFor(lang);
  const closed = closedReason(lang, event, new Date());
  const form = closed
    ? notice(closed, 'problem')
    : html`${notice(event.seatsFree ? w.seatsAvailable : w.seatsFull)}
<p>${w.formIntro}</p>
${problem ? notice(problem, 'problem') : ''}
${errorSummary(w.errorSummary, errors)}
${registrationForm({ lang, event, token, values, errors })}`;
  const body: SafeHtml = html`${eventHeading(lang, event)}
${eventFacts(lang, event)}
${description(lang, event)}
<section class="register" aria-labelledby="register-title">
  <h2 id="register-title">${icon('ticket')} ${w.formTitle}</h2>
  ${form}
</section>
<p class="aside"><a href="${hrefIn(lang, `/eventi/${event.slug}/annulla`)}">${w.cancelTitle}</a></p>`;
  return {
    lang,
    title: event.title,
    path: `/eventi/${event.slug}`,
    body,
    controller: event.organisation,
  };
}

export function safetyPage(lang: TPublicLanguage): Spec {
  const w = wordsFor(lang);
  return {
    lang,
    title: w.safetyTitle,
    path: '/eventi/sicurezza',
    body: html`<h1>${icon('shield')} ${w.safetyTitle}</h1>
${w.safety.map((p) => html`<section class="card"><h2>${p.heading}</h2><p>${p.text}</p></section>`)}`,
  };
}
