import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  SERVICE_STATUSES,
  SERVICE_TYPES,
  type TCaseServicesView,
  ZCaseServiceCreateSchema,
} from '../../../contracts/case-services.js';
import type { TCase } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { FormActions, SelectField, TextAreaField, TextField } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { maxLengthOf, rangeOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { todayLocal } from '../../ui/forms/values.js';
import { useCaseServiceMutations } from './case-services-api.js';

/** What the form holds: strings, as inputs do; the request body is built on submit. */
interface ServiceValues {
  type: string;
  personId: string;
  providerUserId: string;
  providerOrganisation: string;
  startedOn: string;
  endedOn: string;
  hours: string;
  status: string;
  note: string;
}
const FIELDS = ZCaseServiceCreateSchema.shape;
const orNull = (value: string) => (value.trim() === '' ? null : value.trim());
function toInput(v: ServiceValues) {
  return {
    type: v.type,
    personId: orNull(v.personId),
    providerUserId: orNull(v.providerUserId),
    providerOrganisation: v.providerUserId ? null : orNull(v.providerOrganisation),
    startedOn: v.startedOn,
    endedOn: orNull(v.endedOn),
    hours: v.hours.trim() === '' ? null : Number(v.hours),
    status: v.status,
    note: orNull(v.note),
  };
}
const resolver = contractResolver<ServiceValues>(ZCaseServiceCreateSchema, toInput);

/** A service delivered: its type from the national list, who provides it, when, how many hours. */
export function CaseServiceForm({
  data,
  view,
  onDone,
}: {
  data: TCase;
  view: TCaseServicesView;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { addService } = useCaseServiceMutations(data.id);
  const form = useForm<ServiceValues>({
    resolver,
    defaultValues: {
      type: '',
      personId: '',
      providerUserId: '',
      providerOrganisation: '',
      startedOn: todayLocal(),
      endedOn: '',
      hours: '',
      status: 'active',
      note: '',
    },
  });
  const { errors, isSubmitting } = form.formState;
  const err = (name: keyof ServiceValues) => fieldErrorText(t, errors[name]);
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await addService.mutateAsync(ZCaseServiceCreateSchema.parse(toInput(values)));
      onDone(true);
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });
  const providerIsTeam = form.watch('providerUserId') !== '';

  return (
    <form onSubmit={onSubmit} noValidate>
      {addService.error && Object.keys(errors).length === 0 ? (
        <ActionProblem error={addService.error} />
      ) : null}
      <SelectField
        id="service-type"
        label={t('caseServices.fields.type')}
        required
        placeholder={t('caseServices.choose')}
        options={SERVICE_TYPES.map((s) => ({ value: s.code, label: s[locale] }))}
        error={err('type')}
        {...form.register('type')}
      />
      <SelectField
        id="service-person"
        label={t('caseServices.fields.person')}
        placeholder={t('caseServices.wholeFamily')}
        options={(data.members ?? []).map((m) => ({ value: m.id, label: `${m.givenName} ${m.familyName}` }))}
        error={err('personId')}
        {...form.register('personId')}
      />
      <SelectField
        id="service-provider-user"
        label={t('caseServices.fields.providerUser')}
        placeholder={t('caseServices.outsideProvider')}
        options={view.team.map((m) => ({ value: m.id, label: m.displayName }))}
        error={err('providerUserId')}
        {...form.register('providerUserId')}
      />
      {!providerIsTeam && (
        <TextField
          id="service-provider-organisation"
          label={t('caseServices.fields.providerOrganisation')}
          hint={t('caseServices.providerHint')}
          maxLength={maxLengthOf(FIELDS.providerOrganisation)}
          error={err('providerOrganisation')}
          {...form.register('providerOrganisation')}
        />
      )}
      <div className="row">
        <div className="col-sm-6">
          <TextField
            id="service-started-on"
            type="date"
            label={t('caseServices.fields.startedOn')}
            required
            error={err('startedOn')}
            {...form.register('startedOn')}
          />
        </div>
        <div className="col-sm-6">
          <TextField
            id="service-ended-on"
            type="date"
            label={t('caseServices.fields.endedOn')}
            error={err('endedOn')}
            {...form.register('endedOn')}
          />
        </div>
        <div className="col-sm-6">
          <TextField
            id="service-hours"
            type="number"
            inputMode="numeric"
            label={t('caseServices.fields.hours')}
            min={rangeOf(FIELDS.hours).min}
            max={rangeOf(FIELDS.hours).max}
            error={err('hours')}
            {...form.register('hours')}
          />
        </div>
        <div className="col-sm-6">
          <SelectField
            id="service-status"
            label={t('caseServices.fields.status')}
            required
            options={SERVICE_STATUSES.map((s) => ({ value: s, label: t(`caseServices.status.${s}`) }))}
            error={err('status')}
            {...form.register('status')}
          />
        </div>
      </div>
      <TextAreaField
        id="service-note"
        label={t('caseServices.fields.note')}
        rows={3}
        maxLength={maxLengthOf(FIELDS.note)}
        error={err('note')}
        {...form.register('note')}
      />
      <FormActions>
        <button type="submit" className="btn btn-primary btn-sm" disabled={isSubmitting}>
          {t('caseServices.save')}
        </button>
        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}
