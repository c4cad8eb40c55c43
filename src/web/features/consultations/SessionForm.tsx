import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CO_THERAPIST_PROFESSIONS,
  type TAttendeeInput,
  type TConsultation,
  ZAttendeeInputSchema,
  ZConsultationSessionInputSchema,
} from '../../../contracts/consultations.js';
import { useLocale } from '../../i18n/index.js';
import { CheckboxField, FormActions, SelectField, TextAreaField, TextField } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { maxLengthOf, rangeOf } from '../../ui/forms/limits.js';
import { serverFieldError } from '../../ui/forms/server-errors.js';
import { orNull } from '../../ui/forms/values.js';
import { useConsultationMutations } from './consultations-api.js';

type Profession = (typeof CO_THERAPIST_PROFESSIONS)[number];
interface Outsider {
  name: string;
  professionalRole: string;
  organisation: string;
}
const fields = ZConsultationSessionInputSchema.shape;
const attendee = ZAttendeeInputSchema.shape;

/**
 * A session and its circle: the lead (the consultation's), co-therapists of the team with their
 * profession, the mediator and language, the first-line professionals (recorded, never given
 * access), the family members of the referral.
 */
export function SessionForm({
  consultation: k,
  onDone,
}: {
  consultation: TConsultation;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { session } = useConsultationMutations(k.id);
  const [heldOn, setHeldOn] = useState('');
  const [minutes, setMinutes] = useState('120');
  const [place, setPlace] = useState('');
  const [explanation, setExplanation] = useState('');
  const [hypotheses, setHypotheses] = useState('');
  const [feedback, setFeedback] = useState('');
  const [next, setNext] = useState('');
  const [co, setCo] = useState<Record<string, Profession | ''>>({});
  const [mediator, setMediator] = useState({ name: '', language: '' });
  const [outsiders, setOutsiders] = useState<Outsider[]>([
    { name: '', professionalRole: '', organisation: '' },
  ]);
  const [family, setFamily] = useState<string[]>([]);
  const err = (field: string) => serverFieldError(session.error, locale, field);
  const others = (k.teamUsers ?? []).filter((u) => u.id !== k.leadUserId);

  async function save(event: FormEvent) {
    event.preventDefault();
    const attendees: TAttendeeInput[] = [
      ...(k.leadUserId ? [{ role: 'lead_therapist' as const, userId: k.leadUserId }] : []),
      ...Object.entries(co).map(([userId, profession]) => ({
        role: 'co_therapist' as const,
        userId,
        profession: profession || null,
      })),
      ...(mediator.name
        ? [{ role: 'mediator' as const, name: mediator.name, language: orNull(mediator.language) }]
        : []),
      ...outsiders
        .filter((o) => o.name.trim())
        .map((o) => ({
          role: 'first_line_professional' as const,
          name: o.name.trim(),
          professionalRole: orNull(o.professionalRole),
          organisation: orNull(o.organisation),
        })),
      ...family.map((personId) => ({ role: 'family_member' as const, personId })),
    ];
    await session.mutateAsync({
      body: {
        heldOn,
        durationMinutes: Number(minutes),
        place,
        familyExplanation: orNull(explanation),
        hypotheses: orNull(hypotheses),
        feedback: orNull(feedback),
        nextAppointmentOn: next || null,
        attendees,
      },
    });
    onDone();
  }
  const duration = rangeOf(fields.durationMinutes);
  return (
    <form onSubmit={(e) => void save(e).catch(() => undefined)} noValidate className="card card-body">
      {session.error ? <ActionProblem error={session.error} /> : null}
      <TextField
        id="cs-held-on"
        type="date"
        label={t('consultations.sessions.heldOn')}
        required
        value={heldOn}
        error={err('heldOn')}
        onChange={(e) => setHeldOn(e.target.value)}
      />
      <TextField
        id="cs-minutes"
        type="number"
        label={t('consultations.sessions.duration')}
        required
        min={duration.min}
        max={duration.max}
        value={minutes}
        error={err('durationMinutes')}
        onChange={(e) => setMinutes(e.target.value)}
      />
      <TextField
        id="cs-place"
        label={t('consultations.sessions.place')}
        required
        maxLength={maxLengthOf(fields.place)}
        value={place}
        error={err('place')}
        onChange={(e) => setPlace(e.target.value)}
      />
      <TextAreaField
        id="cs-explanation"
        label={t('consultations.sessions.familyExplanation')}
        rows={3}
        maxLength={maxLengthOf(fields.familyExplanation)}
        value={explanation}
        error={err('familyExplanation')}
        onChange={(e) => setExplanation(e.target.value)}
      />
      <TextAreaField
        id="cs-hypotheses"
        label={t('consultations.sessions.hypotheses')}
        rows={3}
        maxLength={maxLengthOf(fields.hypotheses)}
        value={hypotheses}
        error={err('hypotheses')}
        onChange={(e) => setHypotheses(e.target.value)}
      />
      <TextAreaField
        id="cs-feedback"
        label={t('consultations.sessions.feedback')}
        rows={3}
        maxLength={maxLengthOf(fields.feedback)}
        value={feedback}
        error={err('feedback')}
        onChange={(e) => setFeedback(e.target.value)}
      />
      <TextField
        id="cs-next"
        type="date"
        label={t('consultations.sessions.nextAppointmentOn')}
        value={next}
        error={err('nextAppointmentOn')}
        onChange={(e) => setNext(e.target.value)}
      />
      <fieldset className="mb-3">
        <legend className="h6">{t('consultations.role.co_therapist')}</legend>
        {others.map((u) => (
          <div key={u.id} className="d-flex flex-wrap gap-3 align-items-end">
            <CheckboxField
              id={`cs-co-${u.id}`}
              label={u.name}
              checked={u.id in co}
              onChange={(e) =>
                setCo((c) => {
                  const copy = { ...c };
                  if (e.target.checked) copy[u.id] = '';
                  else delete copy[u.id];
                  return copy;
                })
              }
            />
            {u.id in co && (
              <SelectField
                id={`cs-co-profession-${u.id}`}
                label={t('consultations.sessions.profession')}
                placeholder={t('consultations.choose')}
                value={co[u.id] ?? ''}
                options={CO_THERAPIST_PROFESSIONS.map((p) => ({
                  value: p,
                  label: t(`consultations.profession.${p}`),
                }))}
                onChange={(e) => setCo((c) => ({ ...c, [u.id]: e.target.value as Profession }))}
              />
            )}
          </div>
        ))}
      </fieldset>
      <fieldset className="mb-3">
        <legend className="h6">{t('consultations.role.mediator')}</legend>
        <TextField
          id="cs-mediator-name"
          label={t('consultations.sessions.name')}
          maxLength={maxLengthOf(attendee.name)}
          value={mediator.name}
          onChange={(e) => setMediator((m) => ({ ...m, name: e.target.value }))}
        />
        <TextField
          id="cs-mediator-language"
          label={t('consultations.sessions.language')}
          maxLength={maxLengthOf(attendee.language)}
          value={mediator.language}
          onChange={(e) => setMediator((m) => ({ ...m, language: e.target.value }))}
        />
      </fieldset>
      <fieldset className="mb-3">
        <legend className="h6">{t('consultations.role.first_line_professional')}</legend>
        <p className="small">{t('consultations.sessions.noAccess')}</p>
        {outsiders.map((o, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are only appended
          <div key={i} className="d-flex flex-wrap gap-3">
            <TextField
              id={`cs-out-name-${i}`}
              label={t('consultations.sessions.name')}
              maxLength={maxLengthOf(attendee.name)}
              value={o.name}
              onChange={(e) =>
                setOutsiders((l) => l.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))
              }
            />
            <TextField
              id={`cs-out-role-${i}`}
              label={t('consultations.sessions.professionalRole')}
              maxLength={maxLengthOf(attendee.professionalRole)}
              value={o.professionalRole}
              onChange={(e) =>
                setOutsiders((l) =>
                  l.map((x, j) => (j === i ? { ...x, professionalRole: e.target.value } : x)),
                )
              }
            />
            <TextField
              id={`cs-out-org-${i}`}
              label={t('consultations.sessions.organisation')}
              maxLength={maxLengthOf(attendee.organisation)}
              value={o.organisation}
              onChange={(e) =>
                setOutsiders((l) => l.map((x, j) => (j === i ? { ...x, organisation: e.target.value } : x)))
              }
            />
          </div>
        ))}
        <button
          type="button"
          className="btn btn-outline-secondary btn-sm"
          onClick={() => setOutsiders((l) => [...l, { name: '', professionalRole: '', organisation: '' }])}
        >
          {t('consultations.sessions.addProfessional')}
        </button>
      </fieldset>
      <fieldset className="mb-3">
        <legend className="h6">{t('consultations.role.family_member')}</legend>
        {(k.familyMembers ?? []).map((p) => (
          <CheckboxField
            key={p.id}
            id={`cs-family-${p.id}`}
            label={p.name}
            checked={family.includes(p.id)}
            onChange={(e) =>
              setFamily((f) => (e.target.checked ? [...f, p.id] : f.filter((x) => x !== p.id)))
            }
          />
        ))}
      </fieldset>
      <FormActions>
        <button type="submit" className="btn btn-primary btn-sm" disabled={session.isPending}>
          {t('consultations.sessions.save')}
        </button>
        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={onDone}>
          {t('consultations.cancel')}
        </button>
      </FormActions>
    </form>
  );
}
