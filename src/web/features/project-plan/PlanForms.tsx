import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTIVITY_STATUSES, WORK_PACKAGES } from '../../../contracts/governance-codes.js';
import {
  type TPlan,
  ZActivityInputSchema,
  ZActivityStatusInputSchema,
  ZMilestoneInputSchema,
} from '../../../contracts/governance-plan.js';
import { isApiError } from '../../api/problem.js';
import { useLocale } from '../../i18n/index.js';
import { FormActions, SelectField, TextAreaField, TextField } from '../../ui/fields.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { usePlanChange } from './project-plan-api.js';
import { usePlanWords } from './project-plan-words.js';

/** The coordinators' forms: a status update, a new activity, a new milestone, a milestone reached. */
export function PlanForms({ plan }: { plan: TPlan }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const words = usePlanWords();
  const change = usePlanChange();
  const [form, setForm] = useState<Record<string, string>>({});
  const set = (key: string) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });
  const errors = isApiError(change.error) ? change.error.fieldErrors(locale) : [];
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  const activities = plan.workPackages.flatMap((w) => w.activities);
  const milestones = plan.workPackages.flatMap((w) => w.milestones).filter((m) => !m.reachedOn);
  const wpOptions = WORK_PACKAGES.map((wp) => ({ value: wp, label: words.workPackage(wp) }));
  const orgOptions = [
    { value: '', label: '—' },
    ...plan.organisations.map((o) => ({ value: o.id, label: o.name })),
  ];
  const submit = (method: 'POST', path: string, body: unknown) => (e: FormEvent) => {
    e.preventDefault();
    change.mutate({ method, path, body }, { onSuccess: () => setForm({}) });
  };
  const today = new Date().toISOString().slice(0, 10);

  return (
    <details className="mb-4">
      <summary>{t('projectPlan.forms.open')}</summary>
      {change.error && !errors.length ? <ProblemAlert error={change.error} /> : null}
      <form
        className="border rounded p-3 my-3"
        onSubmit={submit('POST', `/api/governance/plan/activities/${form.activity ?? ''}/updates`, {
          status: form.status ?? 'on_track',
          note: form.note ?? '',
        })}
      >
        <h2 className="h5">{t('projectPlan.forms.update')}</h2>
        <SelectField
          id="upd-activity"
          label={t('projectPlan.fields.activity')}
          value={form.activity ?? ''}
          onChange={set('activity')}
          required
          options={[{ value: '', label: '—' }, ...activities.map((a) => ({ value: a.id, label: a.title }))]}
        />
        <SelectField
          id="upd-status"
          label={t('projectPlan.fields.status')}
          value={form.status ?? 'on_track'}
          onChange={set('status')}
          options={ACTIVITY_STATUSES.map((s) => ({ value: s, label: words.code('activity', s) }))}
        />
        <TextAreaField
          id="upd-note"
          label={t('projectPlan.fields.note')}
          value={form.note ?? ''}
          onChange={set('note')}
          error={errorOf('note')}
          maxLength={maxLengthOf(ZActivityStatusInputSchema.shape.note)}
          required
        />
        <FormActions>
          <button type="submit" className="btn btn-primary" disabled={change.isPending}>
            {t('projectPlan.forms.save')}
          </button>
        </FormActions>
      </form>
      <form
        className="border rounded p-3 my-3"
        onSubmit={submit('POST', '/api/governance/plan/activities', {
          workPackage: form.wp ?? 'wp1',
          title: form.title ?? '',
          responsibleOrganisationId: form.org || null,
          startsOn: form.startsOn ?? '',
          endsOn: form.endsOn ?? '',
        })}
      >
        <h2 className="h5">{t('projectPlan.forms.activity')}</h2>
        <SelectField
          id="act-wp"
          label={t('projectPlan.fields.workPackage')}
          value={form.wp ?? 'wp1'}
          onChange={set('wp')}
          options={wpOptions}
        />
        <TextField
          id="act-title"
          label={t('projectPlan.fields.title')}
          value={form.title ?? ''}
          onChange={set('title')}
          error={errorOf('title')}
          maxLength={maxLengthOf(ZActivityInputSchema.shape.title)}
          required
        />
        <SelectField
          id="act-org"
          label={t('projectPlan.fields.responsible')}
          value={form.org ?? ''}
          onChange={set('org')}
          options={orgOptions}
          error={errorOf('responsibleOrganisationId')}
        />
        <TextField
          id="act-start"
          type="date"
          label={t('projectPlan.fields.startsOn')}
          value={form.startsOn ?? ''}
          onChange={set('startsOn')}
          error={errorOf('startsOn')}
          required
        />
        <TextField
          id="act-end"
          type="date"
          label={t('projectPlan.fields.endsOn')}
          value={form.endsOn ?? ''}
          onChange={set('endsOn')}
          error={errorOf('endsOn')}
          required
        />
        <FormActions>
          <button type="submit" className="btn btn-primary" disabled={change.isPending}>
            {t('projectPlan.forms.save')}
          </button>
        </FormActions>
      </form>
      <form
        className="border rounded p-3 my-3"
        onSubmit={submit('POST', '/api/governance/plan/milestones', {
          workPackage: form.mwp ?? 'wp1',
          title: form.mtitle ?? '',
          responsibleOrganisationId: form.morg || null,
          dueOn: form.dueOn ?? '',
        })}
      >
        <h2 className="h5">{t('projectPlan.forms.milestone')}</h2>
        <SelectField
          id="ms-wp"
          label={t('projectPlan.fields.workPackage')}
          value={form.mwp ?? 'wp1'}
          onChange={set('mwp')}
          options={wpOptions}
        />
        <TextField
          id="ms-title"
          label={t('projectPlan.fields.title')}
          value={form.mtitle ?? ''}
          onChange={set('mtitle')}
          error={errorOf('title')}
          maxLength={maxLengthOf(ZMilestoneInputSchema.shape.title)}
          required
        />
        <SelectField
          id="ms-org"
          label={t('projectPlan.fields.responsible')}
          value={form.morg ?? ''}
          onChange={set('morg')}
          options={orgOptions}
        />
        <TextField
          id="ms-due"
          type="date"
          label={t('projectPlan.fields.dueOn')}
          value={form.dueOn ?? ''}
          onChange={set('dueOn')}
          error={errorOf('dueOn')}
          required
        />
        <FormActions>
          <button type="submit" className="btn btn-primary" disabled={change.isPending}>
            {t('projectPlan.forms.save')}
          </button>
        </FormActions>
      </form>
      <form
        className="border rounded p-3 my-3"
        onSubmit={submit('POST', `/api/governance/plan/milestones/${form.reached ?? ''}/reached`, {
          reachedOn: form.reachedOn ?? today,
        })}
      >
        <h2 className="h5">{t('projectPlan.forms.reached')}</h2>
        <SelectField
          id="rc-ms"
          label={t('projectPlan.fields.milestone')}
          value={form.reached ?? ''}
          onChange={set('reached')}
          required
          options={[{ value: '', label: '—' }, ...milestones.map((m) => ({ value: m.id, label: m.title }))]}
        />
        <TextField
          id="rc-on"
          type="date"
          max={today}
          label={t('projectPlan.fields.reachedOn')}
          value={form.reachedOn ?? today}
          onChange={set('reachedOn')}
          error={errorOf('reachedOn')}
          required
        />
        <FormActions>
          <button type="submit" className="btn btn-primary" disabled={change.isPending}>
            {t('projectPlan.forms.save')}
          </button>
        </FormActions>
      </form>
    </details>
  );
}
