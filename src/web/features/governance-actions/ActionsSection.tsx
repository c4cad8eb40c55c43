import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GOVERNANCE_LIMITS } from '../../../contracts/governance-codes.js';
import type { TMeetingMinutes } from '../../../contracts/governance-minutes.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { FormActions, SelectField, TextField } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { serverFieldError } from '../../ui/forms/server-errors.js';
import { ActionsList } from './ActionsTable.js';
import { useCommitteeActions, useCreateAction, useDecisions } from './governance-actions-api.js';

/** The actions that follow from this meeting's decisions, and the officers' "add action" form. */
export function ActionsSection({ minutes }: { minutes: TMeetingMinutes }) {
  const { t } = useTranslation();
  const actions = useCommitteeActions(minutes.committee.id, minutes.meetingId);
  return (
    <section aria-labelledby="actions-heading" className="mb-5">
      <h2 id="actions-heading" className="h4">
        {t('governanceActions.actions.ofMeeting')}
      </h2>
      <AsyncContent query={actions}>
        {(data) => <ActionsList items={data.items} empty={t('governanceActions.actions.noneOfMeeting')} />}
      </AsyncContent>
      {minutes.can.record && <ActionForm minutes={minutes} />}
    </section>
  );
}

function ActionForm({ minutes }: { minutes: TMeetingMinutes }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const decisions = useDecisions(minutes.meetingId);
  const create = useCreateAction(minutes.committee.id);
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState({ title: '', ownerId: '', dueOn: '', decisionId: '' });
  const set = (field: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));
  const errorOf = (field: string) => serverFieldError(create.error, locale, field);
  if (!open)
    return (
      <button type="button" className="btn btn-outline-primary" onClick={() => setOpen(true)}>
        {t('governanceActions.actions.add')}
      </button>
    );
  return (
    <form
      className="border rounded p-3"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate(
          {
            title: values.title.trim(),
            ownerId: values.ownerId,
            dueOn: values.dueOn,
            decisionId: values.decisionId || null,
          },
          { onSuccess: () => setOpen(false) },
        );
      }}
    >
      <h3 className="h5">{t('governanceActions.actions.add')}</h3>
      <ActionProblem error={create.error} className="mb-3" />
      <TextField
        id="action-title"
        label={t('governanceActions.actions.title')}
        required
        maxLength={GOVERNANCE_LIMITS.title}
        value={values.title}
        error={errorOf('title')}
        onChange={set('title')}
      />
      <div className="row">
        <SelectField
          id="action-owner"
          className="col-md-6"
          label={t('governanceActions.actions.ownerLabel')}
          required
          placeholder={t('common.choose')}
          options={minutes.owners.map((o) => ({ value: o.id, label: o.name }))}
          value={values.ownerId}
          error={errorOf('ownerId')}
          onChange={set('ownerId')}
        />
        <TextField
          id="action-due"
          className="col-md-6"
          type="date"
          label={t('governanceActions.actions.dueLabel')}
          required
          value={values.dueOn}
          error={errorOf('dueOn')}
          onChange={set('dueOn')}
        />
      </div>
      <SelectField
        id="action-decision"
        label={t('governanceActions.actions.decision')}
        placeholder={t('governanceActions.actions.noDecision')}
        options={(decisions.data?.items ?? []).map((d) => ({
          value: d.id,
          label: t('governanceActions.decisions.number', { label: d.label }),
        }))}
        value={values.decisionId}
        error={errorOf('decisionId')}
        onChange={set('decisionId')}
      />
      <FormActions>
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>
          {t('governanceActions.actions.save')}
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}
