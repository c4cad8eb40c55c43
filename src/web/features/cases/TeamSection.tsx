import { useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type TCase, TEAM_ROLES, ZTeamUpdateSchema } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { roleLabel } from '../../i18n/role-label.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { EditorCard } from '../../ui/EditorCard.js';
import { FormActions, SelectField } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { type TStaffMember, useCaseMutations, useStaff } from './cases-api.js';

type Team = NonNullable<TCase['team']>;

export function TeamSection({ data }: { data: TCase }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const team = data.team ?? [];
  return (
    <section aria-labelledby="team-heading">
      <div className="d-flex flex-wrap justify-content-between align-items-center mb-3">
        <h2 id="team-heading" className="h4 mb-0">
          {t('cases.tabs.team')}
        </h2>
        {data.can.lead && !editing && (
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setEditing(true)}>
            {t('cases.team.edit')}
          </button>
        )}
      </div>
      {team.length === 0 ? (
        <p>{t('cases.team.empty')}</p>
      ) : (
        <DataTable caption={t('cases.team.caption', { code: data.code })}>
          <thead>
            <tr>
              <th scope="col">{t('cases.team.name')}</th>
              <th scope="col">{t('cases.team.teamRole')}</th>
              <th scope="col">{t('cases.team.role')}</th>
            </tr>
          </thead>
          <tbody>
            {team.map((member) => (
              <tr key={member.userId}>
                <th scope="row">{member.displayName}</th>
                <td>{t(`enums.teamRole.${member.teamRole}`)}</td>
                <td>{member.role ? roleLabel(t, member.role, member.addressForm) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      {editing && (
        <EditorCard id="team-form" title={t('cases.team.editTitle')}>
          <TeamEditor data={data} team={team} onDone={() => setEditing(false)} />
        </EditorCard>
      )}
    </section>
  );
}

function TeamEditor({ data, team, onDone }: { data: TCase; team: Team; onDone: () => void }) {
  const staff = useStaff({ caseId: data.id });
  return (
    <AsyncContent query={staff}>
      {(candidates) => <TeamForm data={data} team={team} candidates={candidates} onDone={onDone} />}
    </AsyncContent>
  );
}

interface TeamValues {
  members: { userId: string; teamRole: string }[];
}
const resolver = contractResolver<TeamValues>(ZTeamUpdateSchema, (v) => v);

/** The lead chooses who is on the team and in which role; the whole team is saved at once. */
function TeamForm({
  data,
  team,
  candidates,
  onDone,
}: {
  data: TCase;
  team: Team;
  candidates: TStaffMember[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const mutation = useCaseMutations(data.id).team;
  const form = useForm<TeamValues>({
    resolver,
    defaultValues: { members: team.map((m) => ({ userId: m.userId, teamRole: m.teamRole })) },
  });
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'members' });
  const { errors, isSubmitting } = form.formState;
  // Current members stay choosable even if they are no longer among the candidates.
  const people = new Map<string, string>();
  for (const m of team)
    people.set(
      m.userId,
      m.role ? `${m.displayName} (${roleLabel(t, m.role, m.addressForm)})` : m.displayName,
    );
  for (const c of candidates) people.set(c.id, `${c.displayName} (${roleLabel(t, c.role, c.addressForm)})`);
  const personOptions = [...people.entries()]
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await mutation.mutateAsync(ZTeamUpdateSchema.parse(values));
      onDone();
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      {mutation.error && Object.keys(errors).length === 0 ? <ActionProblem error={mutation.error} /> : null}
      {errors.members?.message || errors.members?.root?.message ? (
        <p className="text-danger" role="alert">
          {t('cases.team.membersError')}
        </p>
      ) : null}
      {fields.map((field, index) => (
        <fieldset key={field.id} className="border-bottom mb-3">
          <legend className="h6 fw-semibold text-body mb-4 px-0">
            {t('cases.team.memberN', { n: index + 1 })}
          </legend>
          <div className="row align-items-end">
            <SelectField
              id={`team-${index}-user`}
              className="col-md-6"
              label={t('cases.team.name')}
              placeholder={t('common.choose')}
              options={personOptions}
              required
              error={fieldErrorText(t, errors.members?.[index]?.userId)}
              {...form.register(`members.${index}.userId`)}
            />
            <SelectField
              id={`team-${index}-role`}
              className="col-md-4"
              label={t('cases.team.teamRole')}
              options={TEAM_ROLES.map((r) => ({ value: r, label: t(`enums.teamRole.${r}`) }))}
              required
              error={fieldErrorText(t, errors.members?.[index]?.teamRole)}
              {...form.register(`members.${index}.teamRole`)}
            />
            <div className="col-md-2 mb-4">
              <button
                type="button"
                className="btn btn-outline-danger btn-xs"
                onClick={() => remove(index)}
                disabled={fields.length <= 1}
              >
                {t('cases.team.remove', { n: index + 1 })}
              </button>
            </div>
          </div>
        </fieldset>
      ))}
      <button
        type="button"
        className="btn btn-outline-primary btn-sm mb-4"
        disabled={fields.length >= 20}
        onClick={() => append({ userId: '', teamRole: 'member' })}
      >
        {t('cases.team.add')}
      </button>
      <FormActions>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {t('common.save')}
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}
