import { z } from 'zod';
import { text } from '../../../../contracts/common.js';
import {
  AGE_BANDS,
  CITIZENSHIP_GROUPS,
  COMMUNITY_LIMITS,
  GENDERS,
  type TPublicLanguage,
  ZRegistrationInputSchema,
} from '../../../../contracts/community.js';
import type { AuditActor } from '../../../platform/audit/audit-events.js';
import { writeAudit } from '../../../platform/audit/audit-writer.js';
import { systemTransaction } from '../../../platform/db/context.js';
import type { Deps } from '../../../platform/deps.js';
import { html } from '../../../platform/public-pages/html.js';
import { icon } from '../../../platform/public-pages/icons.js';
import {
  newTicketCode,
  normalisePhone,
  RegistrationRefusal,
  registerToEvent,
} from '../community-registration.js';
import { type PublicEvent, publishedEvent } from './public-data.js';
import { eventPage, notFoundPage, type RegistrationValues } from './public-event-pages.js';
import type { FieldErrors } from './public-fields.js';
import { formSigner } from './public-form-token.js';
import { hrefIn, type PageSpec } from './public-layout.js';
import { eventHeading, sessionList, ticketBox } from './public-views.js';
import { wordsFor } from './public-words.js';

/**
 * A resident registers on the event's public page: the same registration path as everyone
 * (registerToEvent, via 'public_form', requested by nobody), behind a honeypot and a signed form
 * token, rate limited per address by the route. Every answer is a page in the resident's language.
 */

export type Outcome = { status: number; spec: Omit<PageSpec, 'publicUrl'> };

/** Who registers on a public page: nobody known, and no address either. */
export const ANONYMOUS: AuditActor = {
  userId: null,
  username: null,
  role: null,
  serviceId: null,
  clientIp: null,
};

/** The form as the browser sends it (application/x-www-form-urlencoded: every value text). */
export const ZPublicRegistrationFormSchema = z.strictObject({
  token: z.string().max(200),
  /** The honeypot: people never see it, bots fill it. */
  website: z.string().max(500).optional(),
  anonymous: z.literal('yes').optional(),
  name: text({ min: 0, max: COMMUNITY_LIMITS.name }).optional(),
  phone: text({ min: 0, max: COMMUNITY_LIMITS.phone }).optional(),
  gender: z.enum(GENDERS).optional(),
  ageBand: z.enum(AGE_BANDS).optional(),
  citizenshipGroup: z.enum(CITIZENSHIP_GROUPS).optional(),
});
export type TPublicRegistrationForm = z.infer<typeof ZPublicRegistrationFormSchema>;

export async function showEvent({ deps, lang, slug }: { deps: Deps; lang: TPublicLanguage; slug: string }) {
  return systemTransaction(deps.db, async (sys): Promise<Outcome> => {
    const event = await publishedEvent(sys, slug);
    if (!event) return { status: 404, spec: notFoundPage(lang, `/eventi/${slug}`) };
    const signer = await formSigner({ sys, keyring: deps.keyring });
    return { status: 200, spec: eventPage({ lang, event, token: signer.sign('register', event.id) }) };
  });
}

function valuesOf(form: TPublicRegistrationForm): RegistrationValues {
  const anonymous = form.anonymous === 'yes';
  return {
    anonymous,
    // Anonymous keeps nothing typed before the box was ticked.
    name: anonymous ? '' : (form.name ?? ''),
    phone: anonymous ? '' : (form.phone ?? ''),
    gender: form.gender,
    ageBand: form.ageBand,
    citizenshipGroup: form.citizenshipGroup,
  };
}

function fieldErrors(lang: TPublicLanguage, values: RegistrationValues): FieldErrors {
  const w = wordsFor(lang);
  const errors: FieldErrors = {};
  if (!values.anonymous && !values.name) errors.name = w.nameRequired;
  if (values.phone) {
    try {
      normalisePhone(values.phone);
    } catch {
      errors.phone = w.phoneInvalid;
    }
  }
  return errors;
}

export async function submitRegistration({
  deps,
  lang,
  slug,
  form,
}: {
  deps: Deps;
  lang: TPublicLanguage;
  slug: string;
  form: TPublicRegistrationForm;
}): Promise<Outcome> {
  const w = wordsFor(lang);
  const loaded = await systemTransaction(deps.db, async (sys) => {
    const event = await publishedEvent(sys, slug);
    return event ? { event, signer: await formSigner({ sys, keyring: deps.keyring }) } : null;
  });
  if (!loaded) return { status: 404, spec: notFoundPage(lang, `/eventi/${slug}`) };
  const { event, signer } = loaded;
  const values = valuesOf(form);
  // A bot that fills every field is told it succeeded, and nothing is kept.
  if (form.website)
    return confirmation({ deps, lang, event, status: 'confirmed', ticketCode: newTicketCode() });
  const again = (status: number, token: string, extra: { errors?: FieldErrors; problem?: string }) => ({
    status,
    spec: eventPage({ lang, event, token, values, ...extra }),
  });
  const verdict = signer.check('register', event.id, form.token);
  // Too fast: the same token again, so the next press (a few seconds on) goes through.
  if (verdict === 'too_fast') return again(400, form.token, { problem: w.tooFast });
  if (verdict !== 'ok') return again(400, signer.sign('register', event.id), { problem: w.formExpired });
  // A valid token goes back with the corrected form: it is already old enough to be sent again at once.
  const kept = form.token;
  const errors = fieldErrors(lang, values);
  if (Object.keys(errors).length > 0) return again(400, kept, { errors });
  const input = ZRegistrationInputSchema.parse({
    anonymous: values.anonymous,
    name: values.anonymous ? null : values.name,
    phone: values.anonymous || !values.phone ? null : values.phone,
    gender: values.gender,
    ageBand: values.ageBand,
    citizenshipGroup: values.citizenshipGroup,
    language: lang,
  });
  try {
    const registered = await systemTransaction(deps.db, async (sys) => {
      const done = await registerToEvent({
        tx: sys,
        keyring: deps.keyring,
        eventId: event.id,
        input,
        via: 'public_form',
        requestedBy: null,
      });
      await writeAudit({
        tx: sys,
        actor: ANONYMOUS,
        event: {
          action: 'community.registered',
          recordType: 'community_registration',
          recordId: done.placeId,
        },
      });
      return done;
    });
    return confirmation({ deps, lang, event, status: registered.status, ticketCode: registered.ticketCode });
  } catch (error) {
    if (!(error instanceof RegistrationRefusal)) throw error;
    if (error.code === 'phone_invalid') return again(400, kept, { errors: { phone: w.phoneInvalid } });
    if (error.code === 'already_registered')
      return again(409, kept, { errors: { phone: w.alreadyRegistered } });
    if (error.code === 'not_found') return { status: 404, spec: notFoundPage(lang, `/eventi/${slug}`) };
    return again(409, kept, { problem: w.registrationClosed });
  }
}

async function confirmation({
  deps,
  lang,
  event,
  status,
  ticketCode,
}: {
  deps: Deps;
  lang: TPublicLanguage;
  event: PublicEvent;
  status: string;
  ticketCode: string;
}): Promise<Outcome> {
  const w = wordsFor(lang);
  const waiting = status === 'waitlisted';
  const feedback = hrefIn(lang, `/eventi/${event.slug}/parere`, { t: ticketCode });
  const body = html`${eventHeading(lang, event)}
<div class="notice ${waiting ? 'info' : 'success'}" role="status">
  <h2>${icon(waiting ? 'clock' : 'check')} ${waiting ? w.waitlistedTitle : w.confirmedTitle}</h2>
  <p>${waiting ? w.waitlistedText : w.confirmedText}</p>
</div>
${await ticketBox({ lang, code: ticketCode, publicUrl: deps.config.publicUrl })}
${sessionList(lang, event.sessions)}
<ul class="next-steps">
  <li><a href="${hrefIn(lang, `/eventi/${event.slug}/annulla`)}">${icon('cross')} ${w.cancelHow}</a></li>
  <li><a href="${feedback}">${icon('speech')} ${w.feedbackHow}</a></li>
</ul>`;
  return {
    status: 200,
    spec: {
      lang,
      title: waiting ? w.waitlistedTitle : w.confirmedTitle,
      path: `/eventi/${event.slug}`,
      body,
      controller: event.organisation,
      noindex: true,
    },
  };
}
