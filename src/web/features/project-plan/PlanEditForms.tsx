import { useTranslation } from 'react-i18next';
import { ACTIVITY_STATUSES } from '../../../contracts/governance-codes.js';
import {
  type TActivity,
  type TMilestone,
  type TPlan,
  ZActivityInputSchema,
  ZActivityStatusInputSchema,
  ZMilestoneInputSchema,
} from '../../../contracts/governance-plan.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { ChangeForm, type FieldSpec, orNull } from './ChangeForm.js';
import { usePlanWords } from './project-plan-words.js';

const enc = encodeURIComponent;

/** Named records (partners, Ambiti) as a select's options, "none" first. */
export const namedOptions = (orgs: { id: string; name: string }[]) => [
  { value: '', label: '—' },
  ...orgs.map((o) => ({ value: o.id, label: o.name })),
];

/** An activity's details (title, partner, dates) and, below, a status update with its note. */
export function ActivityEdit({
  activity,
  plan,
  close,
}: {
  activity: TActivity;
  plan: TPlan;
  close: () => void;
}) {
  const { t } = useTranslation();
  const words = usePlanWords();
  const details: FieldSpec[] = [
    {
      name: 'title',
      label: t('projectPlan.fields.title'),
      required: true,
      maxLength: maxLengthOf(ZActivityInputSchema.shape.title),
    },
    {
      name: 'responsibleOrganisationId',
      label: t('projectPlan.fields.responsible'),
      type: 'select',
      options: namedOptions(plan.organisations),
    },
    { name: 'startsOn', label: t('projectPlan.fields.startsOn'), type: 'date', required: true },
    { name: 'endsOn', label: t('projectPlan.fields.endsOn'), type: 'date', required: true },
  ];
  const status: FieldSpec[] = [
    {
      name: 'status',
      label: t('projectPlan.fields.status'),
      type: 'select',
      options: ACTIVITY_STATUSES.map((s) => ({ value: s, label: words.code('activity', s) })),
    },
    {
      name: 'note',
      label: t('projectPlan.fields.note'),
      type: 'textarea',
      required: true,
      maxLength: maxLengthOf(ZActivityStatusInputSchema.shape.note),
      hint: t('projectPlan.forms.noteHint'),
    },
  ];
  return (
    <>
      <ChangeForm
        id={`act-edit-${activity.id}`}
        title={t('projectPlan.forms.editActivity', { title: activity.title })}
        fields={details}
        initial={{
          title: activity.title,
          responsibleOrganisationId: activity.responsible?.id ?? '',
          startsOn: activity.startsOn,
          endsOn: activity.endsOn,
        }}
        method="PATCH"
        path={`/api/governance/plan/activities/${enc(activity.id)}`}
        toBody={(f) => ({
          title: f.title,
          responsibleOrganisationId: orNull(f.responsibleOrganisationId),
          startsOn: f.startsOn,
          endsOn: f.endsOn,
        })}
        onDone={close}
        onCancel={close}
      />
      <ChangeForm
        id={`act-status-${activity.id}`}
        title={t('projectPlan.forms.update')}
        fields={status}
        initial={{ status: activity.status, note: '' }}
        method="POST"
        path={`/api/governance/plan/activities/${enc(activity.id)}/updates`}
        toBody={(f) => ({ status: f.status, note: f.note ?? '' })}
        onDone={close}
        onCancel={close}
        takeFocus={false}
      />
    </>
  );
}

/** A milestone's title, responsible partner and due day (reaching it has its own form). */
export function MilestoneEdit({
  milestone,
  plan,
  close,
}: {
  milestone: TMilestone;
  plan: TPlan;
  close: () => void;
}) {
  const { t } = useTranslation();
  const fields: FieldSpec[] = [
    {
      name: 'title',
      label: t('projectPlan.fields.title'),
      required: true,
      maxLength: maxLengthOf(ZMilestoneInputSchema.shape.title),
    },
    {
      name: 'responsibleOrganisationId',
      label: t('projectPlan.fields.responsible'),
      type: 'select',
      options: namedOptions(plan.organisations),
    },
    { name: 'dueOn', label: t('projectPlan.fields.dueOn'), type: 'date', required: true },
  ];
  return (
    <ChangeForm
      id={`ms-edit-${milestone.id}`}
      title={t('projectPlan.forms.editMilestone', { title: milestone.title })}
      fields={fields}
      initial={{
        title: milestone.title,
        responsibleOrganisationId: milestone.responsible?.id ?? '',
        dueOn: milestone.dueOn,
      }}
      method="PATCH"
      path={`/api/governance/plan/milestones/${enc(milestone.id)}`}
      toBody={(f) => ({
        title: f.title,
        responsibleOrganisationId: orNull(f.responsibleOrganisationId),
        dueOn: f.dueOn,
      })}
      onDone={close}
      onCancel={close}
    />
  );
}
