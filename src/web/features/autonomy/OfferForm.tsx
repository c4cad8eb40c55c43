import { Controller, type FieldError, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type TOffer, ZOfferInputSchema } from '../../../contracts/autonomy.js';
import { useLocale } from '../../i18n/index.js';
import {
  CheckboxField,
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
import { MultiSelectField } from '../../ui/MultiSelectField.js';
import { HOLDER_CHOICE_SIZE, useHolders } from '../community/community-api.js';
import { useCommunityReference } from '../community/community-words.js';
import { useOfferSave } from './autonomy-catalogue-api.js';
import { type OfferValues, offerToInput, offerToValues } from './catalogue-forms.js';
import { useCatalogueWords } from './catalogue-words.js';

const shape = ZOfferInputSchema.shape;
const resolver = contractResolver<OfferValues>(ZOfferInputSchema, offerToInput);
const MAX_LANGUAGES = maxItemsOf(shape.languages);
const PLACES = rangeOf(shape.places);

/**
 * An offer of the catalogue: what it is (kind, topic), who runs it (a partner organisation or an
 * organisation of the community registry), in which languages, when and where, how many places,
 * what it asks first and what it costs. The places never go below the people already enrolled
 * (the server says so on the field).
 */
export function OfferForm({ offer, onDone }: { offer?: TOffer; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const words = useCatalogueWords();
  const reference = useCommunityReference();
  const holders = useHolders({}, HOLDER_CHOICE_SIZE);
  const save = useOfferSave(offer?.id ?? null);
  const form = useForm<OfferValues>({ resolver, defaultValues: offerToValues(offer) });
  const { register, control } = form;
  const { errors, isSubmitting } = form.formState;
  const providerIs = form.watch('providerIs');
  const id = (name: string) => `offer-${offer?.id ?? 'new'}-${name}`;
  const holderOptions = (holders.data?.items ?? [])
    .map((h) => ({ value: h.id, label: `${h.name} (${h.municipalityName})` }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
  const submit = form.handleSubmit(async (values) => {
    try {
      await save.mutateAsync(offerToInput(values));
      onDone(true);
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      {save.error && Object.keys(errors).length === 0 ? <ActionProblem error={save.error} /> : null}
      <TextField
        id={id('title')}
        label={t('autonomyCatalogue.offer.title')}
        required
        maxLength={maxLengthOf(shape.title)}
        error={fieldErrorText(t, errors.title)}
        {...register('title')}
      />
      <div className="row">
        <SelectField
          id={id('kind')}
          className="col-md-6"
          label={t('autonomyCatalogue.offer.kind')}
          placeholder={t('common.choose')}
          required
          options={words.options('offerKind')}
          error={fieldErrorText(t, errors.kind)}
          {...register('kind')}
        />
        <SelectField
          id={id('topic')}
          className="col-md-6"
          label={t('autonomyCatalogue.offer.topic')}
          placeholder={t('common.choose')}
          required
          options={words.options('offerTopic')}
          error={fieldErrorText(t, errors.topic)}
          {...register('topic')}
        />
      </div>
      <TextAreaField
        id={id('description')}
        label={t('autonomyCatalogue.offer.description')}
        rows={3}
        maxLength={maxLengthOf(shape.description)}
        error={fieldErrorText(t, errors.description)}
        {...register('description')}
      />
      <Controller
        control={control}
        name="providerIs"
        render={({ field }) => (
          <RadioGroup
            id={id('provider-is')}
            name={id('provider-is')}
            legend={t('autonomyCatalogue.offer.providerIs')}
            options={[
              { value: 'organisation', label: t('autonomyCatalogue.offer.providerOrganisation') },
              { value: 'holder', label: t('autonomyCatalogue.offer.providerHolder') },
            ]}
            value={field.value}
            onChange={field.onChange}
          />
        )}
      />
      {providerIs === 'organisation' ? (
        <SelectField
          id={id('provider-organisation')}
          label={t('autonomyCatalogue.offer.provider')}
          placeholder={t('common.choose')}
          required
          options={reference.organisationOptions}
          error={fieldErrorText(t, errors.providerOrganisationId)}
          {...register('providerOrganisationId')}
        />
      ) : (
        <SelectField
          id={id('provider-holder')}
          label={t('autonomyCatalogue.offer.provider')}
          hint={t('autonomyCatalogue.offer.providerHolderHint')}
          placeholder={t('common.choose')}
          required
          options={holderOptions}
          // The contract names the organisation when neither is given: said here, where the choice is.
          error={fieldErrorText(t, errors.providerHolderId ?? errors.providerOrganisationId)}
          {...register('providerHolderId')}
        />
      )}
      <Controller
        control={control}
        name="languages"
        render={({ field }) => (
          <MultiSelectField
            id={id('languages')}
            label={t('autonomyCatalogue.offer.languages')}
            hint={t('autonomyCatalogue.form.languagesHint', { max: MAX_LANGUAGES })}
            options={reference.languageOptions}
            value={field.value}
            onChange={field.onChange}
            max={MAX_LANGUAGES}
            texts={{
              chosen: t('autonomyCatalogue.form.languagesChosen'),
              remove: (label: string) => t('autonomyCatalogue.form.remove', { label }),
              matches: (count: number) => t('autonomyCatalogue.form.matches', { count }),
              noMatch: t('autonomyCatalogue.form.noMatch'),
            }}
            error={fieldErrorText(t, errors.languages as FieldError | undefined)}
          />
        )}
      />
      <div className="row">
        <TextField
          id={id('schedule')}
          className="col-md-6"
          label={t('autonomyCatalogue.offer.schedule')}
          hint={t('autonomyCatalogue.offer.scheduleHint')}
          maxLength={maxLengthOf(shape.schedule)}
          error={fieldErrorText(t, errors.schedule)}
          {...register('schedule')}
        />
        <SelectField
          id={id('municipality')}
          className="col-md-6"
          label={t('autonomyCatalogue.offer.municipality')}
          placeholder={t('autonomyCatalogue.offer.noMunicipality')}
          options={reference.municipalityOptions}
          error={fieldErrorText(t, errors.municipality)}
          {...register('municipality')}
        />
        <TextField
          id={id('starts-on')}
          className="col-md-6"
          type="date"
          label={t('autonomyCatalogue.offer.startsOn')}
          error={fieldErrorText(t, errors.startsOn)}
          {...register('startsOn')}
        />
        <TextField
          id={id('ends-on')}
          className="col-md-6"
          type="date"
          label={t('autonomyCatalogue.offer.endsOn')}
          error={fieldErrorText(t, errors.endsOn)}
          {...register('endsOn')}
        />
        <TextField
          id={id('places')}
          className="col-md-6"
          type="number"
          inputMode="numeric"
          label={t('autonomyCatalogue.offer.places')}
          hint={offer ? t('autonomyCatalogue.offer.placesHint', { count: offer.enrolled }) : undefined}
          required
          {...PLACES}
          error={fieldErrorText(t, errors.places)}
          {...register('places')}
        />
        <TextField
          id={id('cost')}
          className="col-md-6"
          inputMode="decimal"
          label={t('autonomyCatalogue.offer.cost')}
          hint={t('autonomyCatalogue.offer.costHint')}
          error={fieldErrorText(t, errors.costCents)}
          {...register('costCents')}
        />
      </div>
      <TextAreaField
        id={id('prerequisites')}
        label={t('autonomyCatalogue.offer.prerequisites')}
        rows={2}
        maxLength={maxLengthOf(shape.prerequisites)}
        error={fieldErrorText(t, errors.prerequisites)}
        {...register('prerequisites')}
      />
      <CheckboxField
        id={id('active')}
        label={t('autonomyCatalogue.offer.activeLabel')}
        hint={t('autonomyCatalogue.offer.activeHint')}
        {...register('active')}
      />
      <FormActions>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {t('common.save')}
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}
