import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  type TSessionPractice,
  ZSessionNoteEditSchema,
  ZSessionStatusChangeSchema,
} from '../../../contracts/case-services.js';
import type { TSession } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { FormActions, TextAreaField } from '../../ui/fields.js';
import { formatDateTime } from '../../ui/format.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { ReasonForm } from '../../ui/forms/ReasonForm.js';
import { serverFieldError } from '../../ui/forms/server-errors.js';
import { CaseServiceOutsideParticipants } from './CaseServiceOutsideParticipants.js';
import { useSessionPractice, useSessionPracticeMutations } from './case-services-api.js';
import { Prose } from './SavedNote.js';

/**
 * A session as it happened (issue 22, item 4): marked held, cancelled or missed; its notes edited
 * with the earlier texts kept and shown; outside participants. For the case's team and supervisor.
 */
export function CaseServiceSessionPractice({ session }: { session: TSession }) {
  const practice = useSessionPractice(session.id);
  return (
    <AsyncContent query={practice}>
      {(data) => <PracticeView session={session} practice={data} />}
    </AsyncContent>
  );
}

function PracticeView({ session, practice }: { session: TSession; practice: TSessionPractice }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { status } = useSessionPracticeMutations(session.id, session.caseId);
  const [asking, setAsking] = useState<'cancelled' | 'missed' | null>(null);
  const past = new Date(session.startsAt) <= new Date();
  const mark = (next: TSessionPractice['status'], reason?: string) =>
    status.mutate({ status: next, ...(reason ? { reason } : {}) }, { onSuccess: () => setAsking(null) });

  return (
    <>
      <section aria-labelledby="session-status-heading" className="mb-4">
        <h2 id="session-status-heading" className="h4">
          {t('caseServices.session.statusHeading')}
        </h2>
        <p role="status">
          {t(`caseServices.session.status.${practice.status}`)}
          {practice.statusReason ? ` — ${practice.statusReason}` : ''}
          {practice.heldAt
            ? ` (${t('caseServices.session.markedAt', { date: formatDateTime(practice.heldAt, locale) })})`
            : ''}
        </p>
        {practice.canWrite && !asking && (
          <div className="d-flex flex-wrap gap-2">
            {practice.status !== 'held' && past && (
              <button type="button" className="btn btn-primary btn-sm" onClick={() => mark('held')}>
                {t('caseServices.session.markHeld')}
              </button>
            )}
            {practice.status !== 'cancelled' && (
              <button
                type="button"
                className="btn btn-outline-secondary btn-sm"
                onClick={() => setAsking('cancelled')}
              >
                {t('caseServices.session.markCancelled')}
              </button>
            )}
            {practice.status !== 'missed' && past && (
              <button
                type="button"
                className="btn btn-outline-secondary btn-sm"
                onClick={() => setAsking('missed')}
              >
                {t('caseServices.session.markMissed')}
              </button>
            )}
            {practice.status !== 'scheduled' && !past && (
              <button
                type="button"
                className="btn btn-outline-secondary btn-sm"
                onClick={() => mark('scheduled')}
              >
                {t('caseServices.session.markScheduled')}
              </button>
            )}
          </div>
        )}
        {!asking && status.error ? <ActionProblem error={status.error} /> : null}
        {asking && (
          <ReasonForm
            id="session-status-reason"
            label={t(`caseServices.session.reason.${asking}`)}
            schema={ZSessionStatusChangeSchema.shape.reason}
            submitLabel={t(`caseServices.session.confirm.${asking}`)}
            tone="primary"
            pending={status.isPending}
            error={status.error}
            onSubmit={(reason) => mark(asking, reason)}
            onCancel={() => {
              status.reset();
              setAsking(null);
            }}
          />
        )}
      </section>
      {practice.canWrite && session.notes.length > 0 && <NoteEditor session={session} />}
      {practice.noteHistory.length > 0 && (
        <section aria-labelledby="note-history-heading" className="mb-4">
          <h2 id="note-history-heading" className="h4">
            {t('caseServices.session.historyHeading')}
          </h2>
          {practice.noteHistory.map((v) => (
            <article key={`${v.section}-${v.editedAt}`} className="border-start ps-3 mb-3">
              <p className="small mb-1">
                {t('caseServices.session.versionBy', {
                  section: t(`enums.noteSection.${v.section}`),
                  who: v.editedBy,
                  date: formatDateTime(v.editedAt, locale),
                })}
              </p>
              <Prose text={v.body} />
            </article>
          ))}
        </section>
      )}
      <CaseServiceOutsideParticipants session={session} practice={practice} />
    </>
  );
}

/** Editing a note already written: the text it had is kept in its history. */
function NoteEditor({ session }: { session: TSession }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { editNote } = useSessionPracticeMutations(session.id, session.caseId);
  const [section, setSection] = useState<TSession['notes'][number]['section'] | null>(null);
  const [saved, setSaved] = useState(false);
  const form = useForm({
    resolver: zodResolver(ZSessionNoteEditSchema),
    defaultValues: { section: 'social' as const, body: '' },
  });
  const open = (note: TSession['notes'][number]) => {
    setSaved(false);
    editNote.reset();
    form.reset({ section: note.section, body: note.body });
    setSection(note.section);
  };
  const bodyError =
    fieldErrorText(t, form.formState.errors.body) ?? serverFieldError(editNote.error, locale, 'body');
  return (
    <section aria-labelledby="note-edit-heading" className="mb-4">
      <h2 id="note-edit-heading" className="h4">
        {t('caseServices.session.editHeading')}
      </h2>
      <div role="status">
        {saved && <p className="text-success fw-semibold">{t('caseServices.session.edited')}</p>}
      </div>
      {section === null ? (
        <div className="d-flex flex-wrap gap-2">
          {session.notes.map((note) => (
            <button
              key={note.section}
              type="button"
              className="btn btn-outline-primary btn-sm"
              onClick={() => open(note)}
            >
              {t('caseServices.session.edit', { section: t(`enums.noteSection.${note.section}`) })}
            </button>
          ))}
        </div>
      ) : (
        <form
          noValidate
          className="card shadow-sm p-4 my-3"
          onSubmit={form.handleSubmit((body) =>
            editNote.mutate(body, {
              onSuccess: () => {
                setSection(null);
                setSaved(true);
              },
            }),
          )}
        >
          {editNote.error && !serverFieldError(editNote.error, locale, 'body') ? (
            <ActionProblem error={editNote.error} />
          ) : null}
          <TextAreaField
            id="note-edit-body"
            label={t(`enums.noteSection.${section}`)}
            hint={t('caseServices.session.editHint')}
            required
            rows={8}
            maxLength={maxLengthOf(ZSessionNoteEditSchema.shape.body)}
            error={bodyError}
            {...form.register('body')}
          />
          <FormActions>
            <button type="submit" className="btn btn-primary btn-sm" disabled={editNote.isPending}>
              {t('caseServices.session.saveEdit')}
            </button>
            <button
              type="button"
              className="btn btn-outline-secondary btn-sm"
              onClick={() => setSection(null)}
            >
              {t('common.cancel')}
            </button>
          </FormActions>
        </form>
      )}
    </section>
  );
}
