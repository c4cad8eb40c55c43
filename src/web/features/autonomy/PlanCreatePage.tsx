import { Link, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ZPlanCandidatesQuerySchema, ZPlanCreateSchema } from '../../../contracts/autonomy.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { FormActions, RadioGroup, SelectField, TextField } from '../../ui/fields.js';
import { formatDay } from '../../ui/format.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { codesOf, maxLengthOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useCandidates, useOpenPlan, useTutors } from './autonomy-api.js';
import {
  type PlanCreateValues,
  planCreateDefaults,
  planCreateResolver,
  planCreateToInput,
} from './autonomy-forms.js';

const ORIGINS = codesOf(ZPlanCreateSchema.shape.origin);
const qSchema = ZPlanCandidatesQuerySchema.shape.q;

const FIELD_IDS: Record<keyof PlanCreateValues, string> = {
  personId: 'plan-person',
  origin: 'plan-origin',
  originCaseId: 'plan-origin-case',
  originReferralId: 'plan-origin-referral',
  tutorUserId: 'plan-tutor',
  startedOn: 'plan-started-on',
  nextReviewOn: 'plan-next-review',
};

/**
 * A new autonomy plan: the person is searched among the adults of the households the team works,
 * then the tutor (of the organisation or of the autonomy service), where the plan comes from (one
 * of the household's cases, a referral, or the service itself) and its dates.
 */
export function PlanCreatePage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const candidates = useCandidates(q);
  const tutors = useTutors();
  const open = useOpenPlan();
  const form = useForm<PlanCreateValues>({
    resolver: planCreateResolver,
    defaultValues: planCreateDefaults(),
  });
  const { register, control } = form;
  const { errors, isSubmitting } = form.formState;
  const [personId, origin] = useWatch({ control, name: ['personId', 'origin'] });
  const qValid = qSchema.safeParse(draft).success;
  const candidate = candidates.data?.items.find((c) => c.personId === personId);

  function search(event: FormEvent) {
    event.preventDefault();
    if (!qValid) return;
    form.reset({
      ...form.getValues(),
      personId: '',
      origin: 'direct',
      originCaseId: '',
      originReferralId: '',
    });
    setQ(draft.trim());
  }
  const submit = form.handleSubmit(async (values) => {
    try {
      const plan = await open.mutateAsync(planCreateToInput(values));
      await navigate({ to: '/autonomy/plans/$planId', params: { planId: plan.id } });
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });
  const summaryFields = Object.fromEntries(
    Object.entries(FIELD_IDS).map(([name, id]) => [name, { id, label: t(`autonomy.create.${name}`) }]),
  );

  return (
    <>
      <PageHeading title={t('autonomy.create.title')}>
        <p className="mb-0">{t('autonomy.create.intro')}</p>
      </PageHeading>
      <section aria-labelledby="plan-search-heading" className="mb-4">
        <h2 id="plan-search-heading" className="h4">
          {t('autonomy.create.searchTitle')}
        </h2>
        <form onSubmit={search} className="row gx-3 align-items-end" noValidate>
          <div className="col-md-8">
            <TextField
              id="plan-search"
              type="search"
              label={t('autonomy.create.search')}
              hint={t('autonomy.create.searchHint')}
              maxLength={maxLengthOf(qSchema)}
              autoComplete="off"
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              error={draft === '' || qValid ? undefined : t('autonomy.create.searchHint')}
            />
          </div>
          <div className="col-md-4 mb-4">
            <button type="submit" className="btn btn-outline-primary">
              {t('autonomy.create.searchButton')}
            </button>
          </div>
        </form>
      </section>
      {q && (
        <AsyncContent query={candidates}>
          {(found) => {
            const free = found.items.filter((c) => !c.hasActivePlan);
            const taken = found.items.length - free.length;
            return (
              <form onSubmit={submit} noValidate className="col-xl-10">
                {open.error ? <ProblemAlert error={open.error} fields={summaryFields} /> : null}
                {free.length === 0 ? (
                  <p role="status">{t('autonomy.create.noneFound')}</p>
                ) : (
                  <Controller
                    control={control}
                    name="personId"
                    render={({ field }) => (
                      <RadioGroup
                        id={FIELD_IDS.personId}
                        name="personId"
                        legend={t('autonomy.create.personId')}
                        required
                        inline={false}
                        options={free.map((c) => ({
                          value: c.personId,
                          label: t('autonomy.create.personOption', {
                            name: c.name,
                            household: c.householdCode,
                          }),
                        }))}
                        value={field.value}
                        onChange={(next) => {
                          field.onChange(next);
                          form.setValue('origin', 'direct');
                        }}
                        error={fieldErrorText(t, errors.personId)}
                      />
                    )}
                  />
                )}
                {taken > 0 && <p className="small">{t('autonomy.create.withPlan', { count: taken })}</p>}
                {candidate && (
                  <>
                    <Controller
                      control={control}
                      name="origin"
                      render={({ field }) => (
                        <RadioGroup
                          id={FIELD_IDS.origin}
                          name="origin"
                          legend={t('autonomy.create.origin')}
                          required
                          options={ORIGINS.filter(
                            (o) =>
                              o === 'direct' ||
                              (o === 'case' && candidate.cases.length > 0) ||
                              (o === 'referral' && (candidate.referrals ?? []).length > 0),
                          ).map((o) => ({ value: o, label: t(`autonomy.origin.${o}`) }))}
                          value={field.value}
                          onChange={field.onChange}
                          error={fieldErrorText(t, errors.origin)}
                        />
                      )}
                    />
                    {origin === 'case' && (
                      <SelectField
                        id={FIELD_IDS.originCaseId}
                        label={t('autonomy.create.originCaseId')}
                        placeholder={t('common.choose')}
                        required
                        options={candidate.cases.map((c) => ({ value: c.id, label: c.code }))}
                        error={fieldErrorText(t, errors.originCaseId)}
                        {...register('originCaseId')}
                      />
                    )}
                    {origin === 'referral' && (
                      <SelectField
                        id={FIELD_IDS.originReferralId}
                        label={t('autonomy.create.originReferralId')}
                        placeholder={t('common.choose')}
                        required
                        options={(candidate.referrals ?? []).map((r) => ({
                          value: r.id,
                          label: t('autonomy.create.referralOption', {
                            service: r.fromService,
                            date: formatDay(r.on, locale),
                          }),
                        }))}
                        error={fieldErrorText(t, errors.originReferralId)}
                        {...register('originReferralId')}
                      />
                    )}
                  </>
                )}
                <SelectField
                  id={FIELD_IDS.tutorUserId}
                  label={t('autonomy.create.tutorUserId')}
                  hint={t('autonomy.create.tutorHint')}
                  placeholder={t('common.choose')}
                  required
                  options={(tutors.data?.items ?? []).map((u) => ({
                    value: u.id,
                    label: t('autonomy.create.tutorOption', { name: u.name, service: u.service }),
                  }))}
                  error={fieldErrorText(t, errors.tutorUserId)}
                  {...register('tutorUserId')}
                />
                <div className="row">
                  <TextField
                    id={FIELD_IDS.startedOn}
                    className="col-md-6"
                    type="date"
                    label={t('autonomy.create.startedOn')}
                    required
                    error={fieldErrorText(t, errors.startedOn)}
                    {...register('startedOn')}
                  />
                  <TextField
                    id={FIELD_IDS.nextReviewOn}
                    className="col-md-6"
                    type="date"
                    label={t('autonomy.create.nextReviewOn')}
                    hint={t('autonomy.create.nextReviewHint')}
                    error={fieldErrorText(t, errors.nextReviewOn)}
                    {...register('nextReviewOn')}
                  />
                </div>
                <FormActions>
                  <button
                    type="submit"
                    className="btn btn-primary"
                    disabled={isSubmitting || free.length === 0}
                  >
                    {t('autonomy.create.submit')}
                  </button>
                  <Link to="/autonomy" className="btn btn-outline-secondary">
                    {t('common.cancel')}
                  </Link>
                </FormActions>
              </form>
            );
          }}
        </AsyncContent>
      )}
    </>
  );
}
