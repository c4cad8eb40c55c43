import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ZEventInputSchema, ZEventUpdateSchema } from '../../../contracts/community.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { NotFoundNotice } from '../../ui/NotFoundNotice.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { useEvent, useEventMutations } from './community-events-api.js';
import { EventForm } from './EventForm.js';
import { eventToInput, eventToUpdate, eventToValues, newEventValues } from './event-form.js';

/** A new awareness meeting, workshop or citizenship lab of the worker's service. */
export function EventCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { create } = useEventMutations();
  return (
    <>
      <PageHeading title={t('communityEvents.create.title')}>
        <p className="mb-2">{t('communityEvents.create.intro')}</p>
        <Link to="/community/events">{t('communityEvents.backToList')}</Link>
      </PageHeading>
      <EventForm
        mode="create"
        defaultValues={newEventValues()}
        submitLabel={t('communityEvents.create.submit')}
        error={create.error}
        onSubmit={async (values) => {
          const event = await create.mutateAsync(ZEventInputSchema.parse(eventToInput(values)));
          await navigate({ to: '/community/events/$eventId', params: { eventId: event.id } });
        }}
        onCancel={() => navigate({ to: '/community/events' })}
      />
    </>
  );
}

/** An event's words, languages, seats, co-organisers and publication, changed by its organisers. */
export function EventEditPage({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const event = useEvent(eventId);
  const { update } = useEventMutations();
  const back = () => navigate({ to: '/community/events/$eventId', params: { eventId } });
  return (
    <AsyncContent query={event}>
      {(data) =>
        // Only its organisers change it; anyone else reads "not found", as the server answers.
        !data.canManage ? (
          <NotFoundNotice />
        ) : (
          <>
            <PageHeading title={t('communityEvents.edit.title', { title: data.title })}>
              <p className="mb-2">{t('communityEvents.edit.intro')}</p>
              <Link to="/community/events/$eventId" params={{ eventId }}>
                {t('communityEvents.backToEvent', { title: data.title })}
              </Link>
            </PageHeading>
            <EventForm
              mode="edit"
              defaultValues={eventToValues(data)}
              holderNames={Object.fromEntries(data.coOrganisers.map((h) => [h.id, h.name]))}
              submitLabel={t('communityEvents.edit.submit')}
              error={update.error}
              onSubmit={async (values) => {
                await update.mutateAsync({
                  id: eventId,
                  body: ZEventUpdateSchema.parse(eventToUpdate(values)),
                });
                await back();
              }}
              onCancel={back}
            />
          </>
        )
      }
    </AsyncContent>
  );
}
