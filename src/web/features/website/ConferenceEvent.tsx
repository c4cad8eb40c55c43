import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { TLocale } from '../../../contracts/index.js';
import { type TConferenceEvent, ZConferenceSettingsSchema } from '../../../contracts/website-conferences.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { Fact, Facts } from '../../ui/Facts.js';
import { FormActions, SelectField } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { useConferenceEvents, useConferenceSettingsSave } from './conference-api.js';
import { eventDays, type SettingsValues, settingsToInput, settingsToValues } from './conference-forms.js';

const resolver = contractResolver<SettingsValues>(ZConferenceSettingsSchema, settingsToInput);

/**
 * The community event the conference is: its days, its place and its public page, where people
 * register and, once it has begun, answer the satisfaction survey.
 */
export function ConferenceEvent({ pageId, event }: { pageId: string; event: TConferenceEvent | null }) {
  const { t } = useTranslation();
  const events = useConferenceEvents();
  return (
    <section aria-labelledby="site-conference-event-heading" className="mb-5">
      <h3 id="site-conference-event-heading" className="h5">
        {t('website.conference.event.title')}
      </h3>
      <p>{t('website.conference.event.hint')}</p>
      {event ? <LinkedEvent event={event} /> : <p>{t('website.conference.event.notLinked')}</p>}
      <AsyncContent query={events}>
        {(list) => <EventForm pageId={pageId} event={event} events={list} />}
      </AsyncContent>
    </section>
  );
}

/** The event's state in words, when it is not simply planned and public. */
function useEventNotes() {
  const { t } = useTranslation();
  return (event: TConferenceEvent) =>
    [
      event.status === 'cancelled' ? t('website.conference.event.cancelled') : null,
      event.published ? null : t('website.conference.event.unpublished'),
    ].filter((note): note is string => note !== null);
}

function daysOf(event: TConferenceEvent, locale: TLocale, noDates: string) {
  return eventDays(event, locale) ?? noDates;
}

function LinkedEvent({ event }: { event: TConferenceEvent }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const notes = useEventNotes()(event);
  return (
    <>
      <Facts>
        <Fact label={t('website.conference.event.linked')}>{event.title}</Fact>
        <Fact label={t('website.conference.event.days')}>
          {daysOf(event, locale, t('website.conference.event.noDates'))}
        </Fact>
        {notes.length > 0 && (
          <Fact label={t('website.conference.event.state')}>
            <span className="fw-semibold">{notes.join(', ')}</span>
          </Fact>
        )}
      </Facts>
      <p>
        <a href={event.path} target="_blank" rel="noopener noreferrer">
          {t('website.conference.event.open')}
          <span className="visually-hidden"> {t('website.conference.event.newTab')}</span>
        </a>
      </p>
    </>
  );
}

function EventForm({
  pageId,
  event,
  events,
}: {
  pageId: string;
  event: TConferenceEvent | null;
  events: TConferenceEvent[];
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const notesOf = useEventNotes();
  const save = useConferenceSettingsSave(pageId);
  const form = useForm<SettingsValues>({ resolver, defaultValues: settingsToValues(event) });
  const { errors, isSubmitting, isDirty } = form.formState;
  // The linked event stays a choice even when the list no longer offers it.
  const choices = event && !events.some((e) => e.id === event.id) ? [event, ...events] : events;
  const noDates = t('website.conference.event.noDates');
  const options = choices.map((e) => {
    const notes = notesOf(e);
    const dates = daysOf(e, locale, noDates);
    return {
      value: e.id,
      label: notes.length
        ? t('website.conference.event.optionNotes', { title: e.title, dates, notes: notes.join(', ') })
        : t('website.conference.event.option', { title: e.title, dates }),
    };
  });
  const submit = form.handleSubmit(async (values) => {
    save.reset();
    try {
      const saved = await save.mutateAsync(settingsToInput(values));
      form.reset(settingsToValues(saved.event));
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      {save.error && Object.keys(errors).length === 0 ? <ActionProblem error={save.error} /> : null}
      <div role="status">
        {save.isSuccess && !isDirty && (
          <p className="alert alert-success">{t('website.conference.event.saved')}</p>
        )}
      </div>
      {events.length === 0 && <p>{t('website.conference.event.empty')}</p>}
      <SelectField
        id="site-conference-event"
        label={t('website.conference.event.field')}
        hint={t('website.conference.event.fieldHint')}
        placeholder={t('website.conference.event.none')}
        options={options}
        error={fieldErrorText(t, errors.eventId)}
        {...form.register('eventId')}
      />
      <FormActions>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {t('website.conference.event.save')}
        </button>
      </FormActions>
    </form>
  );
}
