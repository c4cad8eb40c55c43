import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TEvent } from '../../../contracts/community.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { ConfirmPanel } from '../../ui/ConfirmPanel.js';
import { Fact, Facts } from '../../ui/Facts.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { useCommunityWords } from '../community/community-words.js';
import { useEvent, useEventMutations } from './community-events-api.js';
import { EventStatusBadge, SeatsText } from './EventBits.js';
import { sessionWhen, usePublicLanguages } from './event-words.js';
import { ParticipantsSection } from './ParticipantsSection.js';
import { PublicPagePanel } from './PublicPagePanel.js';
import { RegisterPersonForm } from './RegisterPersonForm.js';

/**
 * One event: what, where, when (its sessions), who organises it with whom, its public page. Its
 * organisers also see who registered, register someone on their behalf, and change or cancel it.
 */
export function EventPage({ eventId }: { eventId: string }) {
  const event = useEvent(eventId);
  return <AsyncContent query={event}>{(data) => <EventView event={data} />}</AsyncContent>;
}

function EventView({ event }: { event: TEvent }) {
  const { t } = useTranslation();
  const words = useCommunityWords();
  const languages = usePublicLanguages();
  const cancelled = event.status === 'cancelled';
  return (
    <>
      <PageHeading title={event.title}>
        <p className="lead mb-1">
          {t(`communityEvents.kind.${event.kind}`)} · {event.municipalityName}{' '}
          <EventStatusBadge event={event} />
        </p>
        <Link to="/community/events">{t('communityEvents.backToList')}</Link>
      </PageHeading>
      {event.canManage && !cancelled && <OrganiserActions event={event} />}
      {event.description && <p style={{ whiteSpace: 'pre-wrap' }}>{event.description}</p>}
      <Facts>
        <Fact label={t('communityEvents.event.organiser')}>{event.ownerServiceName}</Fact>
        <Fact label={t('communityEvents.fields.coOrganisers')}>
          {event.coOrganisers.length === 0
            ? t('common.none')
            : event.coOrganisers.map((h) => h.name).join(', ')}
        </Fact>
        <Fact label={t('communityEvents.fields.languages')}>
          {event.languages.map((code) => languages.nameOf(code)).join(', ')}
        </Fact>
        <Fact label={t('communityEvents.fields.topics')}>{words.listOf('needTopic', event.topics)}</Fact>
        <Fact label={t('communityEvents.event.seats')}>
          <SeatsText event={event} />
        </Fact>
        {event.mediatorLanguage && (
          <Fact label={t('communityEvents.fields.mediatorLanguage')}>
            {languages.allOptions.find((o) => o.value === event.mediatorLanguage)?.label ??
              t('communityEvents.languageOther')}
            {event.mediationRequestId ? ` · ${t('communityEvents.event.mediationRequested')}` : ''}
          </Fact>
        )}
        <Fact label={t('communityEvents.event.publication')}>
          {event.published ? t('communityEvents.event.published') : t('communityEvents.event.notPublished')}
        </Fact>
      </Facts>
      <SessionsList event={event} />
      {event.published && !cancelled && <PublicPagePanel event={event} />}
      {event.canManage && (
        <>
          <ParticipantsSection event={event} />
          {!cancelled && <RegisterPersonForm event={event} />}
        </>
      )}
    </>
  );
}

function SessionsList({ event }: { event: TEvent }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section aria-labelledby="event-sessions" className="mb-4">
      <h2 id="event-sessions" className="h4">
        {t('communityEvents.event.sessions', { count: event.sessions.length })}
      </h2>
      <ol className="ps-3">
        {event.sessions.map((session) => {
          const when = sessionWhen(session.startsAt, session.endsAt, locale);
          return (
            <li key={session.id} className="mb-2">
              {event.canManage ? (
                <Link to="/community/sessions/$sessionId" params={{ sessionId: session.id }}>
                  {when}
                </Link>
              ) : (
                when
              )}
              {session.place ? ` · ${session.place}` : ''}
            </li>
          );
        })}
      </ol>
      {event.canManage && <p className="small">{t('communityEvents.event.sessionsHint')}</p>}
    </section>
  );
}

/** Change the event, or cancel it (after a confirmation: the registrations stay, the page says it is off). */
function OrganiserActions({ event }: { event: TEvent }) {
  const { t } = useTranslation();
  const { cancel } = useEventMutations();
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="mb-4">
      <div className="d-flex flex-wrap gap-2">
        <Link
          to="/community/events/$eventId/edit"
          params={{ eventId: event.id }}
          className="btn btn-outline-primary btn-sm"
        >
          {t('communityEvents.event.edit')}
        </Link>
        <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => setConfirming(true)}>
          {t('communityEvents.event.cancel')}
        </button>
      </div>
      {confirming && (
        <ConfirmPanel
          className="mt-3"
          message={t('communityEvents.event.cancelConfirm', { title: event.title })}
          confirmLabel={t('communityEvents.event.cancelYes')}
          pending={cancel.isPending}
          onCancel={() => setConfirming(false)}
          onConfirm={() =>
            cancel.mutate(event.id, {
              onSuccess: () => setConfirming(false),
            })
          }
        />
      )}
      {cancel.error ? <ActionProblem error={cancel.error} className="mt-3" /> : null}
    </div>
  );
}
