import { type Control, Controller, type UseFormRegister, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  AGE_BANDS,
  ageBandOf,
  GENDERS,
  type TIncident,
  YEARS_IN_ITALY,
  YES_NO_UNKNOWN,
  ZIncidentInputSchema,
} from '../../../contracts/index.js';
import { RadioGroup, SelectField, TextField } from '../../ui/fields.js';
import { rangeOf } from '../../ui/forms/limits.js';
import { IncidentSection } from './IncidentSection.js';
import type { IncidentFormOptions } from './incident-form-options.js';
import { asksAgeBand, type IncidentFormValues } from './incident-form-values.js';

const { min: AGE_MIN = 0, max: AGE_MAX = 120 } = rangeOf(ZIncidentInputSchema.shape.age);

/** Who the survivor is, as far as the record needs: no name, a code kept by the service. */
export function IncidentSurvivorSection({
  incident,
  ageNeverAsked = false,
  register,
  control,
  errorOf,
  lists,
}: {
  incident: TIncident | null;
  /** A recorded incident from before the age was asked: a correction may leave it out. */
  ageNeverAsked?: boolean;
  register: UseFormRegister<IncidentFormValues>;
  control: Control<IncidentFormValues>;
  errorOf: (field: string) => string | undefined;
  lists: IncidentFormOptions;
}) {
  const { t } = useTranslation();
  const { options, yesNoOptions, countryOptions, languageOptions } = lists;
  const interpreterNeeded = useWatch({ control, name: 'interpreterNeeded' });
  const [age, birthYear, ageBand] = useWatch({ control, name: ['age', 'birthYear', 'ageBand'] });
  const ageNumber = age.trim() === '' ? null : Number(age);
  const knownAge =
    ageNumber !== null && Number.isInteger(ageNumber) && ageNumber >= AGE_MIN && ageNumber <= AGE_MAX;
  const bandAsked = asksAgeBand({ age, birthYear, ageBand });
  return (
    <IncidentSection id="survivor" title={t('incidents.form.sections.survivor')}>
      <div className="row">
        <TextField
          id="incident-survivor-reference"
          className="col-md-6"
          label={t('incidents.form.survivorReference')}
          hint={
            incident?.survivorCode
              ? t('incidents.form.survivorCodeNow', { code: incident.survivorCode })
              : t('incidents.form.survivorReferenceHint')
          }
          autoComplete="off"
          spellCheck={false}
          maxLength={40}
          required={!incident?.survivorCode}
          error={errorOf('survivorReference')}
          {...register('survivorReference')}
        />
      </div>
      {/* One of the two is required: the age at the incident, else the year of birth (and then the band).
          A record made before they were asked keeps its band and may be corrected without them. */}
      <fieldset className="mb-2" aria-describedby="incident-age-or-birth-year-hint">
        <legend className="h6 fw-semibold text-body mb-1 px-0">
          {t('incidents.form.ageOrBirthYear')}
          {ageNeverAsked ? '' : ' *'}
        </legend>
        <p id="incident-age-or-birth-year-hint" className="form-text mb-3">
          {ageNeverAsked ? t('incidents.form.notAskedWhenRecorded') : t('incidents.form.ageOrBirthYearHint')}
        </p>
        <div className="row">
          <TextField
            id="incident-age"
            className="col-md-4"
            type="number"
            inputMode="numeric"
            min={AGE_MIN}
            max={AGE_MAX}
            label={t('incidents.form.age')}
            hint={
              knownAge
                ? t('incidents.form.ageBandFromAge', { band: t(`enums.ageBand.${ageBandOf(ageNumber)}`) })
                : t('incidents.form.ageHint')
            }
            error={errorOf('age')}
            {...register('age')}
          />
          <TextField
            id="incident-birth-year"
            className="col-md-4"
            type="number"
            inputMode="numeric"
            min={rangeOf(ZIncidentInputSchema.shape.birthYear).min}
            max={new Date().getFullYear()}
            label={t('incidents.form.birthYear')}
            hint={t('incidents.form.birthYearHint')}
            error={errorOf('birthYear')}
            {...register('birthYear')}
          />
          {bandAsked && (
            <SelectField
              id="incident-age-band"
              className="col-md-4"
              label={t('incidents.form.ageBand')}
              hint={t('incidents.form.ageBandHint')}
              placeholder={t('common.choose')}
              options={options(AGE_BANDS, 'enums.ageBand')}
              required
              error={errorOf('ageBand')}
              {...register('ageBand')}
            />
          )}
        </div>
      </fieldset>
      <div className="row">
        {/* No default: the person recording chooses, the labels fit children too. */}
        <SelectField
          id="incident-gender"
          className="col-md-4"
          label={t('incidents.form.gender')}
          placeholder={t('common.choose')}
          options={options(GENDERS, 'enums.gender')}
          required
          error={errorOf('gender')}
          {...register('gender')}
        />
        <div className="col-md-8">
          <Controller
            control={control}
            name="disability"
            render={({ field }) => (
              <RadioGroup
                id="incident-disability"
                name="disability"
                legend={t('incidents.form.disability')}
                options={options(YES_NO_UNKNOWN, 'enums.yesNoUnknown')}
                value={field.value}
                onChange={field.onChange}
                error={errorOf('disability')}
              />
            )}
          />
        </div>
      </div>
      <div className="row">
        <SelectField
          id="incident-citizenship"
          className="col-md-4"
          label={t('incidents.form.citizenship')}
          placeholder={t('incidents.form.notStated')}
          options={countryOptions}
          error={errorOf('citizenship')}
          {...register('citizenship')}
        />
        <SelectField
          id="incident-years-in-italy"
          className="col-md-4"
          label={t('incidents.form.yearsInItaly')}
          placeholder={t('incidents.form.notStated')}
          options={options(YEARS_IN_ITALY, 'enums.yearsInItaly')}
          error={errorOf('yearsInItaly')}
          {...register('yearsInItaly')}
        />
        <SelectField
          id="incident-language"
          className="col-md-4"
          label={t('incidents.form.language')}
          placeholder={t('incidents.form.notStated')}
          options={languageOptions}
          error={errorOf('language')}
          {...register('language')}
        />
      </div>
      <Controller
        control={control}
        name="interpreterNeeded"
        render={({ field }) => (
          <RadioGroup
            id="incident-interpreter-needed"
            name="interpreterNeeded"
            legend={t('incidents.form.interpreterNeeded')}
            options={yesNoOptions}
            value={field.value}
            onChange={field.onChange}
            required
            error={errorOf('interpreterNeeded')}
          />
        )}
      />
      {interpreterNeeded === 'yes' && (
        <Controller
          control={control}
          name="interpreterUsed"
          render={({ field }) => (
            <RadioGroup
              id="incident-interpreter-used"
              name="interpreterUsed"
              legend={t('incidents.form.interpreterUsed')}
              options={yesNoOptions}
              value={field.value}
              onChange={field.onChange}
              required
              error={errorOf('interpreterUsed')}
            />
          )}
        />
      )}
    </IncidentSection>
  );
}
