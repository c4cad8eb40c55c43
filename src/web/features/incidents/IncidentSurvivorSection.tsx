import { type Control, Controller, type UseFormRegister, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  AGE_BANDS,
  GENDERS,
  type TIncident,
  YEARS_IN_ITALY,
  ZIncidentInputSchema,
} from '../../../contracts/index.js';
import { RadioGroup, SelectField, TextField } from '../../ui/fields.js';
import { rangeOf } from '../../ui/forms/limits.js';
import { IncidentSection } from './IncidentSection.js';
import type { IncidentFormOptions } from './incident-form-options.js';
import type { IncidentFormValues } from './incident-form-values.js';

/** Who the survivor is, as far as the record needs: no name, a code kept by the service. */
export function IncidentSurvivorSection({
  incident,
  register,
  control,
  errorOf,
  lists,
}: {
  incident: TIncident | null;
  register: UseFormRegister<IncidentFormValues>;
  control: Control<IncidentFormValues>;
  errorOf: (field: string) => string | undefined;
  lists: IncidentFormOptions;
}) {
  const { t } = useTranslation();
  const { options, yesNoOptions, countryOptions, languageOptions } = lists;
  const interpreterNeeded = useWatch({ control, name: 'interpreterNeeded' });
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
      <div className="row">
        <SelectField
          id="incident-age-band"
          className="col-md-4"
          label={t('incidents.form.ageBand')}
          placeholder={t('common.choose')}
          options={options(AGE_BANDS, 'enums.ageBand')}
          required
          error={errorOf('ageBand')}
          {...register('ageBand')}
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
