import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  REVIEW_OUTCOMES,
  type TCarePlan,
  type TParticipant,
  type TPlanVersion,
  ZParticipantSchema,
  ZReviewInputSchema,
} from '../../../contracts/care-plan.js';
import type { TCase } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import {
  CheckboxField,
  CheckboxGroup,
  FormActions,
  SelectField,
  TextAreaField,
  TextField,
} from '../../ui/fields.js';
import { formatDay } from '../../ui/format.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { orNull, todayLocal } from '../../ui/forms/values.js';
import { personName } from './AssessmentSection.js';
import { usePlanChange } from './care-plan-api.js';

/** The reviews of the plan (and case conferences), latest first. */
export function ReviewList({ data, plan }: { data: TCase; plan: TCarePlan }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (plan.reviews.length === 0) return <p>{t('carePlan.review.none')}</p>;
  const goalText = (id: string) =>
    plan.versions.flatMap((v) => v.goals).find((g) => g.id === id)?.text ?? t('carePlan.review.goalGone');
  const who = (p: TCarePlan['reviews'][number]['participants'][number]) =>
    p.kind === 'team_user'
      ? (p.userName ?? '—')
      : p.kind === 'outside_professional'
        ? [p.name, p.role, p.organisation].filter(Boolean).join(', ')
        : p.personId
          ? personName(data, p.personId)
          : (p.name ?? '—');
  return (
    <ul className="list-unstyled">
      {plan.reviews.map((r) => (
        <li key={r.id} className="border rounded p-3 mb-2">
          <p className="mb-1">
            <strong>
              {formatDay(r.heldOn, locale)} ·{' '}
              {r.caseConference ? t('carePlan.review.conference') : t('carePlan.review.review')}
            </strong>{' '}
            · {t('carePlan.review.ofVersion', { number: r.versionNumber })}
          </p>
          <p className="small mb-1">
            {t('carePlan.review.participants')}:{' '}
            {r.participants.map((p) => `${who(p)} (${t(`carePlan.participant.${p.kind}`)})`).join('; ')}
          </p>
          <p style={{ whiteSpace: 'pre-wrap' }}>{r.summary}</p>
          <ul className="small">
            {r.outcomes.map((o) => (
              <li key={o.goalId}>
                {goalText(o.goalId)}: {t(`carePlan.outcome.${o.outcome}`)}
                {o.note ? ` — ${o.note}` : ''}
              </li>
            ))}
          </ul>
          <p className="small mb-0">
            {t('carePlan.review.next')}: {formatDay(r.nextReviewOn, locale)} ·{' '}
            {t('carePlan.review.recordedBy', { name: r.recordedByName })}
          </p>
        </li>
      ))}
    </ul>
  );
}

/** "Registra verifica": date, who took part, the outcome of each goal, a summary, the next review. */
export function ReviewForm({
  data,
  version,
  onDone,
}: {
  data: TCase;
  version: TPlanVersion;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const change = usePlanChange(data.id);
  const members = data.members ?? [];
  const team = (data.team ?? []).filter((m) => m.teamRole !== 'referrer');
  const [heldOn, setHeldOn] = useState(todayLocal());
  const [conference, setConference] = useState(false);
  const [family, setFamily] = useState<string[]>([]);
  const [teamUsers, setTeamUsers] = useState<string[]>([]);
  const [outside, setOutside] = useState({ name: '', role: '', organisation: '' });
  const [outcomes, setOutcomes] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState('');
  const [nextReviewOn, setNextReviewOn] = useState('');

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const participants: TParticipant[] = [
      ...family.map((personId) => {
        const m = members.find((p) => p.id === personId);
        const child = m?.caseRole === 'child' || m?.relationship === 'child';
        return { kind: child ? ('child' as const) : ('family' as const), personId };
      }),
      ...teamUsers.map((userId) => ({ kind: 'team_user' as const, userId })),
      ...(outside.name.trim()
        ? [
            {
              kind: 'outside_professional' as const,
              name: outside.name.trim(),
              role: orNull(outside.role),
              organisation: orNull(outside.organisation),
            },
          ]
        : []),
    ];
    change.mutate(
      {
        method: 'POST',
        path: '/reviews',
        body: {
          heldOn,
          caseConference: conference,
          participants,
          outcomes: Object.entries(outcomes)
            .filter(([, o]) => o)
            .map(([goalId, outcome]) => ({ goalId, outcome })),
          summary,
          nextReviewOn: nextReviewOn || null,
        },
      },
      { onSuccess: onDone },
    );
  };

  return (
    <form onSubmit={submit} noValidate className="card card-body mb-3">
      <h4 className="h6">{t('carePlan.review.record')}</h4>
      {change.error ? <ActionProblem error={change.error} /> : null}
      <TextField
        id="review-held-on"
        type="date"
        label={t('carePlan.review.heldOn')}
        required
        value={heldOn}
        onChange={(e) => setHeldOn(e.target.value)}
      />
      <CheckboxField
        id="review-conference"
        label={t('carePlan.review.conferenceFlag')}
        checked={conference}
        onChange={(e) => setConference(e.target.checked)}
      />
      <CheckboxGroup
        id="review-family"
        legend={t('carePlan.review.familyPresent')}
        value={family}
        onChange={setFamily}
        options={members.map((m) => ({ value: m.id, label: personName(data, m.id) }))}
      />
      <CheckboxGroup
        id="review-team"
        legend={t('carePlan.review.teamPresent')}
        value={teamUsers}
        onChange={setTeamUsers}
        options={team.map((m) => ({ value: m.userId, label: m.displayName }))}
      />
      <fieldset className="mb-3">
        <legend className="h6">{t('carePlan.review.outside')}</legend>
        <TextField
          id="review-outside-name"
          label={t('carePlan.review.outsideName')}
          maxLength={maxLengthOf(ZParticipantSchema.shape.name)}
          value={outside.name}
          onChange={(e) => setOutside({ ...outside, name: e.target.value })}
        />
        <TextField
          id="review-outside-role"
          label={t('carePlan.review.outsideRole')}
          maxLength={maxLengthOf(ZParticipantSchema.shape.role)}
          value={outside.role}
          onChange={(e) => setOutside({ ...outside, role: e.target.value })}
        />
        <TextField
          id="review-outside-org"
          label={t('carePlan.review.outsideOrganisation')}
          maxLength={maxLengthOf(ZParticipantSchema.shape.organisation)}
          value={outside.organisation}
          onChange={(e) => setOutside({ ...outside, organisation: e.target.value })}
        />
      </fieldset>
      {version.goals.map((g) => (
        <SelectField
          key={g.id}
          id={`review-outcome-${g.id}`}
          label={t('carePlan.review.outcomeOf', { goal: g.text })}
          value={outcomes[g.id] ?? ''}
          onChange={(e) => setOutcomes({ ...outcomes, [g.id]: e.target.value })}
          placeholder={t('carePlan.review.noOutcome')}
          options={REVIEW_OUTCOMES.map((o) => ({ value: o, label: t(`carePlan.outcome.${o}`) }))}
        />
      ))}
      <TextAreaField
        id="review-summary"
        label={t('carePlan.review.summary')}
        required
        rows={3}
        maxLength={maxLengthOf(ZReviewInputSchema.shape.summary)}
        value={summary}
        onChange={(e) => setSummary(e.target.value)}
      />
      <TextField
        id="review-next"
        type="date"
        label={t('carePlan.review.next')}
        value={nextReviewOn}
        onChange={(e) => setNextReviewOn(e.target.value)}
      />
      <FormActions>
        <button type="submit" className="btn btn-primary btn-sm" disabled={change.isPending}>
          {t('common.save')}
        </button>
        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}
