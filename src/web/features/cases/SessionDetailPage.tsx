import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { NOTE_SECTIONS, type TSession } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { useCan } from '../../session/session.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { Fact, Facts } from '../../ui/Facts.js';
import { formatDateTime } from '../../ui/format.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { NotFoundPage } from '../errors/NotFoundPage.js';
import { useReferenceOptions } from '../households/reference-options.js';
import { useSessionDetail } from './cases-api.js';
import { Prose } from './SavedNote.js';

export function SessionDetailPage({ sessionId }: { sessionId: string }) {
  const session = useSessionDetail(sessionId);
  return (
    <AsyncContent query={session} notFound={<NotFoundPage />}>
      {(data) => <SessionView session={data} />}
    </AsyncContent>
  );
}

/**
 * A session and its notes. Each note section has its readers: a section written but not readable
 * by this viewer is shown as sealed, never as empty.
 */
function SessionView({ session }: { session: TSession }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const can = useCan();
  const { languageName } = useReferenceOptions();
  const title = t('sessions.detail.title', {
    kind: t(`enums.sessionKind.${session.kind}`),
    date: formatDateTime(session.startsAt, locale),
  });

  return (
    <>
      <p className="mb-2">
        {can('cases.read') ? (
          <Link to="/cases/$caseId" params={{ caseId: session.caseId }} search={{ tab: 'sessions' }}>
            {t('sessions.detail.backToCase')}
          </Link>
        ) : (
          <Link to="/my-sessions">{t('sessions.detail.backToMine')}</Link>
        )}
      </p>
      <PageHeading title={title} />
      <Facts>
        <Fact label={t('sessions.fields.kind')}>{t(`enums.sessionKind.${session.kind}`)}</Fact>
        <Fact label={t('sessions.fields.startsAt')}>{formatDateTime(session.startsAt, locale)}</Fact>
        <Fact label={t('sessions.fields.duration')}>
          {t('sessions.minutes', { count: session.durationMinutes })}
        </Fact>
        <Fact label={t('sessions.fields.place')}>{t(`enums.place.${session.place}`)}</Fact>
        <Fact label={t('sessions.fields.language')}>
          {session.language ? languageName(session.language) : '—'}
        </Fact>
        <Fact label={t('sessions.fields.mediator')}>{session.mediator?.displayName ?? '—'}</Fact>
        <Fact label={t('sessions.fields.staff')}>
          {session.staff.map((s) => s.displayName).join(', ') || '—'}
        </Fact>
        <Fact label={t('sessions.fields.people')}>
          {session.people.map((p) => p.givenName).join(', ') || '—'}
        </Fact>
      </Facts>
      <section aria-labelledby="notes-heading">
        <h2 id="notes-heading" className="h4">
          {t('sessions.detail.notes')}
        </h2>
        {NOTE_SECTIONS.map((section) => {
          const notes = session.notes.filter((n) => n.section === section);
          const sealed = session.sealedSections.includes(section);
          return (
            <section key={section} aria-labelledby={`note-${section}-heading`} className="mb-4">
              <h3 id={`note-${section}-heading`} className="h5">
                {t(`enums.noteSection.${section}`)}
                {sealed && <span className="badge bg-secondary ms-2">{t('sessions.detail.sealed')}</span>}
              </h3>
              {sealed ? (
                <p className="fst-italic">{t('sessions.detail.sealedNote')}</p>
              ) : notes.length === 0 ? (
                <p>{t('sessions.detail.noNote')}</p>
              ) : (
                notes.map((note) => (
                  <article key={`${note.author}-${note.createdAt}`} className="border-start ps-3 mb-3">
                    <p className="small mb-1">
                      {t('sessions.detail.by', {
                        author: note.author,
                        date: formatDateTime(note.createdAt, locale),
                      })}
                    </p>
                    <Prose text={note.body} />
                  </article>
                ))
              )}
            </section>
          );
        })}
      </section>
    </>
  );
}
