import { Link, useNavigate } from '@tanstack/react-router';
import { Controller, type FieldError, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type THousehold, URGENCIES } from '../../../contracts/index.js';
import { OWN_CASE_ORIGINS, REPORTER_KINDS, ZOwnCaseCreateSchema } from '../../../contracts/tutela.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import {
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
import { maxLengthOf, minLengthOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { todayLocal } from '../../ui/forms/values.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { NotFoundPage } from '../errors/NotFoundPage.js';
import { useHousehold } from '../households/households-api.js';
import { useOwnCaseCreate } from './court-api.js';

/**
 * A case opened by the service with the mandate (Tutela Minori), from a household's page: the server
 * decides who holds the mandate and says so in words to anyone else.
 */
export function CaseCreatePage({ householdId }: { householdId?: string | undefined }) {
  const { t } = useTranslation();
  if (!householdId) {
    return (
      <>
        <PageHeading title={t('court.open.title')} />
        <p>{t('court.open.noHousehold')}</p>
        <Link to="/households">{t('court.open.toHouseholds')}</Link>
      </>
    );
  }
  return <CaseCreate householdId={householdId} />;
}

function CaseCreate({ householdId }: { householdId: string }) {
  const { t } = useTranslation();
  const household = useHousehold(householdId);
  return (
    <AsyncContent query={household} notFound={<NotFoundPage />}>
      {(data) => (
        <>
          <PageHeading title={t('court.open.titleFor', { code: data.code })}>
            <p className="mb-2">{t('court.open.intro')}</p>
            <Link to="/households/$householdId" params={{ householdId }}>
              {t('court.open.back', { code: data.code })}
            </Link>
          </PageHeading>
          <OwnCaseForm household={data} />
        </>
      )}
    </AsyncContent>
  );
}

interface OwnCaseValues {
  personIds: string[];
  origin: string;
  reporterKind: string;
  receivedOn: string;
  urgency: string;
  summary: string;
}

const FIELDS = ZOwnCaseCreateSchema.shape;

function OwnCaseForm({ household }: { household: THousehold }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const create = useOwnCaseCreate();
  // Who reported is asked for a report only; otherwise it is not sent.
  const toInput = (v: OwnCaseValues) => ({
    householdId: household.id,
    personIds: v.personIds,
    origin: v.origin,
    reporterKind: v.origin === 'report' ? v.reporterKind || null : null,
    receivedOn: v.receivedOn,
    urgency: v.urgency,
    summary: v.summary,
  });
  const form = useForm<OwnCaseValues>({
    resolver: contractResolver<OwnCaseValues>(ZOwnCaseCreateSchema, toInput),
    defaultValues: {
      // The children are usually whom the case is about; the others are ticked by hand.
      personIds: household.members.filter((m) => m.caseRole === 'child').map((m) => m.id),
      origin: '',
      reporterKind: '',
      receivedOn: todayLocal(),
      urgency: 'routine',
      summary: '',
    },
  });
  const { control, register } = form;
  const { errors, isSubmitting } = form.formState;
  const origin = form.watch('origin');
  const listError = (e: unknown) => e as FieldError | undefined;
  const summaryHint = t('court.open.summaryHint', { min: minLengthOf(FIELDS.summary) });

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const { caseId } = await create.mutateAsync(ZOwnCaseCreateSchema.parse(toInput(values)));
      await navigate({ to: '/cases/$caseId', params: { caseId } });
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="col-xl-10">
      {create.error && Object.keys(errors).length === 0 ? <ActionProblem error={create.error} /> : null}
      <Controller
        control={control}
        name="personIds"
        render={({ field }) => (
          <CheckboxGroup
            id="own-case-people"
            legend={t('court.open.people')}
            hint={t('court.open.peopleHint')}
            required
            options={household.members.map((m) => ({
              value: m.id,
              label: `${m.givenName} ${m.familyName}`,
              note: t(`enums.caseRole.${m.caseRole}`),
            }))}
            value={field.value}
            onChange={field.onChange}
            error={fieldErrorText(t, listError(errors.personIds))}
          />
        )}
      />
      <Controller
        control={control}
        name="origin"
        render={({ field }) => (
          <RadioGroup
            id="own-case-origin"
            name="origin"
            legend={t('court.open.origin')}
            required
            inline={false}
            options={OWN_CASE_ORIGINS.map((o) => ({ value: o, label: t(`enums.caseOrigin.${o}`) }))}
            value={field.value}
            onChange={field.onChange}
            error={fieldErrorText(t, errors.origin)}
          />
        )}
      />
      {origin === 'report' && (
        <SelectField
          id="own-case-reporter"
          label={t('court.open.reporterKind')}
          placeholder={t('common.choose')}
          options={REPORTER_KINDS.map((k) => ({ value: k, label: t(`enums.reporterKind.${k}`) }))}
          required
          error={fieldErrorText(t, errors.reporterKind)}
          {...register('reporterKind')}
        />
      )}
      <div className="row">
        <TextField
          id="own-case-received-on"
          className="col-md-6"
          type="date"
          label={t('court.open.receivedOn')}
          hint={t('court.open.receivedOnHint')}
          required
          error={fieldErrorText(t, errors.receivedOn)}
          {...register('receivedOn')}
        />
        <SelectField
          id="own-case-urgency"
          className="col-md-6"
          label={t('court.open.urgency')}
          options={URGENCIES.map((u) => ({ value: u, label: t(`enums.urgency.${u}`) }))}
          required
          error={fieldErrorText(t, errors.urgency)}
          {...register('urgency')}
        />
      </div>
      <TextAreaField
        id="own-case-summary"
        label={t('court.open.summary')}
        hint={summaryHint}
        required
        rows={5}
        maxLength={maxLengthOf(FIELDS.summary)}
        error={fieldErrorText(
          t,
          errors.summary,
          errors.summary?.type === 'too_small' ? summaryHint : undefined,
        )}
        {...register('summary')}
      />
      <FormActions>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {t('court.open.submit')}
        </button>
        <Link
          to="/households/$householdId"
          params={{ householdId: household.id }}
          className="btn btn-outline-secondary"
        >
          {t('common.cancel')}
        </Link>
      </FormActions>
    </form>
  );
}
