import { Link } from '@tanstack/react-router';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  type TJobPlacement,
  ZJobPlacementInputSchema,
  ZJobPlacementUpdateSchema,
} from '../../../contracts/autonomy.js';
import { useLocale } from '../../i18n/index.js';
import { FormActions, SelectField, TextField } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { maxLengthOf, rangeOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { useEmployers, useInitiatives } from './autonomy-catalogue-api.js';
import { useFollowUp, usePlacementAdd, usePlacementUpdate } from './autonomy-jobs-api.js';
import { useCatalogueWords } from './catalogue-words.js';
import {
  emptyFollowUp,
  emptyPlacement,
  type FollowUpValues,
  followUpResolver,
  followUpToInput,
  NEXT_PLACEMENT_STATUS,
  type PlacementStatusValues,
  type PlacementValues,
  placementResolver,
  placementStatusResolver,
  placementStatusToInput,
  placementStatusToValues,
  placementToInput,
} from './jobs-forms.js';
import { useJobWords } from './jobs-words.js';

const shape = ZJobPlacementInputSchema.shape;
const HOURS = rangeOf(shape.hoursPerWeek);

function Actions({ busy, onCancel }: { busy: boolean; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <FormActions>
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {t('common.save')}
      </button>
      <button type="button" className="btn btn-outline-secondary" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </FormActions>
  );
}

/**
 * A new placement: the employer or social enterprise (from the registry), the project's social
 * enterprise it belongs to if any, the kind of contract, the dates, the hours, the pay band and the
 * employer's tutor. It starts as proposed.
 */
export function PlacementForm({ planId, onDone }: { planId: string; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const words = useJobWords();
  const catalogue = useCatalogueWords();
  const employers = useEmployers();
  const initiatives = useInitiatives();
  const add = usePlacementAdd(planId);
  const form = useForm<PlacementValues>({ resolver: placementResolver, defaultValues: emptyPlacement() });
  const { register } = form;
  const { errors, isSubmitting } = form.formState;
  const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, locale);
  const employerOptions = (employers.data?.items ?? [])
    .map((e) => ({
      value: e.id,
      label: `${e.name} (${catalogue.word('employerKind', e.kind)}, ${e.municipalityName})`,
    }))
    .sort(byLabel);
  const initiativeOptions = (initiatives.data?.items ?? [])
    .map((i) => ({ value: i.id, label: i.name }))
    .sort(byLabel);
  const submit = form.handleSubmit(async (values) => {
    try {
      await add.mutateAsync(placementToInput(values));
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
          id="placement-employer"
          className="col-md-6"
          label={t('autonomyJobs.placements.employer')}
          placeholder={t('common.choose')}
          required
          options={employerOptions}
          error={fieldErrorText(t, errors.employerHolderId)}
          {...register('employerHolderId')}
        />
        <SelectField
          id="placement-initiative"
          className="col-md-6"
          label={t('autonomyJobs.placements.initiative')}
          hint={t('autonomyJobs.placements.initiativeHint')}
          placeholder={t('autonomyJobs.placements.noInitiative')}
          options={initiativeOptions}
          error={fieldErrorText(t, errors.initiativeId)}
          {...register('initiativeId')}
        />
      </div>
      {employers.data?.canCreate && (
        <p className="small">
          {t('autonomyJobs.placements.employerMissing')}{' '}
          <Link to="/autonomy/enterprises">{t('autonomyJobs.placements.toEnterprises')}</Link>
        </p>
      )}
      <div className="row">
        <SelectField
          id="placement-kind"
          className="col-md-6"
          label={t('autonomyJobs.placements.kind')}
          placeholder={t('common.choose')}
          required
          options={words.options('placementKind')}
          error={fieldErrorText(t, errors.kind)}
          {...register('kind')}
        />
        <SelectField
          id="placement-wage"
          className="col-md-6"
          label={t('autonomyJobs.placements.wageBand')}
          placeholder={t('common.choose')}
          required
          options={words.options('wageBand')}
          error={fieldErrorText(t, errors.wageBand)}
          {...register('wageBand')}
        />
        <TextField
          id="placement-starts-on"
          className="col-md-6"
          type="date"
          label={t('autonomyJobs.placements.startsOn')}
          required
          error={fieldErrorText(t, errors.startsOn)}
          {...register('startsOn')}
        />
        <TextField
          id="placement-ends-on"
          className="col-md-6"
          type="date"
          label={t('autonomyJobs.placements.endsOn')}
          hint={t('autonomyJobs.placements.endsOnHint')}
          error={fieldErrorText(t, errors.endsOn)}
          {...register('endsOn')}
        />
        <TextField
          id="placement-hours"
          className="col-md-6"
          type="number"
          inputMode="decimal"
          step="0.5"
          label={t('autonomyJobs.placements.hoursPerWeek')}
          required
          {...HOURS}
          error={fieldErrorText(t, errors.hoursPerWeek)}
          {...register('hoursPerWeek')}
        />
        <TextField
          id="placement-tutor"
          className="col-md-6"
          label={t('autonomyJobs.placements.employerTutor')}
          hint={t('autonomyJobs.placements.employerTutorHint')}
          autoComplete="off"
          maxLength={maxLengthOf(shape.employerTutorName)}
          error={fieldErrorText(t, errors.employerTutorName)}
          {...register('employerTutorName')}
        />
      </div>
      <Actions busy={isSubmitting} onCancel={() => onDone(false)} />
    </form>
  );
}

/** The next status along the placement's path; an ended one with its end date and a note. */
export function PlacementStatusForm({
  placement,
  onDone,
}: {
  placement: TJobPlacement;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const words = useJobWords();
  const update = usePlacementUpdate();
  const form = useForm<PlacementStatusValues>({
    resolver: placementStatusResolver,
    defaultValues: placementStatusToValues(placement),
  });
  const { register } = form;
  const { errors, isSubmitting } = form.formState;
  const ending = form.watch('status') === 'ended';
  const id = (name: string) => `placement-${placement.id}-${name}`;
  const submit = form.handleSubmit(async (values) => {
    try {
      await update.mutateAsync({ placementId: placement.id, body: placementStatusToInput(values) });
      onDone(true);
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      {update.error && Object.keys(errors).length === 0 ? <ActionProblem error={update.error} /> : null}
      <SelectField
        id={id('status')}
        label={t('autonomyJobs.placements.newStatus')}
        required
        options={words.options('placementStatus', NEXT_PLACEMENT_STATUS[placement.status])}
        error={fieldErrorText(t, errors.status)}
        {...register('status')}
      />
      {ending && (
        <div className="row">
          <TextField
            id={id('ends-on')}
            className="col-md-6"
            type="date"
            label={t('autonomyJobs.placements.endedOn')}
            required
            error={fieldErrorText(t, errors.endsOn)}
            {...register('endsOn')}
          />
          <TextField
            id={id('end-note')}
            className="col-md-6"
            label={t('autonomyJobs.placements.endNote')}
            hint={t('autonomyJobs.placements.endNoteHint')}
            maxLength={maxLengthOf(ZJobPlacementUpdateSchema.shape.endNote)}
            error={fieldErrorText(t, errors.endNote)}
            {...register('endNote')}
          />
        </div>
      )}
      <Actions busy={isSubmitting} onCancel={() => onDone(false)} />
    </form>
  );
}

/** Where the person stands 6 or 12 months after the placement began (recorded again, it is corrected). */
export function FollowUpForm({
  placement,
  months,
  onDone,
}: {
  placement: TJobPlacement;
  months: 6 | 12;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const words = useJobWords();
  const record = useFollowUp();
  const recorded = placement.followUps.find((f) => f.months === months);
  const form = useForm<FollowUpValues>({
    resolver: followUpResolver,
    defaultValues: recorded
      ? { outcome: recorded.outcome, recordedOn: recorded.recordedOn }
      : emptyFollowUp(),
  });
  const { register } = form;
  const { errors, isSubmitting } = form.formState;
  const id = (name: string) => `placement-${placement.id}-${months}-${name}`;
  const submit = form.handleSubmit(async (values) => {
    try {
      await record.mutateAsync({ placementId: placement.id, months, body: followUpToInput(values) });
      onDone(true);
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      {record.error && Object.keys(errors).length === 0 ? <ActionProblem error={record.error} /> : null}
      <div className="row">
        <SelectField
          id={id('outcome')}
          className="col-md-6"
          label={t('autonomyJobs.placements.outcome')}
          placeholder={t('common.choose')}
          required
          options={words.options('followUpOutcome')}
          error={fieldErrorText(t, errors.outcome)}
          {...register('outcome')}
        />
        <TextField
          id={id('recorded-on')}
          className="col-md-6"
          type="date"
          label={t('autonomyJobs.placements.recordedOn')}
          required
          error={fieldErrorText(t, errors.recordedOn)}
          {...register('recordedOn')}
        />
      </div>
      <Actions busy={isSubmitting} onCancel={() => onDone(false)} />
    </form>
  );
}
