import { useTranslation } from 'react-i18next';
import type { TPlace } from '../../../contracts/gatherings.js';
import type { TEdition } from '../../../contracts/training.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { formatDateTime } from '../../ui/format.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { StaffEnrolForm } from './EnrolForms.js';
import { usePlaceMutations, usePlaces } from './training-api.js';
import { hoursLabel, registrationOpen } from './training-words.js';

/**
 * The registrations the viewer may see (the API decides: all of them for the edition's trainers,
 * their own staff's for a coordinator), with a coordinator's decisions and enrolment of staff.
 */
export function RegistrationsPanel({ edition, coordinator }: { edition: TEdition; coordinator: boolean }) {
  const { t } = useTranslation();
  const places = usePlaces(edition.id);
  const { decide } = usePlaceMutations(edition.id);
  return (
    <section aria-labelledby="registrations" className="mb-4">
      <h2 id="registrations" className="h4">
        {t('courses.registrations.title')}
      </h2>
      <p>
        {edition.managed
          ? t('courses.registrations.introTrainer')
          : t('courses.registrations.introCoordinator')}
      </p>
      {decide.error ? <ActionProblem error={decide.error} /> : null}
      <AsyncContent query={places}>
        {(data) =>
          data.places.length === 0 ? (
            <p>{t('courses.registrations.empty')}</p>
          ) : (
            <DataTable caption={t('courses.registrations.caption', { count: data.places.length })}>
              <thead>
                <tr>
                  <th scope="col">{t('courses.registrations.person')}</th>
                  <th scope="col">{t('courses.fields.profession')}</th>
                  <th scope="col">{t('courses.registrations.status')}</th>
                  <th scope="col">{t('courses.registrations.requestedAt')}</th>
                  <th scope="col">{t('courses.registrations.attended')}</th>
                  {coordinator && <th scope="col">{t('courses.registrations.decision')}</th>}
                </tr>
              </thead>
              <tbody>
                {data.places.map((place) => (
                  <PlaceRow
                    key={place.id}
                    place={place}
                    hours={edition.hours}
                    coordinator={coordinator}
                    pending={decide.isPending}
                    onDecide={(approve) => decide.mutate({ placeId: place.id, approve })}
                  />
                ))}
              </tbody>
            </DataTable>
          )
        }
      </AsyncContent>
      {coordinator && registrationOpen(edition) && <StaffEnrolForm editionId={edition.id} />}
    </section>
  );
}

function PlaceRow({
  place,
  hours,
  coordinator,
  pending,
  onDecide,
}: {
  place: TPlace;
  hours: number;
  coordinator: boolean;
  pending: boolean;
  onDecide: (approve: boolean) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <tr>
      <th scope="row">
        {place.participantName}
        {place.organisation ? <span className="d-block small fw-normal">{place.organisation}</span> : null}
        {place.external ? (
          <span className="d-block small fw-normal">{t('courses.registrations.external')}</span>
        ) : null}
      </th>
      <td>{t(`enums.profession.${place.profession}`)}</td>
      <td>
        {t(`enums.placeStatus.${place.status}`)}
        {place.waitlistPosition !== null
          ? ` · ${t('courses.registrations.position', { n: place.waitlistPosition })}`
          : ''}
        {place.status === 'offered' && place.offerExpiresAt
          ? ` · ${t('courses.myPlace.confirmBy', { when: formatDateTime(place.offerExpiresAt, locale) })}`
          : ''}
      </td>
      <td>{formatDateTime(place.requestedAt, locale)}</td>
      <td>
        {t('courses.hoursOf', {
          done: hoursLabel(place.attendedHours, locale),
          total: hoursLabel(hours, locale),
        })}
      </td>
      {coordinator && (
        <td>
          {place.status === 'awaiting_approval' ? (
            <div className="d-flex flex-wrap gap-2">
              <button
                type="button"
                className="btn btn-primary btn-xs"
                disabled={pending}
                onClick={() => onDecide(true)}
              >
                {t('courses.registrations.approve', { name: place.participantName })}
              </button>
              <button
                type="button"
                className="btn btn-outline-danger btn-xs"
                disabled={pending}
                onClick={() => onDecide(false)}
              >
                {t('courses.registrations.refuse', { name: place.participantName })}
              </button>
            </div>
          ) : (
            '—'
          )}
        </td>
      )}
    </tr>
  );
}
