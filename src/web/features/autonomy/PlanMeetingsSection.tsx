import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type TPlan, ZMeetingInputSchema } from '../../../contracts/autonomy.js';
import { useLocale } from '../../i18n/index.js';
import { useSession } from '../../session/session.js';
import { EditorCard } from '../../ui/EditorCard.js';
import { FormActions, SelectField, TextAreaField, TextField } from '../../ui/fields.js';
import { formatDay } from '../../ui/format.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { codesOf, maxLengthOf, rangeOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { useMeetingAdd } from './autonomy-api.js';
import { type MeetingValues, meetingDefaults, meetingResolver, meetingToInput } from './autonomy-forms.js';
import { PlanSection, planWritable } from './PlanSection.js';

const shape = ZMeetingInputSchema.shape;
const KINDS = codesOf(shape.kind);

/**
 * Tutoring, orientation and review meetings, newest first. A clinician's note is sealed: only its
 * author and the clinicians who follow the plan read it; everyone else sees that there is one.
 */
export function PlanMeetingsSection({ plan }: { plan: TPlan }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState('');

  return (
    <PlanSection
      id="plan-meetings"
      title={t('autonomy.meetings.title')}
      action={planWritable(plan) && !adding && t('autonomy.meetings.add')}
      onAction={() => {
        setNotice('');
        setAdding(true);
      }}
      notice={notice}
    >
      {adding && (
        <EditorCard id="plan-meeting-add" title={t('autonomy.meetings.add')}>
          <MeetingForm
            planId={plan.id}
            onDone={(saved) => {
              setAdding(false);
              setNotice(saved ? t('autonomy.meetings.added') : '');
            }}
          />
        </EditorCard>
      )}
      {plan.meetings.length === 0 ? (
        <p>{t('autonomy.meetings.none')}</p>
      ) : (
        <ul className="list-unstyled">
          {plan.meetings.map((m) => (
            <li key={m.id} className="border-start border-3 ps-3 mb-3">
              <h3 className="h6 mb-1">
                {t('autonomy.meetings.heading', {
                  kind: t(`autonomy.meetingKind.${m.kind}`),
                  date: formatDay(m.heldOn, locale),
                })}
              </h3>
              <p className="small mb-1">
                {t('autonomy.meetings.byline', { author: m.author.name, count: m.minutes })}
              </p>
              {m.noteHidden ? (
                <p className="fst-italic mb-0">{t('autonomy.meetings.sealed')}</p>
              ) : m.note ? (
                <p className="mb-0" style={{ whiteSpace: 'pre-line' }}>
                  {m.sealed && (
                    <span className="badge bg-secondary me-2">{t('autonomy.meetings.sealedBadge')}</span>
                  )}
                  {m.note}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </PlanSection>
  );
}

function MeetingForm({ planId, onDone }: { planId: string; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const session = useSession();
  const add = useMeetingAdd(planId);
  const form = useForm<MeetingValues>({ resolver: meetingResolver, defaultValues: meetingDefaults() });
  const { register, control } = form;
  const { errors, isSubmitting } = form.formState;
  const kind = useWatch({ control, name: 'kind' });
  const clinician =
    session.memberships.find((m) => m.id === session.activeMembershipId)?.role === 'clinician';
  const submit = form.handleSubmit(async (values) => {
    try {
      await add.mutateAsync(meetingToInput(values));
      onDone(true);
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      {add.error && Object.keys(errors).length === 0 ? <ActionProblem error={add.error} /> : null}
      <div className="row">
        <SelectField
          id="meeting-kind"
          className="col-md-4"
          label={t('autonomy.meetings.kind')}
          required
          options={KINDS.map((k) => ({ value: k, label: t(`autonomy.meetingKind.${k}`) }))}
          error={fieldErrorText(t, errors.kind)}
          {...register('kind')}
        />
        <TextField
          id="meeting-held-on"
          className="col-md-4"
          type="date"
          label={t('autonomy.meetings.heldOn')}
          required
          error={fieldErrorText(t, errors.heldOn)}
          {...register('heldOn')}
        />
        <TextField
          id="meeting-minutes"
          className="col-md-4"
          type="number"
          inputMode="numeric"
          label={t('autonomy.meetings.minutes')}
          required
          {...rangeOf(shape.minutes)}
          error={fieldErrorText(t, errors.minutes)}
          {...register('minutes')}
        />
      </div>
      <TextAreaField
        id="meeting-note"
        label={t('autonomy.meetings.note')}
        hint={clinician ? t('autonomy.meetings.noteSealedHint') : t('autonomy.meetings.noteHint')}
        rows={4}
        maxLength={maxLengthOf(shape.note)}
        error={fieldErrorText(t, errors.note)}
        {...register('note')}
      />
      {kind === 'review' && (
        <TextField
          id="meeting-next-review"
          type="date"
          label={t('autonomy.meetings.nextReviewOn')}
          hint={t('autonomy.meetings.nextReviewHint')}
          error={fieldErrorText(t, errors.nextReviewOn)}
          {...register('nextReviewOn')}
        />
      )}
      <FormActions>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {t('autonomy.meetings.save')}
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}
