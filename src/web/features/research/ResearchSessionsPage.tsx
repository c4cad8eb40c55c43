import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type TResearchSession, ZResearchNoteInputSchema } from '../../../contracts/case-services.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { FormActions, TextAreaField } from '../../ui/fields.js';
import { formatDateTime } from '../../ui/format.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { useAddResearchNote, useResearchSessions } from './research-api.js';

/**
 * The sessions the researcher took part in, by date and the case's research code, with the notes
 * they wrote: the family's names are replaced by research codes before a note is stored, and a
 * note is written only while the family's research consent is in force.
 */
export function ResearchSessionsPage() {
  const { t } = useTranslation();
  const sessions = useResearchSessions();
  return (
    <>
      <PageHeading title={t('researchSessions.title')}>
        <p className="mb-0">{t('researchSessions.intro')}</p>
      </PageHeading>
      <AsyncContent query={sessions}>
        {(items) =>
          items.length === 0 ? (
            <p>{t('researchSessions.empty')}</p>
          ) : (
            <ul className="list-unstyled">
              {items.map((s) => (
                <SessionCard key={s.id} session={s} />
              ))}
            </ul>
          )
        }
      </AsyncContent>
    </>
  );
}

function SessionCard({ session }: { session: TResearchSession }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const headingId = `research-session-${session.id}`;
  return (
    <li className="card mb-3">
      <section className="card-body" aria-labelledby={headingId}>
        <h2 id={headingId} className="h5">
          {t('researchSessions.sessionTitle', {
            kind: t(`enums.sessionKind.${session.kind}`),
            date: formatDateTime(session.startsAt, locale),
          })}
        </h2>
        <p className="mb-2">
          {t('researchSessions.caseCode', { code: session.caseCode })} ·{' '}
          {t(`researchSessions.status.${session.status}`)}
        </p>
        {session.notes.length === 0 ? (
          <p>{t('researchSessions.noNotes')}</p>
        ) : (
          session.notes.map((n) => (
            <blockquote key={n.id} className="border-start ps-3 mb-2">
              <p className="mb-1" style={{ whiteSpace: 'pre-wrap' }}>
                {n.body}
              </p>
              <footer className="small">{formatDateTime(n.writtenAt, locale)}</footer>
            </blockquote>
          ))
        )}
        {session.canWrite ? (
          <NoteForm session={session} />
        ) : (
          <p className="small mb-0">
            {session.status === 'held' ? t('researchSessions.noConsent') : t('researchSessions.notHeld')}
          </p>
        )}
      </section>
    </li>
  );
}

type Values = { body: string };
const resolver = contractResolver<Values>(ZResearchNoteInputSchema, (v) => ({ body: v.body }));

function NoteForm({ session }: { session: TResearchSession }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const add = useAddResearchNote(session.id);
  const [saved, setSaved] = useState(false);
  const form = useForm<Values>({ resolver, defaultValues: { body: '' } });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    setSaved(false);
    try {
      await add.mutateAsync(values);
      form.reset();
      setSaved(true);
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="mt-3">
      {add.error && Object.keys(errors).length === 0 ? <ActionProblem error={add.error} /> : null}
      <TextAreaField
        id={`research-note-${session.id}`}
        label={t('researchSessions.note')}
        hint={t('researchSessions.noteHint')}
        rows={4}
        required
        maxLength={maxLengthOf(ZResearchNoteInputSchema.shape.body)}
        error={fieldErrorText(t, errors.body)}
        {...form.register('body')}
      />
      <FormActions>
        <button type="submit" className="btn btn-primary btn-sm" disabled={isSubmitting}>
          {t('researchSessions.save')}
        </button>
      </FormActions>
      {saved && (
        <p role="status" className="small mt-1">
          {t('researchSessions.saved')}
        </p>
      )}
    </form>
  );
}
