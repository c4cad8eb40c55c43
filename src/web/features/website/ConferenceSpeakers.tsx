import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  type TConferenceDetail,
  ZConferenceSpeakerInputSchema,
} from '../../../contracts/website-conferences.js';
import { useLocale } from '../../i18n/index.js';
import { ConfirmPanel } from '../../ui/ConfirmPanel.js';
import { CheckboxField, FormActions, TextField } from '../../ui/fields.js';
import { formatDateTime } from '../../ui/format.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { useSpeakerAdd, useSpeakerDelete } from './conference-api.js';
import { emptySpeaker, type SpeakerValues, speakerToInput } from './conference-forms.js';

type Speaker = TConferenceDetail['speakers'][number];

const shape = ZConferenceSpeakerInputSchema.shape;
const resolver = contractResolver<SpeakerValues>(ZConferenceSpeakerInputSchema, speakerToInput);

/** The speakers, each listed only with their consent to appear on the site with name and role. */
export function ConferenceSpeakers({ pageId, speakers }: { pageId: string; speakers: Speaker[] }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  return (
    <section aria-labelledby="site-conference-speakers-heading" className="mb-5">
      <h3 id="site-conference-speakers-heading" className="h5">
        {t('website.conference.speakers.title')}
      </h3>
      <p>{t('website.conference.speakers.intro')}</p>
      {speakers.length === 0 ? (
        <p>{t('website.conference.speakers.empty')}</p>
      ) : (
        <SpeakerList pageId={pageId} speakers={speakers} />
      )}
      {adding ? (
        <SpeakerForm pageId={pageId} onDone={() => setAdding(false)} />
      ) : (
        <button type="button" className="btn btn-outline-primary" onClick={() => setAdding(true)}>
          {t('website.conference.speakers.add')}
        </button>
      )}
    </section>
  );
}

function SpeakerList({ pageId, speakers }: { pageId: string; speakers: Speaker[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const remove = useSpeakerDelete(pageId);
  const [confirming, setConfirming] = useState<Speaker | null>(null);
  return (
    <>
      <ul className="list-unstyled mb-3">
        {speakers.map((s) => (
          <li key={s.id} className="border-bottom py-2 d-flex flex-wrap align-items-start gap-2">
            <div className="flex-grow-1 text-break">
              <span className="d-block fw-semibold">{s.name}</span>
              {s.role && <span className="d-block">{s.role}</span>}
              <span className="d-block small">
                {t('website.conference.speakers.consentLine', {
                  note: s.consentNote,
                  by: s.consentRecordedBy,
                  at: formatDateTime(s.consentRecordedAt, locale),
                })}
              </span>
            </div>
            <button
              type="button"
              className="btn btn-outline-danger btn-sm"
              disabled={remove.isPending}
              onClick={() => {
                remove.reset();
                setConfirming(s);
              }}
            >
              {t('website.conference.speakers.delete')}
              <span className="visually-hidden"> {s.name}</span>
            </button>
          </li>
        ))}
      </ul>
      {remove.error ? <ActionProblem error={remove.error} className="mb-3" /> : null}
      {confirming && (
        <ConfirmPanel
          className="mb-3"
          message={t('website.conference.speakers.confirmDelete', { name: confirming.name })}
          confirmLabel={t('website.conference.speakers.delete')}
          pending={remove.isPending}
          onConfirm={() => remove.mutate(confirming.id, { onSuccess: () => setConfirming(null) })}
          onCancel={() => setConfirming(null)}
        />
      )}
    </>
  );
}

/** A new speaker: name, role as they want it shown, and the consent they gave, with how they gave it. */
function SpeakerForm({ pageId, onDone }: { pageId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const add = useSpeakerAdd(pageId);
  const heading = useRef<HTMLHeadingElement>(null);
  const form = useForm<SpeakerValues>({ resolver, defaultValues: emptySpeaker() });
  const { errors, isSubmitting } = form.formState;
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const submit = form.handleSubmit(async (values) => {
    add.reset();
    try {
      await add.mutateAsync(speakerToInput(values));
      onDone();
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });
  const noteHint = t('website.conference.speakers.consentNoteHint');
  return (
    <section aria-labelledby="site-conference-speaker-new-title" className="card shadow-sm p-3 p-md-4 my-4">
      <h4 id="site-conference-speaker-new-title" ref={heading} tabIndex={-1} className="h6 mb-3">
        {t('website.conference.speakers.add')}
      </h4>
      <form onSubmit={submit} noValidate>
        {add.error && Object.keys(errors).length === 0 ? <ActionProblem error={add.error} /> : null}
        <TextField
          id="site-conference-speaker-name"
          label={t('website.conference.speakers.name')}
          required
          autoComplete="off"
          maxLength={maxLengthOf(shape.name)}
          error={fieldErrorText(t, errors.name)}
          {...form.register('name')}
        />
        <TextField
          id="site-conference-speaker-role"
          label={t('website.conference.speakers.role')}
          hint={t('website.conference.speakers.roleHint')}
          autoComplete="off"
          maxLength={maxLengthOf(shape.role)}
          error={fieldErrorText(t, errors.role)}
          {...form.register('role')}
        />
        <CheckboxField
          id="site-conference-speaker-consent"
          label={t('website.conference.speakers.consent')}
          required
          error={fieldErrorText(t, errors.consent, t('website.conference.speakers.consentRequired'))}
          {...form.register('consent')}
        />
        <TextField
          id="site-conference-speaker-consent-note"
          label={t('website.conference.speakers.consentNote')}
          hint={noteHint}
          required
          autoComplete="off"
          maxLength={maxLengthOf(shape.consentNote)}
          error={fieldErrorText(t, errors.consentNote)}
          {...form.register('consentNote')}
        />
        <FormActions>
          <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
            {t('website.conference.speakers.save')}
          </button>
          <button
            type="button"
            className="btn btn-outline-secondary"
            onClick={() => {
              add.reset();
              onDone();
            }}
          >
            {t('common.cancel')}
          </button>
        </FormActions>
      </form>
    </section>
  );
}
