import { Controller, type FieldError, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  CASE_ROLES,
  GENDERS,
  IDENTIFIER_TYPES,
  MEDIATOR_GENDERS,
  RELATIONSHIPS,
  ZPersonInputSchema,
} from '../../../contracts/index.js';
import { CheckboxField, SelectField, TextField } from '../../ui/fields.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { maxItemsOf, maxLengthOf, rangeOf } from '../../ui/forms/limits.js';
import { MultiSelectField } from '../../ui/MultiSelectField.js';
import type { PeopleFormValues } from './person-form.js';
import { useReferenceOptions } from './reference-options.js';

const MAX_LANGUAGES = maxItemsOf(ZPersonInputSchema.shape.languages);

/**
 * The fields of one person, at `members.<index>` of a household, "add a member" or correction form.
 * A correction leaves out the at-risk mark: changing it needs a reason (AtRiskPanel).
 */
export function PersonFields({
  form,
  index,
  idPrefix,
  withAtRisk = true,
  withLivesElsewhere = false,
}: {
  form: UseFormReturn<PeopleFormValues>;
  index: number;
  idPrefix: string;
  withAtRisk?: boolean;
  /** A relative or significant adult of the family network who lives in another home (issue 15). */
  withLivesElsewhere?: boolean;
}) {
  const { t } = useTranslation();
  const { countryOptions, languageOptions, municipalityGroups } = useReferenceOptions();
  const { register, control, watch } = form;
  const errors = form.formState.errors.members?.[index];
  const options = (codes: readonly string[], prefix: string) =>
    codes.map((code) => ({ value: code, label: t(`${prefix}.${code}`) }));
  const identifierType = watch(`members.${index}.identifierType`);
  const spoken = watch(`members.${index}.languages`);

  return (
    <>
      <div className="row">
        <TextField
          id={`${idPrefix}-given-name`}
          className="col-md-6"
          label={t('households.person.givenName')}
          autoComplete="off"
          required
          maxLength={maxLengthOf(ZPersonInputSchema.shape.givenName)}
          error={fieldErrorText(t, errors?.givenName)}
          {...register(`members.${index}.givenName`)}
        />
        <TextField
          id={`${idPrefix}-family-name`}
          className="col-md-6"
          label={t('households.person.familyName')}
          autoComplete="off"
          required
          maxLength={maxLengthOf(ZPersonInputSchema.shape.familyName)}
          error={fieldErrorText(t, errors?.familyName)}
          {...register(`members.${index}.familyName`)}
        />
      </div>
      <div className="row">
        <SelectField
          id={`${idPrefix}-relationship`}
          className="col-md-6"
          label={t('households.person.relationship')}
          placeholder={t('common.choose')}
          options={options(RELATIONSHIPS, 'enums.relationship')}
          required
          error={fieldErrorText(t, errors?.relationship)}
          {...register(`members.${index}.relationship`)}
        />
        <SelectField
          id={`${idPrefix}-case-role`}
          className="col-md-6"
          label={t('households.person.caseRole')}
          placeholder={t('common.choose')}
          options={options(CASE_ROLES, 'enums.caseRole')}
          required
          error={fieldErrorText(t, errors?.caseRole)}
          {...register(`members.${index}.caseRole`)}
        />
      </div>
      <div className="row">
        <SelectField
          id={`${idPrefix}-gender`}
          className="col-md-4"
          label={t('households.person.gender')}
          placeholder={t('common.choose')}
          options={options(GENDERS, 'enums.gender')}
          required
          error={fieldErrorText(t, errors?.gender)}
          {...register(`members.${index}.gender`)}
        />
        <TextField
          id={`${idPrefix}-birth-year`}
          className="col-md-4"
          type="number"
          inputMode="numeric"
          min={rangeOf(ZPersonInputSchema.shape.birthYear).min}
          max={new Date().getFullYear()}
          label={t('households.person.birthYear')}
          hint={t('households.person.birthYearHint')}
          error={fieldErrorText(t, errors?.birthYear, t('households.person.birthYearHint'))}
          {...register(`members.${index}.birthYear`)}
        />
        <TextField
          id={`${idPrefix}-birth-date`}
          className="col-md-4"
          type="date"
          label={t('households.person.birthDate')}
          hint={t('households.person.birthDateHint')}
          error={fieldErrorText(t, errors?.birthDate, t('households.person.birthDateHint'))}
          {...register(`members.${index}.birthDate`)}
        />
      </div>
      <div className="row">
        <SelectField
          id={`${idPrefix}-citizenship`}
          className="col-md-6"
          label={t('households.person.citizenship')}
          placeholder={t('households.person.notStated')}
          options={countryOptions}
          error={fieldErrorText(t, errors?.citizenship)}
          {...register(`members.${index}.citizenship`)}
        />
        <SelectField
          id={`${idPrefix}-municipality`}
          className="col-md-6"
          label={t('households.person.municipality')}
          placeholder={t('households.person.notStated')}
          options={[]}
          groups={municipalityGroups}
          error={fieldErrorText(t, errors?.municipality)}
          {...register(`members.${index}.municipality`)}
        />
      </div>
      <div className="row">
        <SelectField
          id={`${idPrefix}-identifier-type`}
          className="col-md-6"
          label={t('households.person.identifierType')}
          options={options(IDENTIFIER_TYPES, 'enums.identifierType')}
          error={fieldErrorText(t, errors?.identifierType)}
          {...register(`members.${index}.identifierType`)}
        />
        {identifierType !== 'none' && (
          <TextField
            id={`${idPrefix}-identifier`}
            className="col-md-6"
            label={t('households.person.identifier')}
            hint={t(`households.person.identifierHint.${identifierType}`)}
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="characters"
            required
            maxLength={16}
            error={fieldErrorText(t, errors?.identifier, t('households.person.identifierInvalid'))}
            {...register(`members.${index}.identifier`)}
          />
        )}
      </div>
      <Controller
        control={control}
        name={`members.${index}.languages`}
        render={({ field }) => (
          <MultiSelectField
            id={`${idPrefix}-languages`}
            label={t('households.person.languages')}
            hint={t('households.person.languagesHint', { max: MAX_LANGUAGES })}
            options={languageOptions}
            value={field.value}
            onChange={field.onChange}
            max={MAX_LANGUAGES}
            texts={{
              chosen: t('households.person.languagesChosen'),
              remove: (language) => t('households.person.languageRemove', { language }),
              matches: (count) => t('households.person.languagesMatches', { count }),
              noMatch: t('households.person.languagesNoMatch'),
            }}
            error={fieldErrorText(
              t,
              errors?.languages as FieldError | undefined,
              t('households.person.languagesHint', { max: MAX_LANGUAGES }),
            )}
          />
        )}
      />
      <div className="row">
        <SelectField
          id={`${idPrefix}-preferred-language`}
          className="col-md-6"
          label={t('households.person.preferredLanguage')}
          hint={t('households.person.preferredLanguageHint')}
          placeholder={t('households.person.notStated')}
          options={languageOptions.filter((o) => spoken.includes(o.value))}
          error={fieldErrorText(t, errors?.preferredLanguage)}
          {...register(`members.${index}.preferredLanguage`)}
        />
        <SelectField
          id={`${idPrefix}-mediator-gender`}
          className="col-md-6"
          label={t('households.person.preferredMediatorGender')}
          options={options(MEDIATOR_GENDERS, 'enums.mediatorGender')}
          error={fieldErrorText(t, errors?.preferredMediatorGender)}
          {...register(`members.${index}.preferredMediatorGender`)}
        />
      </div>
      <CheckboxField
        id={`${idPrefix}-interpreter`}
        label={t('households.person.interpreterNeeded')}
        error={fieldErrorText(t, errors?.interpreterNeeded)}
        {...register(`members.${index}.interpreterNeeded`)}
      />
      {withLivesElsewhere && (
        <CheckboxField
          id={`${idPrefix}-lives-elsewhere`}
          label={t('householdFamily.person.livesElsewhere')}
          hint={t('householdFamily.person.livesElsewhereHint')}
          error={fieldErrorText(t, errors?.livesElsewhere)}
          {...register(`members.${index}.livesElsewhere`)}
        />
      )}
      {withAtRisk && (
        <CheckboxField
          id={`${idPrefix}-at-risk`}
          label={t('households.person.atRisk')}
          hint={t('households.person.atRiskHint')}
          error={fieldErrorText(t, errors?.atRisk)}
          {...register(`members.${index}.atRisk`)}
        />
      )}
    </>
  );
}
