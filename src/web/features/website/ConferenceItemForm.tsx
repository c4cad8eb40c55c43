import { useEffect, useRef, useState } from 'react';
import { Controller, type FieldError, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SITE_LANGUAGES } from '../../../contracts/website.js';
import {
  CONFERENCE_LIMITS,
  type TConferenceDetail,
  ZConferenceItemInputSchema,
} from '../../../contracts/website-conferences.js';
import { useLocale } from '../../i18n/index.js';
import { CheckboxGroup, FormActions, TextField } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { useConferenceItemSave } from './conference-api.js';
import { emptyItem, type ItemValues, itemToInput, itemToValues } from './conference-forms.js';
import { textAttrs, useLanguageInSentence } from './website-words.js';

type Item = TConferenceDetail['items'][number];
type Speaker = TConferenceDetail['speakers'][number];

const resolver = contractResolver<ItemValues>(ZConferenceItemInputSchema, itemToInput);
const MAX_SPEAKERS = CONFERENCE_LIMITS.speakersPerItem;
const OTHER_LANGUAGES = SITE_LANGUAGES.filter((lang) => lang !== 'it');

/**
 * An item of the programme, new or changed: its day and hours, its title in Italian (and in the
 * other languages if written: a language without one shows the Italian) and its speakers.
 */
export function ConferenceItemForm({
  pageId,
  item,
  speakers,
  onDone,
}: {
  pageId: string;
  item: Item | null;
  speakers: Speaker[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const inSentence = useLanguageInSentence();
  const save = useConferenceItemSave(pageId, item?.id ?? null);
  const heading = useRef<HTMLHeadingElement>(null);
  const form = useForm<ItemValues>({ resolver, defaultValues: item ? itemToValues(item) : emptyItem() });
  const { errors, isSubmitting } = form.formState;
  const otherErrors = OTHER_LANGUAGES.some((lang) => errors.titles?.[lang]);
  // Open from the start when the item already has titles in other languages.
  const [othersOpen, setOthersOpen] = useState(() =>
    OTHER_LANGUAGES.some((lang) => (item?.titles[lang] ?? '') !== ''),
  );
  const prefix = `site-conference-item-${item?.id ?? 'new'}`;

  useEffect(() => {
    heading.current?.focus();
  }, []);
  useEffect(() => {
    if (otherErrors) setOthersOpen(true);
  }, [otherErrors]);

  const submit = form.handleSubmit(async (values) => {
    save.reset();
    try {
      await save.mutateAsync(itemToInput(values));
      onDone();
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });
  const endsAfter = t('website.conference.programme.endsAfter');
  return (
    <section aria-labelledby={`${prefix}-title`} className="card shadow-sm p-3 p-md-4 my-4">
      <h4 id={`${prefix}-title`} ref={heading} tabIndex={-1} className="h6 mb-3">
        {item
          ? t('website.conference.programme.editTitle', { title: item.titles.it ?? '' })
          : t('website.conference.programme.add')}
      </h4>
      <form onSubmit={submit} noValidate>
        {save.error && Object.keys(errors).length === 0 ? <ActionProblem error={save.error} /> : null}
        <div className="row">
          <TextField
            id={`${prefix}-day`}
            className="col-md-4"
            type="date"
            label={t('website.conference.programme.day')}
            required
            error={fieldErrorText(t, errors.day)}
            {...form.register('day')}
          />
          <TextField
            id={`${prefix}-starts`}
            className="col-6 col-md-4"
            type="time"
            label={t('website.conference.programme.starts')}
            required
            error={fieldErrorText(t, errors.starts)}
            {...form.register('starts')}
          />
          <TextField
            id={`${prefix}-ends`}
            className="col-6 col-md-4"
            type="time"
            label={t('website.conference.programme.ends')}
            hint={t('website.conference.programme.endsHint')}
            error={fieldErrorText(t, errors.ends, endsAfter)}
            {...form.register('ends')}
          />
        </div>
        <TextField
          id={`${prefix}-title-it`}
          label={t('website.conference.programme.titleIt')}
          required
          autoComplete="off"
          maxLength={CONFERENCE_LIMITS.title}
          error={fieldErrorText(t, errors.titles?.it)}
          {...textAttrs('it')}
          {...form.register('titles.it')}
        />
        <details
          className="mb-4"
          open={othersOpen}
          onToggle={(event) => setOthersOpen(event.currentTarget.open)}
        >
          <summary className="mb-2">{t('website.conference.programme.otherTitles')}</summary>
          <p className="small">{t('website.conference.programme.otherTitlesHint')}</p>
          <div className="row">
            {OTHER_LANGUAGES.map((lang) => (
              <div key={lang} className="col-md-6">
                <TextField
                  id={`${prefix}-title-${lang}`}
                  label={t('website.conference.programme.titleIn', { language: inSentence(lang) })}
                  autoComplete="off"
                  maxLength={CONFERENCE_LIMITS.title}
                  error={fieldErrorText(t, errors.titles?.[lang])}
                  {...textAttrs(lang)}
                  {...form.register(`titles.${lang}`)}
                />
              </div>
            ))}
          </div>
        </details>
        {speakers.length === 0 ? (
          <p>{t('website.conference.programme.noSpeakers')}</p>
        ) : (
          <Controller
            control={form.control}
            name="speakerIds"
            render={({ field }) => (
              <CheckboxGroup
                id={`${prefix}-speakers`}
                legend={t('website.conference.programme.speakers')}
                hint={t('website.conference.programme.speakersHint', { max: MAX_SPEAKERS })}
                options={speakers.map((s) => ({
                  value: s.id,
                  label: s.name,
                  disabled: !field.value.includes(s.id) && field.value.length >= MAX_SPEAKERS,
                }))}
                value={field.value}
                onChange={field.onChange}
                error={fieldErrorText(t, errors.speakerIds as FieldError | undefined)}
              />
            )}
          />
        )}
        <FormActions>
          <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
            {t('website.conference.programme.save')}
          </button>
          <button
            type="button"
            className="btn btn-outline-secondary"
            onClick={() => {
              save.reset();
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
