import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TEdition } from '../../../contracts/training.js';
import { useLocale } from '../../i18n/index.js';
import { useCan } from '../../session/session.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { Fact, Facts } from '../../ui/Facts.js';
import { formatDateTime } from '../../ui/format.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { CertificatesPanel } from './CertificatesPanel.js';
import { editionDates, SeatsLabel } from './EditionSummary.js';
import { ExternalEnrolForm } from './EnrolForms.js';
import { FieldLogPanel } from './FieldLogPanel.js';
import { MyPlacePanel } from './MyPlacePanel.js';
import { useEditionQuestionnaire } from './questionnaires-api.js';
import { RegistrationsPanel } from './RegistrationsPanel.js';
import { CompetencePanel } from './ResultsPanels.js';
import { SessionLink } from './SessionLink.js';
import { downloads, useEdition } from './training-api.js';
import { hoursLabel, registrationOpen } from './training-words.js';

/** An edition: its sessions, one's own place, and for its managers the registrations and certificates. */
export function EditionPage({ editionId }: { editionId: string }) {
  const edition = useEdition(editionId);
  return <AsyncContent query={edition}>{(data) => <Edition edition={data} />}</AsyncContent>;
}

function Edition({ edition }: { edition: TEdition }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const can = useCan();
  const coordinator = can('training.enrol');
  const participant = edition.myPlace?.status === 'confirmed';

  return (
    <>
      <PageHeading
        title={t('courses.editionTitle', {
          title: edition.courseTitle,
          dates: editionDates(edition, locale),
        })}
      >
        <p className="mb-2">
          {t(`enums.strand.${edition.strand}`)} · {t(`enums.editionPhase.${edition.phase}`)}
        </p>
        <div className="d-flex flex-wrap gap-3">
          <Link to="/training/courses/$courseId" params={{ courseId: edition.courseId }}>
            {t('courses.backToCourse', { title: edition.courseTitle })}
          </Link>
          <a href={downloads.calendar(edition.id)} download>
            {t('courses.calendarDownload')}
          </a>
        </div>
      </PageHeading>
      <Facts>
        <Fact label={t('courses.seats.label')}>
          <SeatsLabel edition={edition} />
        </Fact>
        <Fact label={t('courses.edition.registration')}>
          {t('courses.registrationWindow', {
            opens: formatDateTime(edition.registrationOpensAt, locale),
            closes: formatDateTime(edition.registrationClosesAt, locale),
          })}
        </Fact>
        <Fact label={t('courses.fields.hours')}>{hoursLabel(edition.hours, locale)}</Fact>
        <Fact label={t('courses.edition.confirmWithinHours')}>
          {t('courses.edition.confirmWithin', { count: edition.confirmWithinHours })}
        </Fact>
      </Facts>

      <section aria-labelledby="edition-sessions" className="mb-4">
        <h2 id="edition-sessions" className="h4">
          {t('courses.edition.sessions')}
        </h2>
        <DataTable caption={t('courses.sessionsCaption', { count: edition.sessions.length })}>
          <thead>
            <tr>
              <th scope="col">{t('courses.session.when')}</th>
              <th scope="col">{t('courses.edition.place')}</th>
              <th scope="col">{t('courses.session.hours')}</th>
              {edition.managed && <th scope="col">{t('courses.session.trainer')}</th>}
            </tr>
          </thead>
          <tbody>
            {edition.sessions.map((s, i) => (
              <tr key={s.id}>
                <td>
                  {formatDateTime(s.startsAt, locale)} – {formatDateTime(s.endsAt, locale)}
                </td>
                <td>
                  {s.place ?? ''}
                  {s.place && s.onlineLink ? ' · ' : ''}
                  {s.onlineLink && (
                    <a href={s.onlineLink} rel="noopener noreferrer" target="_blank">
                      {t('courses.session.online', { n: i + 1 })}
                    </a>
                  )}
                  {!s.place && !s.onlineLink ? '—' : null}
                </td>
                <td>{hoursLabel(s.hours, locale)}</td>
                {edition.managed && (
                  <td>
                    <div className="d-flex flex-wrap gap-2">
                      <SessionLink sessionId={s.id} editionId={edition.id} n={i + 1} />
                      <a href={downloads.signatureSheet(s.id)} download>
                        {t('courses.session.signatureSheet', { n: i + 1 })}
                      </a>
                    </div>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </DataTable>
      </section>

      {/* A course's own trainers run it: no request of a place for them. */}
      {!edition.managed && <MyPlacePanel edition={edition} />}
      {participant && <QuestionnaireLinks editionId={edition.id} />}
      {edition.strand === 'experiential' && (participant || edition.managed) && (
        <FieldLogPanel edition={edition} />
      )}
      {(edition.managed || can('training.dashboard')) && <CompetencePanel editionId={edition.id} />}
      {(edition.managed || coordinator) && <RegistrationsPanel edition={edition} coordinator={coordinator} />}
      {edition.managed && registrationOpen(edition) && <ExternalEnrolForm editionId={edition.id} />}
      {edition.managed && <CertificatesPanel editionId={edition.id} />}
    </>
  );
}

/** A confirmed participant's way to the questionnaire, before and after (when the course has one). */
function QuestionnaireLinks({ editionId }: { editionId: string }) {
  const { t } = useTranslation();
  const questionnaire = useEditionQuestionnaire(editionId);
  if (!questionnaire.isSuccess) return null;
  return (
    <section aria-labelledby="edition-questionnaire" className="mb-4">
      <h2 id="edition-questionnaire" className="h4">
        {t('courses.answer.sectionTitle')}
      </h2>
      <p>{t('courses.answer.sectionIntro')}</p>
      <div className="d-flex flex-wrap gap-3">
        <Link
          to="/training/editions/$editionId/questionnaire"
          params={{ editionId }}
          search={{ phase: 'pre' }}
        >
          {t('courses.answer.preTitle')}
        </Link>
        <Link
          to="/training/editions/$editionId/questionnaire"
          params={{ editionId }}
          search={{ phase: 'post' }}
        >
          {t('courses.answer.postTitle')}
        </Link>
      </div>
    </section>
  );
}
