import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type TRequestInput, ZRequestInputSchema } from '../../../contracts/mediation.js';
import { useLocale } from '../../i18n/index.js';
import { useCan } from '../../session/session.js';
import {
  CheckboxField,
  FormActions,
  RadioGroup,
  SelectField,
  TextAreaField,
  TextField,
} from '../../ui/fields.js';
import { formatDateTime } from '../../ui/format.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { codesOf, maxLengthOf, rangeOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useCaseSessions, useMyCases } from './mediation-api.js';
import { useMediationReference } from './reference-names.js';
import { type RequestValues, requestToInput, ZRequestFormSchema } from './request-form.js';

const shape = ZRequestInputSchema.shape;
const MODES = codesOf(shape.mode);
const PURPOSES = codesOf(shape.purpose);
const URGENCIES = codesOf(shape.urgency);
const PREFERENCES = codesOf(shape.genderPreference);
const GENDERS = codesOf(shape.victimMediatorGender);
const WORK_PACKAGES = codesOf(shape.workPackage);
const resolver = contractResolver<RequestValues>(ZRequestFormSchema, requestToInput);

/** Each field's label and element, for the error summary (in the form's order). */
const FIELD_IDS: Record<string, string> = {
  language: 'request-language',
  dialect: 'request-dialect',
  startsAt: 'request-starts-at',
  durationMinutes: 'request-duration',
  mode: 'request-mode',
  municipality: 'request-municipality',
  place: 'request-place',
  purpose: 'request-purpose',
  urgency: 'request-urgency',
  genderPreference: 'request-gender-preference',
  victimMediatorGender: 'request-victim-mediator-gender',
  community: 'request-community',
  workPackage: 'request-work-package',
  caseId: 'request-case',
  sessionId: 'request-session',
  requesterContact: 'request-contact',
  notes: 'request-notes',
};

/** A request for a mediator: the language, when and where, what for, and who the person is to the service. */
export function RequestForm({
  defaultValues,
  error,
  onSubmit,
  onCancel,
}: {
  defaultValues: RequestValues;
  error: unknown;
  onSubmit: (body: TRequestInput) => Promise<unknown>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const can = useCan();
  const form = useForm<RequestValues>({ resolver, defaultValues });
  const { register, control } = form;
  const { errors, isSubmitting } = form.formState;
  const [mode, victim, caseId] = useWatch({ control, name: ['mode', 'victim', 'caseId'] });
  const reference = useMediationReference();
  const cases = useMyCases(can('cases.read'));
  const sessions = useCaseSessions(caseId);

  const submit = form.handleSubmit(async (values) => {
    try {
      await onSubmit(ZRequestInputSchema.parse(requestToInput(values)));
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });

  const summaryFields = Object.fromEntries(
    Object.entries(FIELD_IDS).map(([name, id]) => [name, { id, label: t(`mediation.form.${name}`) }]),
  );
  const option = (prefix: string) => (code: string) => ({ value: code, label: t(`${prefix}.${code}`) });

  return (
    <form onSubmit={submit} noValidate className="col-xl-10">
      {error ? <ProblemAlert error={error} fields={summaryFields} /> : null}
      <fieldset className="mb-3">
        <legend className="h5">{t('mediation.form.sections.language')}</legend>
        <div className="row">
          <SelectField
            id={FIELD_IDS.language as string}
            className="col-md-6"
            label={t('mediation.form.language')}
            placeholder={t('common.choose')}
            required
            options={reference.languageOptions}
            error={fieldErrorText(t, errors.language)}
            {...register('language')}
          />
          <TextField
            id={FIELD_IDS.dialect as string}
            className="col-md-6"
            label={t('mediation.form.dialect')}
            hint={t('mediation.form.dialectHint')}
            maxLength={maxLengthOf(shape.dialect)}
            error={fieldErrorText(t, errors.dialect)}
            {...register('dialect')}
          />
        </div>
      </fieldset>

      <fieldset className="mb-3">
        <legend className="h5">{t('mediation.form.sections.when')}</legend>
        <div className="row">
          <TextField
            id={FIELD_IDS.startsAt as string}
            className="col-md-6"
            type="datetime-local"
            label={t('mediation.form.startsAt')}
            required
            error={fieldErrorText(t, errors.startsAt)}
            {...register('startsAt')}
          />
          <TextField
            id={FIELD_IDS.durationMinutes as string}
            className="col-md-6"
            type="number"
            inputMode="numeric"
            step="15"
            label={t('mediation.form.durationMinutes')}
            hint={t('mediation.form.durationHint', rangeOf(shape.durationMinutes))}
            required
            {...rangeOf(shape.durationMinutes)}
            error={fieldErrorText(t, errors.durationMinutes)}
            {...register('durationMinutes')}
          />
        </div>
        <Controller
          control={control}
          name="mode"
          render={({ field }) => (
            <RadioGroup
              id={FIELD_IDS.mode as string}
              name="mode"
              legend={t('mediation.form.mode')}
              required
              options={MODES.map(option('mediationWords.mode'))}
              value={field.value}
              onChange={field.onChange}
              error={fieldErrorText(t, errors.mode)}
            />
          )}
        />
        {mode === 'in_person' && (
          <div className="row">
            <SelectField
              id={FIELD_IDS.municipality as string}
              className="col-md-6"
              label={t('mediation.form.municipality')}
              hint={t('mediation.form.municipalityHint')}
              placeholder={t('common.choose')}
              required
              options={[]}
              groups={reference.municipalityGroups}
              error={fieldErrorText(t, errors.municipality)}
              {...register('municipality')}
            />
            <TextField
              id={FIELD_IDS.place as string}
              className="col-md-6"
              label={t('mediation.form.place')}
              hint={t('mediation.form.placeHint')}
              maxLength={maxLengthOf(shape.place)}
              error={fieldErrorText(t, errors.place)}
              {...register('place')}
            />
          </div>
        )}
      </fieldset>

      <fieldset className="mb-3">
        <legend className="h5">{t('mediation.form.sections.what')}</legend>
        <div className="row">
          <SelectField
            id={FIELD_IDS.purpose as string}
            className="col-md-6"
            label={t('mediation.form.purpose')}
            placeholder={t('common.choose')}
            required
            options={PURPOSES.map(option('mediationWords.purpose'))}
            error={fieldErrorText(t, errors.purpose)}
            {...register('purpose')}
          />
          <SelectField
            id={FIELD_IDS.workPackage as string}
            className="col-md-6"
            label={t('mediation.form.workPackage')}
            hint={t('mediation.form.workPackageHint')}
            options={WORK_PACKAGES.map(option('mediationWords.workPackage'))}
            error={fieldErrorText(t, errors.workPackage)}
            {...register('workPackage')}
          />
        </div>
        <Controller
          control={control}
          name="urgency"
          render={({ field }) => (
            <RadioGroup
              id={FIELD_IDS.urgency as string}
              name="urgency"
              legend={t('mediation.form.urgency')}
              options={URGENCIES.map(option('mediationWords.urgency'))}
              value={field.value}
              onChange={field.onChange}
              error={fieldErrorText(t, errors.urgency)}
            />
          )}
        />
      </fieldset>

      <fieldset className="mb-3">
        <legend className="h5">{t('mediation.form.sections.person')}</legend>
        <CheckboxField
          id="request-victim"
          label={t('mediation.form.victim')}
          hint={t('mediation.form.victimHint')}
          {...register('victim')}
        />
        {victim ? (
          <div className="border-start border-3 ps-3 mb-3">
            <Controller
              control={control}
              name="victimGender"
              render={({ field }) => (
                <RadioGroup
                  id="request-victim-gender"
                  name="victimGender"
                  legend={t('mediation.form.victimGender')}
                  hint={t('mediation.form.victimGenderHint')}
                  options={GENDERS.map(option('mediationWords.gender'))}
                  value={field.value}
                  onChange={field.onChange}
                />
              )}
            />
            <SelectField
              id={FIELD_IDS.victimMediatorGender as string}
              label={t('mediation.form.victimMediatorGender')}
              hint={t('mediation.form.victimMediatorGenderHint')}
              placeholder={t('mediation.form.ownGender')}
              options={GENDERS.map(option('mediationWords.genderPreference'))}
              error={fieldErrorText(
                t,
                errors.victimMediatorGender,
                errors.victimMediatorGender?.type === 'custom'
                  ? t('mediation.form.victimMediatorGenderMissing')
                  : undefined,
              )}
              {...register('victimMediatorGender')}
            />
            <CheckboxField
              id="request-avoid-community"
              label={t('mediation.form.avoidSameCommunity')}
              hint={t('mediation.form.avoidSameCommunityHint')}
              {...register('avoidSameCommunity')}
            />
          </div>
        ) : (
          <Controller
            control={control}
            name="genderPreference"
            render={({ field }) => (
              <RadioGroup
                id={FIELD_IDS.genderPreference as string}
                name="genderPreference"
                legend={t('mediation.form.genderPreference')}
                options={PREFERENCES.map(option('mediationWords.genderPreference'))}
                value={field.value}
                onChange={field.onChange}
                error={fieldErrorText(t, errors.genderPreference)}
              />
            )}
          />
        )}
        <SelectField
          id={FIELD_IDS.community as string}
          className="col-md-6 px-0"
          label={t('mediation.form.community')}
          hint={victim ? t('mediation.form.communityVictimHint') : t('mediation.form.communityHint')}
          placeholder={t('mediation.form.notStated')}
          options={reference.countryOptions}
          error={fieldErrorText(t, errors.community)}
          {...register('community')}
        />
      </fieldset>

      {can('cases.read') && (
        <fieldset className="mb-3">
          <legend className="h5">{t('mediation.form.sections.case')}</legend>
          <div className="row">
            <SelectField
              id={FIELD_IDS.caseId as string}
              className="col-md-6"
              label={t('mediation.form.caseId')}
              hint={t('mediation.form.caseHint')}
              placeholder={t('mediation.form.noCase')}
              options={(cases.data ?? []).map((c) => ({
                value: c.id,
                label: t('mediation.form.caseOption', { code: c.code, service: c.serviceName }),
              }))}
              error={fieldErrorText(t, errors.caseId)}
              {...register('caseId', { onChange: () => form.setValue('sessionId', '') })}
            />
            {caseId && (
              <SelectField
                id={FIELD_IDS.sessionId as string}
                className="col-md-6"
                label={t('mediation.form.sessionId')}
                hint={t('mediation.form.sessionHint')}
                placeholder={t('mediation.form.noSession')}
                options={(sessions.data ?? []).map((s) => ({
                  value: s.id,
                  label: t('mediation.form.sessionOption', {
                    kind: t(`enums.sessionKind.${s.kind}`),
                    when: formatDateTime(s.startsAt, locale),
                  }),
                }))}
                error={fieldErrorText(t, errors.sessionId)}
                {...register('sessionId')}
              />
            )}
          </div>
        </fieldset>
      )}

      <fieldset className="mb-3">
        <legend className="h5">{t('mediation.form.sections.contact')}</legend>
        <TextField
          id={FIELD_IDS.requesterContact as string}
          className="col-md-6 px-0"
          autoComplete="tel"
          label={t('mediation.form.requesterContact')}
          hint={t('mediation.form.contactHint')}
          required
          maxLength={maxLengthOf(shape.requesterContact)}
          error={fieldErrorText(t, errors.requesterContact)}
          {...register('requesterContact')}
        />
        <TextAreaField
          id={FIELD_IDS.notes as string}
          label={t('mediation.form.notes')}
          hint={t('mediation.form.notesHint')}
          rows={3}
          maxLength={maxLengthOf(shape.notes)}
          error={fieldErrorText(t, errors.notes)}
          {...register('notes')}
        />
      </fieldset>

      <FormActions>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {t('mediation.form.submit')}
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}
