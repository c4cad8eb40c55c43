import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ZEventInputSchema, ZEventUpdateSchema } from '../../../contracts/community.js';
import { useLocale } from '../../i18n/index.js';
import {
  CheckboxField,
  CheckboxGroup,
  FormActions,
  RadioGroup,
  SelectField,
  TextAreaField,
  TextField,
} from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { maxItemsOf, maxLengthOf, rangeOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { useCommunityWords } from '../community/community-words.js';
import { type EventValues, eventToInput, eventToUpdate, listError } from './event-form.js';
import { useEventKindOptions, useMunicipalityGroups } from './event-options.js';
import { usePublicLanguages } from './event-words.js';
import { HolderPicker } from './HolderPicker.js';
import { SessionRows } from './SessionRows.js';

const shape = ZEventInputSchema.shape;
const createResolver = contractResolver<EventValues>(ZEventInputSchema, eventToInput);
const updateResolver = contractResolver<EventValues>(ZEventUpdateSchema, eventToUpdate);

/**
 * A new event, or the changes to one. Its kind, comune, mediator and sessions are set when it is
 * created; afterwards its words, languages, topics, seats, co-organisers and publication change.
 */
export function EventForm({
  mode,
  defaultValues,
  holderNames,
  submitLabel,
  error,
  onSubmit,
  onCancel,
}: {
  mode: 'create' | 'edit';
  defaultValues: EventValues;
  holderNames?: Record<string, string>;
  submitLabel: string;
  error: unknown;
  onSubmit: (values: EventValues) => Promise<unknown>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const words = useCommunityWords();
  const kinds = useEventKindOptions();
  const { groups } = useMunicipalityGroups();
  const languages = usePublicLanguages();
  const creating = mode === 'create';
  const form = useForm<EventValues>({ resolver: creating ? createResolver : updateResolver, defaultValues });
  const { errors, isSubmitting } = form.formState;
  const { register } = form;

  const submit = form.handleSubmit(async (values) => {
    try {
      await onSubmit(values);
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      {error && Object.keys(errors).length === 0 ? <ActionProblem error={error} /> : null}
      {creating && (
        <Controller
          control={form.control}
          name="kind"
          render={({ field }) => (
            <RadioGroup
              id="event-kind"
              name="kind"
              legend={t('communityEvents.fields.kind')}
              hint={t('communityEvents.form.kindHint')}
              required
              inline={false}
              options={kinds}
              value={field.value}
              onChange={field.onChange}
              error={fieldErrorText(t, errors.kind)}
            />
          )}
        />
      )}
      <TextField
        id="event-title"
        label={t('communityEvents.fields.title')}
        required
        maxLength={maxLengthOf(shape.title)}
        error={fieldErrorText(t, errors.title)}
        {...register('title')}
      />
      <TextAreaField
        id="event-description"
        label={t('communityEvents.fields.description')}
        hint={t('communityEvents.form.descriptionHint')}
        maxLength={maxLengthOf(shape.description)}
        error={fieldErrorText(t, errors.description)}
        {...register('description')}
      />
      {creating && (
        <SelectField
          id="event-municipality"
          label={t('communityEvents.fields.municipality')}
          placeholder={t('common.choose')}
          required
          options={[]}
          groups={groups}
          error={fieldErrorText(t, errors.municipality)}
          {...register('municipality')}
        />
      )}
      <Controller
        control={form.control}
        name="languages"
        render={({ field }) => (
          <CheckboxGroup
            id="event-languages"
            legend={t('communityEvents.fields.languages')}
            hint={t('communityEvents.form.languagesHint')}
            required
            options={languages.options}
            value={field.value}
            onChange={field.onChange}
            error={fieldErrorText(
              t,
              listError(errors.languages),
              errors.languages ? t('communityEvents.form.languagesMissing') : undefined,
            )}
          />
        )}
      />
      <Controller
        control={form.control}
        name="topics"
        render={({ field }) => (
          <CheckboxGroup
            id="event-topics"
            legend={t('communityEvents.fields.topics')}
            options={words.options('needTopic')}
            value={field.value}
            onChange={field.onChange}
            error={fieldErrorText(t, listError(errors.topics))}
          />
        )}
      />
      <div className="row">
        <TextField
          id="event-capacity"
          className="col-md-4"
          type="number"
          inputMode="numeric"
          label={t('communityEvents.fields.capacity')}
          hint={t('communityEvents.form.capacityHint')}
          required
          {...rangeOf(shape.capacity)}
          error={fieldErrorText(t, errors.capacity)}
          {...register('capacity')}
        />
        {creating && (
          <SelectField
            id="event-mediator"
            className="col-md-8"
            label={t('communityEvents.fields.mediatorLanguage')}
            hint={t('communityEvents.form.mediatorHint')}
            placeholder={t('communityEvents.form.noMediator')}
            options={languages.allOptions}
            error={fieldErrorText(t, errors.mediatorLanguage)}
            {...register('mediatorLanguage')}
          />
        )}
      </div>
      <Controller
        control={form.control}
        name="coOrganiserIds"
        render={({ field }) => (
          <HolderPicker
            id="event-co-organisers"
            legend={t('communityEvents.fields.coOrganisers')}
            hint={t('communityEvents.form.coOrganisersHint')}
            value={field.value}
            onChange={field.onChange}
            max={maxItemsOf(shape.coOrganiserIds)}
            knownNames={holderNames}
            error={fieldErrorText(t, listError(errors.coOrganiserIds))}
          />
        )}
      />
      {creating && <SessionRows form={form} />}
      <CheckboxField
        id="event-published"
        label={t('communityEvents.fields.published')}
        hint={t('communityEvents.form.publishedHint')}
        {...register('published')}
      />
      <FormActions>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {submitLabel}
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}
