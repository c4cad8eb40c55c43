import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { GOVERNANCE_LIMITS } from '../../../contracts/governance-codes.js';
import {
  type TMeetingSummary,
  ZMeetingInputSchema,
  ZMeetingUpdateSchema,
} from '../../../contracts/governance-committees.js';
import { useLocale } from '../../i18n/index.js';
import { FormActions, SelectField, TextField } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { orNull } from '../../ui/forms/values.js';
import { fromLocalInput, toLocalInput, useCommitteeWords } from './committee-words.js';
import { useCommitteeMutations, useMeetingMutations } from './committees-api.js';

interface MeetingValues {
  startsAt: string;
  endsAt: string;
  place: string;
  link: string;
  status: string;
}

const toInput = (v: MeetingValues) => ({
  startsAt: fromLocalInput(v.startsAt),
  endsAt: fromLocalInput(v.endsAt),
  place: orNull(v.place),
  link: orNull(v.link),
});
const toUpdate = (v: MeetingValues) => ({ ...toInput(v), status: v.status as 'planned' | 'held' });
const createResolver = contractResolver<MeetingValues>(ZMeetingInputSchema, toInput);
const updateResolver = contractResolver<MeetingValues>(ZMeetingUpdateSchema, toUpdate);

/** Plan a meeting of a committee, or change one (its chair or secretary): when, where, and whether it was held. */
export function MeetingForm({
  committeeId,
  meeting,
  onDone,
}: {
  committeeId: string;
  meeting?: TMeetingSummary;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const words = useCommitteeWords();
  const plan = useCommitteeMutations(committeeId).planMeeting;
  const update = useMeetingMutations(meeting?.id ?? '').update;
  const mutation = meeting ? update : plan;
  const form = useForm<MeetingValues>({
    resolver: meeting ? updateResolver : createResolver,
    defaultValues: {
      startsAt: meeting ? toLocalInput(meeting.startsAt) : '',
      endsAt: meeting ? toLocalInput(meeting.endsAt) : '',
      place: meeting?.place ?? '',
      link: meeting?.link ?? '',
      status: meeting?.status === 'held' ? 'held' : 'planned',
    },
  });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    try {
      if (meeting) await update.mutateAsync(toUpdate(values));
      else await plan.mutateAsync(toInput(values));
      onDone();
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      {mutation.error && Object.keys(errors).length === 0 ? <ActionProblem error={mutation.error} /> : null}
      <div className="row">
        <TextField
          id="meeting-starts"
          className="col-md-6"
          type="datetime-local"
          label={t('committees.meetingForm.startsAt')}
          required
          error={fieldErrorText(t, errors.startsAt)}
          {...form.register('startsAt')}
        />
        <TextField
          id="meeting-ends"
          className="col-md-6"
          type="datetime-local"
          label={t('committees.meetingForm.endsAt')}
          required
          error={fieldErrorText(t, errors.endsAt)}
          {...form.register('endsAt')}
        />
        <TextField
          id="meeting-place"
          className="col-md-6"
          label={t('committees.meetingForm.place')}
          hint={t('committees.meetingForm.placeHint')}
          maxLength={GOVERNANCE_LIMITS.name}
          error={fieldErrorText(t, errors.place)}
          {...form.register('place')}
        />
        <TextField
          id="meeting-link"
          className="col-md-6"
          type="url"
          label={t('committees.meetingForm.link')}
          hint={t('committees.meetingForm.linkHint')}
          error={fieldErrorText(t, errors.link)}
          {...form.register('link')}
        />
        {meeting && (
          <SelectField
            id="meeting-status"
            className="col-md-6"
            label={t('committees.meetingForm.status')}
            options={['planned', 'held'].map((s) => ({ value: s, label: words.status(s) }))}
            {...form.register('status')}
          />
        )}
      </div>
      <FormActions>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {t('committees.meetingForm.save')}
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}
