import { Link, useNavigate } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { Controller, type FieldError, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  ABDUCTION_STATUSES,
  CLASSIFICATION_QUESTIONS,
  FORM_SUGGESTED_BY,
  NON_GBV,
  NON_GBV_REASONS,
  type TClassificationKey,
  type TIncident,
  VIOLENCE_FORMS,
  YES_NO_UNKNOWN,
} from '../../../contracts/index.js';
import { isApiError } from '../../api/problem.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { ConfirmPanel } from '../../ui/ConfirmPanel.js';
import {
  CheckboxField,
  CheckboxGroup,
  FormActions,
  RadioGroup,
  SelectField,
  TextField,
} from '../../ui/fields.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { NotFoundPage } from '../errors/NotFoundPage.js';
import { ClassificationHelper } from './ClassificationHelper.js';
import { IncidentAuthorSection } from './IncidentAuthorSection.js';
import { WhenListsLoaded, withoutUnaskedBand } from './IncidentFormLoading.js';
import { IncidentPathwaySection } from './IncidentPathwaySection.js';
import { IncidentRiskSection } from './IncidentRiskSection.js';
import { IncidentSection } from './IncidentSection.js';
import { IncidentSurvivorSection } from './IncidentSurvivorSection.js';
import { useIncidentFormOptions } from './incident-form-options.js';
import {
  asksAgeBand,
  classificationOf,
  FIELD_ELEMENT_IDS,
  FORM_FIELDS,
  type FormField,
  fgmConflict,
  harmfulPracticeChoices,
  type IncidentFormValues,
  impliedForm,
  incidentToValues,
  incidentTypeOf,
  neverAskedOf,
  newIncidentValues,
  valuesToInput,
  type YesNo,
} from './incident-form-values.js';
import { useIncident, useIncidentDelete, useIncidentSave } from './incidents-api.js';

export function IncidentCreatePage() {
  return <WhenListsLoaded>{() => <IncidentForm incident={null} />}</WhenListsLoaded>;
}

export function IncidentEditPage({ incidentId }: { incidentId: string }) {
  const incident = useIncident(incidentId);
  return (
    <AsyncContent query={incident} notFound={<NotFoundPage />}>
      {(data) => <WhenListsLoaded>{() => <IncidentForm incident={data} />}</WhenListsLoaded>}
    </AsyncContent>
  );
}

/**
 * A select shows its saved value only if the option exists when the form mounts: the form waits
 * for the reference lists (then read from the cache), or a reopened draft would look empty.
 */
const CLASSIFICATION_KEYS = CLASSIFICATION_QUESTIONS.map((q) => q.key) as readonly string[];

/**
 * The one form for a new incident and for an existing one. A draft may stay incomplete; recording
 * asks the server for a complete record, and its field errors are shown next to the fields.
 */
function IncidentForm({ incident }: { incident: TIncident | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const save = useIncidentSave();
  const remove = useIncidentDelete();
  const lists = useIncidentFormOptions();
  const [problem, setProblem] = useState<unknown>(null);
  const [classificationErrors, setClassificationErrors] = useState<
    { question?: TClassificationKey | undefined; message: string }[]
  >([]);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const recorded = incident?.status === 'recorded';
  // What this record was never asked, when it was recorded: a correction may leave it unanswered.
  const neverAsked = neverAskedOf(incident);

  const { register, control, handleSubmit, watch, getValues, setValue, setError, clearErrors, formState } =
    useForm<IncidentFormValues>({
      defaultValues: incident ? incidentToValues(incident) : newIncidentValues(),
    });
  const errors = formState.errors as Partial<Record<string, FieldError>>;
  const errorOf = (field: string) => errors[field]?.message;

  const answers = watch('classification');
  const result = classificationOf(answers);
  const type = incidentTypeOf(answers);
  const implied = impliedForm(type);
  const suggested = type ? FORM_SUGGESTED_BY[type] : undefined;
  const forms = watch('forms');
  const harmfulPractice = watch('harmfulPractice');
  const harmfulPracticeType = watch('harmfulPracticeType');
  const fgmRule = fgmConflict({ harmfulPractice, harmfulPracticeType }, type);

  // The form the type implies is always part of the record: tick it as soon as the type is known.
  // A form ticked that way goes when an answer changes the type (physical assault, then question 2
  // "yes" for a mutilation); one the practitioner ticked, or the record had, stays.
  const autoTicked = useRef<string | null>(null);
  useEffect(() => {
    const current = getValues('forms');
    const previous = autoTicked.current;
    const dropped = previous && previous !== implied ? previous : null;
    const adds = implied !== null && !current.includes(implied);
    autoTicked.current = adds || previous === implied ? implied : null;
    if (!dropped && !adds) return;
    setValue(
      'forms',
      VIOLENCE_FORMS.filter((f) => f !== dropped && (f === implied || current.includes(f))),
      { shouldDirty: true },
    );
  }, [implied, getValues, setValue]);

  function answer(key: TClassificationKey, value: YesNo) {
    setValue(`classification.${key}`, value, { shouldDirty: true });
    // A "yes" ends the walk: later answers no longer apply and start afresh if it becomes "no".
    if (value === 'yes') {
      const index = CLASSIFICATION_KEYS.indexOf(key);
      for (const later of CLASSIFICATION_KEYS.slice(index + 1)) {
        setValue(`classification.${later as TClassificationKey}`, '');
      }
    }
    setClassificationErrors([]);
  }

  /** A suggested form (economic, for denial of resources) is added only when the practitioner asks. */
  function addSuggested() {
    if (!suggested) return;
    const current = getValues('forms');
    setValue(
      'forms',
      VIOLENCE_FORMS.filter((f) => f === suggested || current.includes(f)),
      { shouldDirty: true },
    );
  }

  const submit = (status: 'draft' | 'recorded') =>
    handleSubmit(async (values) => {
      setProblem(null);
      setClassificationErrors([]);
      clearErrors();
      try {
        await save.mutateAsync({ id: incident?.id, body: valuesToInput(values, status) });
        await navigate({ to: '/incidents', search: { saved: status } });
      } catch (caught) {
        const e = withoutUnaskedBand(caught, asksAgeBand(values));
        applyServerFieldErrors(e, setError, locale, FORM_FIELDS);
        if (isApiError(e)) {
          // "Type required" belongs to the question still waiting for an answer, if there is one.
          const walk = classificationOf(values.classification);
          const open = walk.kind === 'unanswered' ? walk.question : undefined;
          setClassificationErrors(
            e
              .fieldErrors(locale)
              .map((fe) => ({ ...fe, field: fe.field.replace(/^body\./, '') }))
              .filter((fe) => fe.field === 'coreType' || fe.field.startsWith('classification'))
              .map((fe) => {
                const question = fe.field.split('.')[1];
                return {
                  question: CLASSIFICATION_KEYS.includes(question ?? '')
                    ? (question as TClassificationKey)
                    : fe.field === 'coreType'
                      ? open
                      : undefined,
                  message: fe.message,
                };
              }),
          );
        }
        setProblem(e);
      }
    });

  async function deleteDraft() {
    if (!incident) return;
    try {
      await remove.mutateAsync(incident.id);
      await navigate({ to: '/incidents', search: { saved: 'deleted' } });
    } catch (e) {
      setProblem(e);
      setConfirmingDelete(false);
    }
  }

  const { options, municipalityGroups } = lists;
  // The error summary names each field by its label and links to it, in the form's order; the
  // type is asked by the classification helper, at the question still open.
  const openQuestion = result.kind === 'unanswered' ? result.question : CLASSIFICATION_KEYS[0];
  const label = (field: FormField) => ({
    label: t(`incidents.form.${field}`),
    id: FIELD_ELEMENT_IDS[field],
  });
  const classification = {
    label: t('incidents.form.sections.classification'),
    id: `classification-${openQuestion}`,
  };
  const afterClassification = FORM_FIELDS.indexOf('nonGbvReason');
  const summaryFields = Object.fromEntries([
    ...FORM_FIELDS.slice(0, afterClassification).map((field) => [field, label(field)]),
    ['classification', classification],
    ['coreType', classification],
    ...FORM_FIELDS.slice(afterClassification).map((field) => [field, label(field)]),
  ]);

  const harmfulPracticeOptions = options(harmfulPracticeChoices(neverAsked), 'enums.harmfulPracticeType');
  const harmfulPracticeHint =
    harmfulPracticeType === 'not_recorded'
      ? t('incidents.form.harmfulPracticeNotRecorded', {
          option: t('enums.harmfulPracticeType.not_recorded'),
        })
      : harmfulPracticeType === 'fgm'
        ? t('incidents.form.fgmNote')
        : undefined;

  const title = incident
    ? incident.survivorCode
      ? t('incidents.form.editTitle', { code: incident.survivorCode })
      : t('incidents.form.editDraftTitle')
    : t('incidents.form.newTitle');

  return (
    <>
      <PageHeading title={title}>
        <p className="mb-2">{t('incidents.form.intro')}</p>
        {recorded && <p className="mb-2 fw-semibold">{t('incidents.form.recordedNote')}</p>}
        <Link to="/incidents">{t('incidents.form.back')}</Link>
      </PageHeading>
      <form onSubmit={submit('recorded')} noValidate className="col-xl-10">
        {problem ? <ProblemAlert error={problem} fields={summaryFields} /> : null}

        <IncidentSurvivorSection
          incident={incident}
          ageNeverAsked={neverAsked.includes('age')}
          register={register}
          control={control}
          errorOf={errorOf}
          lists={lists}
        />

        <IncidentSection id="place" title={t('incidents.form.sections.place')}>
          <div className="row">
            <TextField
              id="incident-month"
              className="col-md-4"
              type="month"
              label={t('incidents.form.incidentMonth')}
              hint={t('incidents.form.incidentMonthHint')}
              required
              error={errorOf('incidentMonth')}
              {...register('incidentMonth')}
            />
            <SelectField
              id="incident-municipality"
              className="col-md-8"
              label={t('incidents.form.municipality')}
              placeholder={t('incidents.form.notStated')}
              options={[]}
              groups={municipalityGroups}
              error={errorOf('municipality')}
              {...register('municipality')}
            />
          </div>
        </IncidentSection>

        <IncidentSection id="classification" title={t('incidents.form.sections.classification')}>
          <ClassificationHelper
            answers={answers}
            onAnswer={answer}
            errors={classificationErrors}
            warning={
              fgmRule && type ? t('incidents.form.fgmRule', { type: t(`enums.coreType.${type}`) }) : undefined
            }
            nonGbv={
              <SelectField
                id="incident-non-gbv-reason"
                className="col-md-8 px-0"
                label={t('incidents.form.nonGbvReason')}
                hint={t('incidents.form.nonGbvReasonHint')}
                placeholder={t('common.choose')}
                options={options(NON_GBV_REASONS, 'enums.nonGbvReason')}
                required
                error={errorOf('nonGbvReason')}
                {...register('nonGbvReason')}
              />
            }
          />
        </IncidentSection>

        <IncidentSection id="violence" title={t('incidents.form.sections.violence')}>
          <Controller
            control={control}
            name="harmfulPractice"
            render={({ field }) => (
              <RadioGroup
                id="incident-harmful-practice"
                name="harmfulPractice"
                legend={t('incidents.form.harmfulPractice')}
                options={lists.yesNoOptions}
                value={field.value}
                onChange={field.onChange}
                error={errorOf('harmfulPractice')}
              />
            )}
          />
          {harmfulPractice === 'yes' && (
            <div className="row">
              <SelectField
                id="incident-harmful-practice-type"
                className="col-md-6"
                label={t('incidents.form.harmfulPracticeType')}
                hint={harmfulPracticeHint}
                placeholder={t('common.choose')}
                options={harmfulPracticeOptions}
                required
                error={errorOf('harmfulPracticeType')}
                {...register('harmfulPracticeType')}
              />
            </div>
          )}
          {suggested && !forms.includes(suggested) && (
            <div className="alert alert-info" id="incident-suggested-form">
              <p>{t('incidents.form.economicSuggestion')}</p>
              <button type="button" className="btn btn-outline-primary btn-sm" onClick={addSuggested}>
                {t('incidents.form.addEconomic')}
              </button>
            </div>
          )}
          <Controller
            control={control}
            name="forms"
            render={({ field }) => (
              <CheckboxGroup
                id="incident-forms"
                legend={t('incidents.form.forms')}
                hint={implied ? t('incidents.form.formsHint') : undefined}
                required={type !== NON_GBV}
                options={VIOLENCE_FORMS.map((form) => ({
                  value: form,
                  label: t(`enums.violenceForm.${form}`),
                  disabled: form === implied,
                  note: form === implied ? t('incidents.form.impliedForm') : undefined,
                }))}
                value={field.value}
                onChange={field.onChange}
                error={errorOf('forms')}
              />
            )}
          />
          <fieldset className="mb-4">
            <legend className="h6 fw-semibold text-body mb-2 px-0">
              {t('incidents.form.circumstances')}
            </legend>
            <CheckboxField
              id="incident-stalking"
              label={t('incidents.form.stalking')}
              error={errorOf('stalking')}
              {...register('stalking')}
            />
            {/* Two facts, as law 53/2022 words them: neither implies the other. */}
            <CheckboxField
              id="incident-children-present"
              label={t('incidents.form.childrenPresent')}
              hint={t('incidents.form.childrenPresentHint')}
              error={errorOf('childrenPresent')}
              {...register('childrenPresent')}
            />
            <CheckboxField
              id="incident-children-witnessed"
              label={t('incidents.form.childrenWitnessed')}
              hint={t('incidents.form.childrenWitnessedHint')}
              error={errorOf('childrenWitnessed')}
              {...register('childrenWitnessed')}
            />
          </fieldset>
          <Controller
            control={control}
            name="moneyExchanged"
            render={({ field }) => (
              <RadioGroup
                id="incident-money-exchanged"
                name="moneyExchanged"
                legend={t('incidents.form.moneyExchanged')}
                options={options(YES_NO_UNKNOWN, 'enums.yesNoUnknown')}
                value={field.value}
                onChange={field.onChange}
                error={errorOf('moneyExchanged')}
              />
            )}
          />
          <div className="row">
            <SelectField
              id="incident-abduction"
              className="col-md-6"
              label={t('incidents.form.abduction')}
              placeholder={t('incidents.form.notStated')}
              options={options(ABDUCTION_STATUSES, 'enums.abduction')}
              error={errorOf('abduction')}
              {...register('abduction')}
            />
          </div>
        </IncidentSection>

        <IncidentAuthorSection register={register} control={control} errorOf={errorOf} lists={lists} />

        <IncidentRiskSection register={register} error={errorOf('riskAssessment')} />

        <IncidentPathwaySection
          control={control}
          errorOf={errorOf}
          referredByNeverAsked={neverAsked.includes('referredBy')}
        />

        <IncidentSection id="consent" title={t('incidents.form.sections.consent')}>
          <CheckboxField
            id="incident-consent"
            label={t('incidents.form.consentReporting')}
            hint={t('incidents.form.consentHint')}
            error={errorOf('consentReporting')}
            {...register('consentReporting')}
          />
        </IncidentSection>

        {problem ? <p className="text-danger fw-semibold">{t('incidents.form.notSaved')}</p> : null}
        <FormActions>
          {!recorded && (
            <button
              type="button"
              className="btn btn-outline-primary"
              disabled={formState.isSubmitting}
              onClick={() => void submit('draft')()}
            >
              {t('incidents.form.saveDraft')}
            </button>
          )}
          <button type="submit" className="btn btn-primary" disabled={formState.isSubmitting}>
            {recorded ? t('incidents.form.saveRecorded') : t('incidents.form.record')}
          </button>
          <Link to="/incidents" className="btn btn-outline-secondary">
            {t('common.cancel')}
          </Link>
          {incident && !recorded && !confirmingDelete && (
            <button
              type="button"
              className="btn btn-outline-danger ms-auto"
              onClick={() => setConfirmingDelete(true)}
            >
              {t('incidents.form.delete')}
            </button>
          )}
        </FormActions>
        {confirmingDelete && (
          <ConfirmPanel
            className="mt-3"
            message={t('incidents.form.confirmDelete')}
            confirmLabel={t('incidents.form.confirmDeleteButton')}
            onConfirm={deleteDraft}
            onCancel={() => setConfirmingDelete(false)}
            pending={remove.isPending}
          />
        )}
      </form>
    </>
  );
}
