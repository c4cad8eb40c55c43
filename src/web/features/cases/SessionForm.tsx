import { Controller, type FieldError, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  NOTE_MAX_LENGTH,
  NOTE_SECTIONS,
  PLACES,
  SESSION_KINDS,
  type TCase,
  ZSessionCreateSchema,
} from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import {
  CheckboxField,
  CheckboxGroup,
  FormActions,
  SelectField,
  TextAreaField,
  TextField,
} from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { rangeOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { orNull, toInstant, toLocalInput } from '../../ui/forms/values.js';
import { useReferenceOptions } from '../households/reference-options.js';
import { useSessionCreate, useStaff } from './cases-api.js';

interface SessionValues {
  kind: string;
  startsAt: string;
  durationMinutes: string;
  place: string;
  language: string;
  staffIds: string[];
  personIds: string[];
  mediatorId: string;
  notes: Record<(typeof NOTE_SECTIONS)[number], string>;
  remindPerson: boolean;
}

function toInput(v: SessionValues) {
  const notes = Object.fromEntries(
    NOTE_SECTIONS.filter((s) => v.notes[s].trim() !== '').map((s) => [s, v.notes[s]]),
  );
  return {
    kind: v.kind,
    startsAt: toInstant(v.startsAt),
    durationMinutes: v.durationMinutes.trim() === '' ? Number.NaN : Number(v.durationMinutes),
    place: v.place,
    language: orNull(v.language),
    staffIds: v.staffIds,
    personIds: v.personIds,
    mediatorId: orNull(v.mediatorId),
    notes,
    remindPerson: v.remindPerson,
  };
}
const resolver = contractResolver<SessionValues>(ZSessionCreateSchema, toInput);

export function SessionForm({ data, onDone }: { data: TCase; onDone: (created: boolean) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const create = useSessionCreate(data.id);
  const staff = useStaff({ caseId: data.id });
  const { languageOptions } = useReferenceOptions();
  const team = data.team ?? [];
  const members = data.members ?? [];
  const clinicians = team.filter((m) => m.teamRole === 'lead' || m.teamRole === 'member');
  // Mediators: those on the team, then the others the case may call on.
  const mediators = new Map<string, string>();
  for (const m of team) if (m.teamRole === 'mediator') mediators.set(m.userId, m.displayName);
  for (const s of staff.data ?? [])
    if (s.role === 'mediator' && !mediators.has(s.id)) mediators.set(s.id, s.displayName);
  const preferred = members.find((m) => m.preferredLanguage)?.preferredLanguage ?? '';

  const form = useForm<SessionValues>({
    resolver,
    defaultValues: {
      kind: 'consultation',
      startsAt: toLocalInput(null, true),
      durationMinutes: '60',
      place: 'service',
      language: preferred,
      staffIds: [],
      personIds: members.filter((m) => m.caseRole === 'victim').map((m) => m.id),
      mediatorId: '',
      notes: { psychological: '', social: '', mediation: '' },
      remindPerson: false,
    },
  });
  const { register, control } = form;
  const { errors, isSubmitting } = form.formState;
  const listError = (e: unknown) => e as FieldError | undefined;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await create.mutateAsync(ZSessionCreateSchema.parse(toInput(values)));
      onDone(true);
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      {create.error && Object.keys(errors).length === 0 ? <ActionProblem error={create.error} /> : null}
      <div className="row">
        <SelectField
          id="session-kind"
          className="col-md-6"
          label={t('sessions.fields.kind')}
          options={SESSION_KINDS.map((k) => ({ value: k, label: t(`enums.sessionKind.${k}`) }))}
          required
          error={fieldErrorText(t, errors.kind)}
          {...register('kind')}
        />
        <SelectField
          id="session-place"
          className="col-md-6"
          label={t('sessions.fields.place')}
          options={PLACES.map((p) => ({ value: p, label: t(`enums.place.${p}`) }))}
          required
          error={fieldErrorText(t, errors.place)}
          {...register('place')}
        />
      </div>
      <div className="row">
        <TextField
          id="session-starts-at"
          className="col-md-6"
          type="datetime-local"
          label={t('sessions.fields.startsAt')}
          required
          error={fieldErrorText(t, errors.startsAt)}
          {...register('startsAt')}
        />
        <TextField
          id="session-duration"
          className="col-md-6"
          type="number"
          inputMode="numeric"
          {...rangeOf(ZSessionCreateSchema.shape.durationMinutes)}
          step={5}
          label={t('sessions.fields.durationMinutes')}
          hint={t('sessions.form.durationHint')}
          required
          error={fieldErrorText(t, errors.durationMinutes, t('sessions.form.durationHint'))}
          {...register('durationMinutes')}
        />
      </div>
      <div className="row">
        <SelectField
          id="session-language"
          className="col-md-6"
          label={t('sessions.fields.language')}
          placeholder={t('households.person.notStated')}
          options={languageOptions}
          error={fieldErrorText(t, errors.language)}
          {...register('language')}
        />
        <SelectField
          id="session-mediator"
          className="col-md-6"
          label={t('sessions.fields.mediator')}
          hint={t('sessions.form.mediatorHint')}
          placeholder={t('sessions.form.noMediator')}
          options={[...mediators.entries()].map(([value, label]) => ({ value, label }))}
          error={fieldErrorText(t, errors.mediatorId)}
          {...register('mediatorId')}
        />
      </div>
      <Controller
        control={control}
        name="staffIds"
        render={({ field }) => (
          <CheckboxGroup
            id="session-staff"
            legend={t('sessions.fields.staff')}
            options={clinicians.map((m) => ({ value: m.userId, label: m.displayName }))}
            value={field.value}
            onChange={field.onChange}
            error={fieldErrorText(t, listError(errors.staffIds))}
          />
        )}
      />
      <Controller
        control={control}
        name="personIds"
        render={({ field }) => (
          <CheckboxGroup
            id="session-people"
            legend={t('sessions.fields.people')}
            options={members.map((m) => ({
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
      <fieldset className="mb-3">
        <legend className="h6 fw-semibold text-body mb-2 px-0">{t('sessions.form.notes')}</legend>
        <p className="small">{t('sessions.form.notesHint')}</p>
        {NOTE_SECTIONS.map((section) => (
          <TextAreaField
            key={section}
            id={`session-note-${section}`}
            label={t(`enums.noteSection.${section}`)}
            hint={t(`sessions.form.noteAudience.${section}`)}
            rows={4}
            maxLength={NOTE_MAX_LENGTH}
            error={fieldErrorText(t, errors.notes?.[section])}
            {...register(`notes.${section}`)}
          />
        ))}
      </fieldset>
      <CheckboxField
        id="session-remind"
        label={t('sessions.form.remindPerson')}
        hint={t('sessions.form.remindPersonHint')}
        error={fieldErrorText(t, errors.remindPerson)}
        {...register('remindPerson')}
      />
      <FormActions>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {t('sessions.form.submit')}
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}
