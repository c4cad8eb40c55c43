import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TMyTraining } from '../../../contracts/training.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { formatDateTime, formatRomeDay } from '../../ui/format.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { CopyLink } from './CopyLink.js';
import { downloads, useCalendarLink, useMyTraining, usePlaceMutations } from './training-api.js';
import { hoursLabel } from './training-words.js';

/** One's registrations: where each stands, the hours attended, the certificate; a calendar feed. */
export function MyTrainingPage() {
  const { t } = useTranslation();
  const mine = useMyTraining();
  return (
    <>
      <PageHeading title={t('courses.mine.title')}>
        <p className="mb-2">{t('courses.mine.intro')}</p>
        <Link to="/training">{t('courses.backToCatalogue')}</Link>
      </PageHeading>
      <AsyncContent query={mine}>
        {(data) => (
          <>
            <Places places={data.places} />
            <CalendarFeed hasLink={data.hasCalendarLink} />
          </>
        )}
      </AsyncContent>
    </>
  );
}

function Places({ places }: { places: TMyTraining['places'] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (places.length === 0) return <p>{t('courses.mine.empty')}</p>;
  return (
    <DataTable caption={t('courses.mine.caption', { count: places.length })}>
      <thead>
        <tr>
          <th scope="col">{t('courses.mine.course')}</th>
          <th scope="col">{t('courses.mine.dates')}</th>
          <th scope="col">{t('courses.registrations.status')}</th>
          <th scope="col">{t('courses.registrations.attended')}</th>
          <th scope="col">{t('courses.mine.certificate')}</th>
        </tr>
      </thead>
      <tbody>
        {places.map((p) => {
          const from = formatRomeDay(p.startsAt, locale);
          const to = formatRomeDay(p.endsAt, locale);
          return (
            <tr key={p.placeId}>
              <th scope="row">
                <Link to="/training/editions/$editionId" params={{ editionId: p.editionId }}>
                  {p.courseTitle}
                </Link>
              </th>
              <td>{from === to ? from : `${from} – ${to}`}</td>
              <td>
                {t(`enums.placeStatus.${p.status}`)}
                {p.status === 'offered' && p.offerExpiresAt
                  ? ` · ${t('courses.myPlace.confirmBy', { when: formatDateTime(p.offerExpiresAt, locale) })}`
                  : ''}
                {p.status === 'offered' && <ConfirmOffer placeId={p.placeId} editionId={p.editionId} />}
              </td>
              <td>
                {t('courses.hoursOf', {
                  done: hoursLabel(p.attendedHours, locale),
                  total: hoursLabel(p.hours, locale),
                })}
              </td>
              <td>
                {p.certificateId ? (
                  <div className="d-flex flex-wrap gap-2">
                    <a href={downloads.certificatePdf(p.certificateId, 'it')} download>
                      {t('courses.mine.pdf', { course: p.courseTitle, language: t('locales.it') })}
                    </a>
                    <a href={downloads.certificatePdf(p.certificateId, 'en')} download>
                      {t('courses.mine.pdf', { course: p.courseTitle, language: t('locales.en') })}
                    </a>
                  </div>
                ) : (
                  t('courses.mine.noCertificate')
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </DataTable>
  );
}

/** A private calendar address (for a phone's or a mail client's calendar), shown only when made. */
function CalendarFeed({ hasLink }: { hasLink: boolean }) {
  const { t } = useTranslation();
  const make = useCalendarLink();
  return (
    <section aria-labelledby="calendar-feed" className="card shadow-sm p-4 my-4">
      <h2 id="calendar-feed" className="h4">
        {t('courses.calendar.title')}
      </h2>
      <p>{hasLink ? t('courses.calendar.existing') : t('courses.calendar.intro')}</p>
      {make.error ? <ActionProblem error={make.error} /> : null}
      {make.data ? (
        <CopyLink
          id="calendar-url"
          label={t('courses.calendar.label')}
          note={t('courses.calendar.once')}
          url={make.data.url}
        />
      ) : (
        <button
          type="button"
          className="btn btn-primary btn-sm"
          disabled={make.isPending}
          onClick={() => make.mutate()}
        >
          {hasLink ? t('courses.calendar.renew') : t('courses.calendar.make')}
        </button>
      )}
    </section>
  );
}

/** Confirms a place offered from the waiting list, here where Home's notice leads. */
function ConfirmOffer({ placeId, editionId }: { placeId: string; editionId: string }) {
  const { t } = useTranslation();
  const { confirm } = usePlaceMutations(editionId);
  return (
    <div className="mt-2">
      {confirm.isError && <ProblemAlert error={confirm.error} />}
      <button
        type="button"
        className="btn btn-primary btn-sm"
        disabled={confirm.isPending}
        onClick={() => confirm.mutate(placeId)}
      >
        {t('courses.myPlace.confirm')}
      </button>
    </div>
  );
}
