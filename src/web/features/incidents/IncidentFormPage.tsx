import type { UseQueryResult } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { type ReactNode, useEffect, useState } from 'react';
import { Controller, type FieldError, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  AUTHOR_RELATIONSHIPS,
  CLASSIFICATION_QUESTIONS,
  FORM_IMPLIED_BY,
  PATHWAY_SERVICES,
  RISK_INDICATORS,
  SERVICES_PROVIDED,
  type TClassificationKey,
  type TIncident,
  VIOLENCE_FORMS,
} from '../../../contracts/index.js';
import { isApiError } from '../../api/problem.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { ConfirmPanel } from '../../ui/ConfirmPanel.js';
import { CheckboxField, CheckboxGroup, FormActions, SelectField, TextField } from '../../ui/fields.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { NotFoundPage } from '../errors/NotFoundPage.js';
import { useDistricts, useMunicipalities } from '../structure/structure-api.js';
import { ClassificationHelper } from './ClassificationHelper.js';
import { IncidentSection } from './IncidentSection.js';
import { IncidentSurvivorSection } from './IncidentSurvivorSection.js';
import { useIncidentFormOptions } from './incident-form-options.js';
import {
  classificationOf,
  FIELD_ELEMENT_IDS,
  FORM_FIELDS,
  type IncidentFormValues,
  incidentToValues,
  newIncidentValues,
  valuesToInput,
  type YesNo,
} from './incident-form-values.js';
import {
  useCountries,
  useIncident,
  useIncidentDelete,
  useIncidentSave,
  useLanguages,
} from './incidents-api.js';

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
function WhenListsLoaded({ children }: { children: () => ReactNode }) {
  const lists: UseQueryResult<unknown>[] = [
    useCountries(),
    useLanguages(),
    useDistricts(),
    useMunicipalities(),
  ];
  // The loading notice or the error of the first list not ready yet.
  const waiting = lists.find((query) => query.isPending || query.isError);
  if (waiting) return <AsyncContent query={waiting}>{() => null}</AsyncContent>;
  return <>{children()}</>;
}

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

  const { register, control, handleSubmit, watch, setValue, setError, clearErrors, formState } =
    useForm<IncidentFormValues>({
      defaultValues: incident ? incidentToValues(incident) : newIncidentValues(),
    });
  const errors = formState.errors as Partial<Record<string, FieldError>>;
  const errorOf = (field: string) => errors[field]?.message;

  const answers = watch('classification');
  const result = classificationOf(answers);
  const coreType = result.kind === 'type' ? result.coreType : null;
  const implied = coreType ? FORM_IMPLIED_BY[coreType] : null;
  const childrenWitnessed = watch('childrenWitnessed');

  // The form the type implies is always part of the record: tick it as soon as the type is known.
  useEffect(() => {
    const forms = watch('forms');
    if (implied && !forms.includes(implied)) {
      setValue(
        'forms',
        VIOLENCE_FORMS.filter((f) => f === implied || forms.includes(f)),
        { shouldDirty: true },
      );
    }
  }, [implied, setValue, watch]);

  useEffect(() => {
    if (childrenWitnessed) setValue('childrenPresent', true);
  }, [childrenWitnessed, setValue]);

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

  const submit = (status: 'draft' | 'recorded') =>
    handleSubmit(async (values) => {
      setProblem(null);
      setClassificationErrors([]);
      clearErrors();
      try {
        await save.mutateAsync({ id: incident?.id, body: valuesToInput(values, status) });
        await navigate({ to: '/incidents', search: { saved: status } });
      } catch (e) {
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
  const label = (field: (typeof FORM_FIELDS)[number]) => ({
    label: t(`incidents.form.${field}`),
    id: FIELD_ELEMENT_IDS[field],
  });
  const classification = {
    label: t('incidents.form.sections.classification'),
    id: `classification-${openQuestion}`,
  };
  const summaryFields = Object.fromEntries([
    ...FORM_FIELDS.slice(0, FORM_FIELDS.indexOf('forms')).map((field) => [field, label(field)]),
    ['classification', classification],
    ['coreType', classification],
    ...FORM_FIELDS.slice(FORM_FIELDS.indexOf('forms')).map((field) => [field, label(field)]),
  ]);

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
          <ClassificationHelper answers={answers} onAnswer={answer} errors={classificationErrors} />
        </IncidentSection>

        <IncidentSection id="violence" title={t('incidents.form.sections.violence')}>
          <Controller
            control={control}
            name="forms"
            render={({ field }) => (
              <CheckboxGroup
                id="incident-forms"
                legend={t('incidents.form.forms')}
                hint={t('incidents.form.formsHint')}
                inline
                required
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
            <CheckboxField
              id="incident-children-present"
              label={t('incidents.form.childrenPresent')}
              error={errorOf('childrenPresent')}
              {...register('childrenPresent')}
            />
            <CheckboxField
              id="incident-children-witnessed"
              label={t('incidents.form.childrenWitnessed')}
              error={errorOf('childrenWitnessed')}
              {...register('childrenWitnessed')}
            />
            <CheckboxField
              id="incident-harmful-practice"
              label={t('incidents.form.harmfulPractice')}
              error={errorOf('harmfulPractice')}
              {...register('harmfulPractice')}
            />
          </fieldset>
        </IncidentSection>

        <IncidentSection id="author" title={t('incidents.form.sections.author')}>
          <div className="row">
            <SelectField
              id="incident-author-relationship"
              className="col-md-6"
              label={t('incidents.form.authorRelationship')}
              placeholder={t('common.choose')}
              options={options(AUTHOR_RELATIONSHIPS, 'enums.authorRelationship')}
              required
              error={errorOf('authorRelationship')}
              {...register('authorRelationship')}
            />
          </div>
          <Controller
            control={control}
            name="riskIndicators"
            render={({ field }) => (
              <CheckboxGroup
                id="incident-risk"
                legend={t('incidents.form.riskIndicators')}
                options={options(RISK_INDICATORS, 'enums.riskIndicator')}
                value={field.value}
                onChange={field.onChange}
                error={errorOf('riskIndicators')}
              />
            )}
          />
        </IncidentSection>

        <IncidentSection id="pathway" title={t('incidents.form.sections.pathway')}>
          <div className="row">
            <SelectField
              id="incident-first-contact"
              className="col-md-6"
              label={t('incidents.form.firstContact')}
              placeholder={t('common.choose')}
              options={options(PATHWAY_SERVICES, 'enums.pathwayService')}
              required
              error={errorOf('firstContact')}
              {...register('firstContact')}
            />
          </div>
          <Controller
            control={control}
            name="referredTo"
            render={({ field }) => (
              <CheckboxGroup
                id="incident-referred-to"
                legend={t('incidents.form.referredTo')}
                options={options(PATHWAY_SERVICES, 'enums.pathwayService')}
                value={field.value}
                onChange={field.onChange}
                error={errorOf('referredTo')}
              />
            )}
          />
          <Controller
            control={control}
            name="servicesProvided"
            render={({ field }) => (
              <CheckboxGroup
                id="incident-services-provided"
                legend={t('incidents.form.servicesProvided')}
                options={options(SERVICES_PROVIDED, 'enums.serviceProvided')}
                value={field.value}
                onChange={field.onChange}
                error={errorOf('servicesProvided')}
              />
            )}
          />
        </IncidentSection>

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
