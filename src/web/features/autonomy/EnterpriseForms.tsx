import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  type TInitiative,
  ZEmployerInputSchema,
  ZInitiativeInputSchema,
  ZInitiativeUpdateSchema,
} from '../../../contracts/autonomy.js';
import { useLocale } from '../../i18n/index.js';
import { FormActions, SelectField, TextAreaField, TextField } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { maxLengthOf, rangeOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { useCommunityReference } from '../community/community-words.js';
import { useEmployerAdd, useInitiativeCreate, useInitiativeUpdate } from './autonomy-catalogue-api.js';
import {
  type EmployerValues,
  employerToInput,
  emptyEmployer,
  type InitiativeValues,
  initiativeToInput,
  initiativeToUpdate,
  initiativeToValues,
} from './catalogue-forms.js';
import { useCatalogueWords } from './catalogue-words.js';

const initiative = ZInitiativeInputSchema.shape;
const createResolver = contractResolver<InitiativeValues>(ZInitiativeInputSchema, initiativeToInput);
const updateResolver = contractResolver<InitiativeValues>(ZInitiativeUpdateSchema, initiativeToUpdate);
const JOBS = rangeOf(initiative.jobsCreated);
type Option = { value: string; label: string };

/**
 * A social enterprise the project creates or strengthens: its name, the partner behind it, the
 * enterprise in the registry once it exists, its stage and the jobs it created. Changing the
 * stage records the new one with its date; the partner is set once.
 */
export function InitiativeForm({
  current,
  enterprises,
  onDone,
}: {
  current?: TInitiative;
  /** The registry's employers and social enterprises the initiative may be. */
  enterprises: Option[];
  onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const words = useCatalogueWords();
  const reference = useCommunityReference();
  const create = useInitiativeCreate();
  const update = useInitiativeUpdate(current?.id ?? '');
  const save = current ? update : create;
  const form = useForm<InitiativeValues>({
    resolver: current ? updateResolver : createResolver,
    defaultValues: initiativeToValues(current),
  });
  const { register } = form;
  const { errors, isSubmitting } = form.formState;
  const id = (name: string) => `initiative-${current?.id ?? 'new'}-${name}`;
  const submit = form.handleSubmit(async (values) => {
    try {
      if (current) await update.mutateAsync(initiativeToUpdate(values));
      else await create.mutateAsync(initiativeToInput(values));
      onDone(true);
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      {save.error && Object.keys(errors).length === 0 ? <ActionProblem error={save.error} /> : null}
      {!current && (
        <div className="row">
          <TextField
            id={id('name')}
            className="col-md-6"
            label={t('autonomyCatalogue.initiative.name')}
            required
            maxLength={maxLengthOf(initiative.name)}
            error={fieldErrorText(t, errors.name)}
            {...register('name')}
          />
          <SelectField
            id={id('partner')}
            className="col-md-6"
            label={t('autonomyCatalogue.initiative.partner')}
            placeholder={t('common.choose')}
            required
            options={reference.organisationOptions}
            error={fieldErrorText(t, errors.partnerOrganisationId)}
            {...register('partnerOrganisationId')}
          />
        </div>
      )}
      <div className="row">
        <SelectField
          id={id('stage')}
          className="col-md-6"
          label={t('autonomyCatalogue.initiative.stage')}
          hint={current ? t('autonomyCatalogue.initiative.stageHint') : undefined}
          required
          options={words.options('initiativeStage')}
          error={fieldErrorText(t, errors.stage)}
          {...register('stage')}
        />
        <TextField
          id={id('jobs')}
          className="col-md-6"
          type="number"
          inputMode="numeric"
          label={t('autonomyCatalogue.initiative.jobsCreated')}
          {...JOBS}
          error={fieldErrorText(t, errors.jobsCreated)}
          {...register('jobsCreated')}
        />
      </div>
      <SelectField
        id={id('holder')}
        label={t('autonomyCatalogue.initiative.holder')}
        hint={t('autonomyCatalogue.initiative.holderHint')}
        placeholder={t('autonomyCatalogue.initiative.noHolder')}
        options={enterprises}
        error={fieldErrorText(t, errors.holderId)}
        {...register('holderId')}
      />
      <TextAreaField
        id={id('description')}
        label={t('autonomyCatalogue.initiative.description')}
        rows={3}
        maxLength={maxLengthOf(initiative.description)}
        error={fieldErrorText(t, errors.description)}
        {...register('description')}
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

const employer = ZEmployerInputSchema.shape;
const employerResolver = contractResolver<EmployerValues>(ZEmployerInputSchema, employerToInput);

/**
 * An employer or social enterprise added to the community registry, so a placement can name it.
 * It is an organisation of the registry: it never gets an account nor sees anything of a case.
 */
export function EmployerForm({ onDone }: { onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const words = useCatalogueWords();
  const reference = useCommunityReference();
  const add = useEmployerAdd();
  const form = useForm<EmployerValues>({ resolver: employerResolver, defaultValues: emptyEmployer() });
  const { register } = form;
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    try {
      await add.mutateAsync(employerToInput(values));
      onDone(true);
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      {add.error && Object.keys(errors).length === 0 ? <ActionProblem error={add.error} /> : null}
      <p>{t('autonomyCatalogue.employers.formIntro')}</p>
      <div className="row">
        <TextField
          id="employer-name"
          className="col-md-6"
          label={t('autonomyCatalogue.employer.name')}
          required
          maxLength={maxLengthOf(employer.name)}
          error={fieldErrorText(t, errors.name)}
          {...register('name')}
        />
        <SelectField
          id="employer-kind"
          className="col-md-6"
          label={t('autonomyCatalogue.employer.kind')}
          required
          options={words.options('employerKind')}
          error={fieldErrorText(t, errors.kind)}
          {...register('kind')}
        />
        <SelectField
          id="employer-municipality"
          className="col-md-6"
          label={t('autonomyCatalogue.employer.municipality')}
          placeholder={t('common.choose')}
          required
          options={reference.municipalityOptions}
          error={fieldErrorText(t, errors.municipality)}
          {...register('municipality')}
        />
        <TextField
          id="employer-phone"
          className="col-md-6"
          type="tel"
          label={t('autonomyCatalogue.employer.phone')}
          maxLength={maxLengthOf(employer.phone)}
          error={fieldErrorText(t, errors.phone)}
          {...register('phone')}
        />
        <TextField
          id="employer-email"
          className="col-md-6"
          type="email"
          label={t('autonomyCatalogue.employer.email')}
          error={fieldErrorText(t, errors.email)}
          {...register('email')}
        />
      </div>
      <FormActions>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {t('autonomyCatalogue.employers.add')}
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}
