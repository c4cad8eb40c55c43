import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type TCaseServicesView, ZFollowupCreateSchema } from '../../../contracts/case-services.js';
import { useLocale } from '../../i18n/index.js';
import { FormActions, SelectField, TextField } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { serviceTypeLabel } from './CaseServiceLabels.js';
import { useCaseServiceMutations } from './case-services-api.js';

interface FollowupValues {
  what: string;
  dueOn: string;
  assignedTo: string;
  serviceId: string;
}
function toInput(v: FollowupValues) {
  return { what: v.what.trim(), dueOn: v.dueOn, assignedTo: v.assignedTo, serviceId: v.serviceId || null };
}
const resolver = contractResolver<FollowupValues>(ZFollowupCreateSchema, toInput);

/** A follow-up: what to check, by when, by whom of the team; it reaches their Home a week before. */
export function FollowupForm({
  caseId,
  view,
  onDone,
}: {
  caseId: string;
  view: TCaseServicesView;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { addFollowup } = useCaseServiceMutations(caseId);
  const form = useForm<FollowupValues>({
    resolver,
    defaultValues: { what: '', dueOn: '', assignedTo: '', serviceId: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await addFollowup.mutateAsync(ZFollowupCreateSchema.parse(toInput(values)));
      onDone(true);
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      {addFollowup.error && Object.keys(errors).length === 0 ? (
        <ActionProblem error={addFollowup.error} />
      ) : null}
      <TextField
        id="followup-what"
        label={t('caseServices.followups.what')}
        required
        maxLength={maxLengthOf(ZFollowupCreateSchema.shape.what)}
        error={fieldErrorText(t, errors.what)}
        {...form.register('what')}
      />
      <TextField
        id="followup-due-on"
        type="date"
        label={t('caseServices.followups.dueOn')}
        required
        error={fieldErrorText(t, errors.dueOn)}
        {...form.register('dueOn')}
      />
      <SelectField
        id="followup-assigned-to"
        label={t('caseServices.followups.assignedTo')}
        required
        placeholder={t('caseServices.choose')}
        options={view.team.map((m) => ({ value: m.id, label: m.displayName }))}
        error={fieldErrorText(t, errors.assignedTo)}
        {...form.register('assignedTo')}
      />
      <SelectField
        id="followup-service"
        label={t('caseServices.followups.service')}
        placeholder={t('caseServices.followups.noService')}
        options={view.services.map((s) => ({ value: s.id, label: serviceTypeLabel(s.type, locale) }))}
        error={fieldErrorText(t, errors.serviceId)}
        {...form.register('serviceId')}
      />
      <FormActions>
        <button type="submit" className="btn btn-primary btn-sm" disabled={isSubmitting}>
          {t('caseServices.followups.save')}
        </button>
        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}
