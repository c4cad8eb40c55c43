import { zodResolver } from '@hookform/resolvers/zod';
import { Link } from '@tanstack/react-router';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { NOTE_SECTIONS, type TSession, ZSessionNoteCreateSchema } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { useCan } from '../../session/session.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { Fact, Facts } from '../../ui/Facts.js';
import { FormActions, TextAreaField } from '../../ui/fields.js';
import { formatDateTime } from '../../ui/format.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { serverFieldError } from '../../ui/forms/server-errors.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { NotFoundPage } from '../errors/NotFoundPage.js';
import { useReferenceOptions } from '../households/reference-options.js';
import { CaseServiceSessionPractice } from './CaseServiceSessionPractice.js';
import { useSessionDetail, useSessionNoteAdd } from './cases-api.js';
import { Prose } from './SavedNote.js';

type TNoteSection = (typeof NOTE_SECTIONS)[number];

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
 * by this viewer is shown as sealed, never as empty. A section not written yet that this viewer
 * may write (`writableSections`: the session's mediator, the mediation note) can be written once.
 */
function SessionView({ session }: { session: TSession }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const can = useCan();
  const { languageName } = useReferenceOptions();
  // The section just written: its heading takes the focus, since the form that was used is gone.
  const [written, setWritten] = useState<TNoteSection | null>(null);
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
      {/* As it happened (issue 22): status, note history, outside participants; the team and supervisor only. */}
      {can('cases.read') && <CaseServiceSessionPractice session={session} />}
      <section aria-labelledby="notes-heading">
        <h2 id="notes-heading" className="h4">
          {t('sessions.detail.notes')}
        </h2>
        {NOTE_SECTIONS.map((section) => {
          const notes = session.notes.filter((n) => n.section === section);
          const sealed = session.sealedSections.includes(section);
          const writable = session.writableSections.includes(section);
          return (
            <section key={section} aria-labelledby={`note-${section}-heading`} className="mb-4">
              <SectionHeading section={section} focus={written === section}>
                {sealed && <span className="badge bg-secondary ms-2">{t('sessions.detail.sealed')}</span>}
              </SectionHeading>
              {written === section && (
                <p role="status" className="text-success fw-semibold">
                  {t('sessions.detail.noteSaved')}
                </p>
              )}
              {sealed ? (
                <p className="fst-italic">{t('sessions.detail.sealedNote')}</p>
              ) : notes.length === 0 ? (
                writable ? (
                  <NoteWriter session={session} section={section} onWritten={() => setWritten(section)} />
                ) : (
                  <p>{t('sessions.detail.noNote')}</p>
                )
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

function SectionHeading({
  section,
  focus,
  children,
}: {
  section: TNoteSection;
  focus: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <h3 id={`note-${section}-heading`} ref={ref} tabIndex={-1} className="h5">
      {t(`enums.noteSection.${section}`)}
      {children}
    </h3>
  );
}

/**
 * Writing a section left empty: once saved it is kept as written, with the session's other notes,
 * and read by that section's readers only.
 */
function NoteWriter({
  session,
  section,
  onWritten,
}: {
  session: TSession;
  section: TNoteSection;
  onWritten: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const add = useSessionNoteAdd(session.id);
  const [open, setOpen] = useState(false);
  const form = useForm({
    resolver: zodResolver(ZSessionNoteCreateSchema),
    defaultValues: { section, body: '' },
  });
  useEffect(() => {
    if (open) form.setFocus('body');
  }, [open, form]);

  if (!open)
    return (
      <>
        <p>{t('sessions.detail.noNote')}</p>
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setOpen(true)}>
          {t('sessions.detail.write', { section: t(`enums.noteSection.${section}`) })}
        </button>
      </>
    );

  const bodyError =
    fieldErrorText(t, form.formState.errors.body) ?? serverFieldError(add.error, locale, 'body');
  return (
    <form
      noValidate
      className="card shadow-sm p-4 my-3"
      onSubmit={form.handleSubmit((body) => add.mutate(body, { onSuccess: onWritten }))}
    >
      {add.error && !serverFieldError(add.error, locale, 'body') ? <ActionProblem error={add.error} /> : null}
      <TextAreaField
        id={`note-${section}-body`}
        label={t(`enums.noteSection.${section}`)}
        hint={t('sessions.detail.writeHint', {
          audience: t(`sessions.form.noteAudience.${section}`),
        })}
        required
        rows={8}
        maxLength={maxLengthOf(ZSessionNoteCreateSchema.shape.body)}
        error={bodyError}
        {...form.register('body')}
      />
      <FormActions>
        <button type="submit" className="btn btn-primary btn-sm" disabled={add.isPending}>
          {t('sessions.detail.writeSubmit')}
        </button>
        <button
          type="button"
          className="btn btn-outline-secondary btn-sm"
          onClick={() => {
            add.reset();
            setOpen(false);
          }}
        >
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}
