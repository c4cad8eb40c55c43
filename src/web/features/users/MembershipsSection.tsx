import type { TFunction } from 'i18next';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  GLOBAL_ROLES,
  ROLE_GRANT_TTL_HOURS,
  type TRole,
  type TRoleGrant,
  type TUser,
  ZRoleSchema,
} from '../../../contracts/index.js';
import { isApiError } from '../../api/problem.js';
import { useLocale } from '../../i18n/index.js';
import { roleLabel } from '../../i18n/role-label.js';
import { useCan } from '../../session/session.js';
import { DataTable } from '../../ui/DataTable.js';
import { FormActions, SelectField } from '../../ui/fields.js';
import { serverFieldError } from '../../ui/forms/server-errors.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { RoleGrantsList } from '../role-grants/RoleGrantsList.js';
import { useRoleGrants } from '../role-grants/role-grants-api.js';
import { useOrganisations, useServices } from '../structure/structure-api.js';
import { useUserMutations } from './users-api.js';

export function MembershipsSection({ user }: { user: TUser }) {
  const { t } = useTranslation();
  const can = useCan();
  const canWrite = can('users.write');
  const { removeMembership } = useUserMutations(user.id);

  return (
    <section aria-labelledby="memberships-heading" className="mb-5">
      <h2 id="memberships-heading" className="h4 mb-3">
        {t('users.memberships.title')}
      </h2>
      {removeMembership.error ? <ProblemAlert error={removeMembership.error} /> : null}
      {user.memberships.length === 0 ? (
        <p>{t('users.memberships.empty')}</p>
      ) : (
        <DataTable caption={t('users.memberships.caption', { name: user.displayName })}>
          <thead>
            <tr>
              <th scope="col">{t('users.memberships.role')}</th>
              <th scope="col">{t('users.memberships.service')}</th>
              <th scope="col">{t('users.memberships.organisation')}</th>
              {canWrite && <th scope="col">{t('common.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {user.memberships.map((m) => (
              <tr key={m.id}>
                <th scope="row">{roleLabel(t, m.role, user.addressForm)}</th>
                <td>{m.serviceName ?? '—'}</td>
                <td>
                  {m.organisationName ??
                    (GLOBAL_ROLES.includes(m.role) ? t('users.memberships.global') : '—')}
                </td>
                {canWrite && (
                  <td>
                    <button
                      type="button"
                      className="btn btn-outline-danger btn-xs"
                      disabled={removeMembership.isPending}
                      aria-label={t('users.memberships.removeNamed', {
                        role: roleLabel(t, m.role, user.addressForm),
                        scope: m.serviceName ?? m.organisationName ?? t('users.memberships.global'),
                      })}
                      onClick={() => removeMembership.mutate(m.id)}
                    >
                      {t('users.memberships.remove')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      {can('roles.approve') && <PendingRoles userId={user.id} />}
      {canWrite && <AddMembershipForm user={user} />}
    </section>
  );
}

/** Roles asked for this user that wait for a second person. */
function PendingRoles({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const grants = useRoleGrants('open', userId);
  const [seen, setSeen] = useState(false);
  const count = grants.data?.length ?? 0;
  // Once something was pending, the list stays mounted (empty) so the last decision's message stays.
  useEffect(() => {
    if (count > 0) setSeen(true);
  }, [count]);
  if (!grants.data || (count === 0 && !seen)) return null;
  return (
    <div className="mt-4">
      <h3 className="h5">{t('roleGrants.pendingForUser')}</h3>
      <RoleGrantsList items={grants.data} showUser={false} />
    </div>
  );
}

/** What adding a role did: it is in force, or it waits for a second person (the answer says which). */
type Outcome = { kind: 'granted' | 'requested'; role: TRole; scope: string };

function outcomeOf(
  t: TFunction,
  answer: TUser | TRoleGrant,
  asked: { role: TRole; serviceId?: string; organisationId?: string },
): Outcome {
  const global = t('users.memberships.global');
  if ('canDecide' in answer) {
    return {
      kind: 'requested',
      role: answer.role,
      scope: answer.serviceName ?? answer.organisationName ?? global,
    };
  }
  const made = answer.memberships.find(
    (m) =>
      m.role === asked.role &&
      (asked.serviceId
        ? m.serviceId === asked.serviceId
        : !m.serviceId && (!asked.organisationId || m.organisationId === asked.organisationId)),
  );
  return { kind: 'granted', role: asked.role, scope: made?.serviceName ?? made?.organisationName ?? global };
}

/**
 * admin and dpo are global roles; every other role is held in one service or one organisation, chosen
 * here from a single select whose values are prefixed with the kind of scope.
 */
function AddMembershipForm({ user }: { user: TUser }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { addMembership } = useUserMutations(user.id);
  const services = useServices();
  const organisations = useOrganisations();
  const [role, setRole] = useState<TRole | ''>('');
  const [scope, setScope] = useState('');
  const [errors, setErrors] = useState<{ role?: string; scope?: string }>({});
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const isGlobal = role !== '' && GLOBAL_ROLES.includes(role);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const next: typeof errors = {};
    if (!role) next.role = t('validation.choose');
    if (role && !isGlobal && !scope) next.scope = t('users.memberships.scopeRequired');
    setErrors(next);
    if (!role || next.role || next.scope) return;
    const [kind, id] = scope.split(':');
    const body = isGlobal
      ? { role }
      : kind === 'service'
        ? { role, serviceId: id ?? '' }
        : { role, organisationId: id ?? '' };
    setOutcome(null);
    try {
      const answer = await addMembership.mutateAsync(body);
      setOutcome(outcomeOf(t, answer, body));
      setRole('');
      setScope('');
    } catch (e) {
      if (isApiError(e)) {
        // The select's one scope is the request's serviceId or organisationId.
        const scopeError =
          serverFieldError(e, locale, 'serviceId') ?? serverFieldError(e, locale, 'organisationId');
        setErrors({ role: serverFieldError(e, locale, 'role'), scope: scopeError });
      }
    }
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      className="card shadow-sm p-4 mt-4"
      aria-labelledby="add-membership-heading"
    >
      <h3 id="add-membership-heading" className="h5 mb-4">
        {t('users.memberships.add')}
      </h3>
      {outcome && (
        <div className={`alert ${outcome.kind === 'granted' ? 'alert-success' : 'alert-info'}`} role="status">
          {t(`users.memberships.${outcome.kind}`, {
            role: roleLabel(t, outcome.role, user.addressForm),
            scope: outcome.scope,
            name: user.displayName,
            hours: ROLE_GRANT_TTL_HOURS,
          })}
        </div>
      )}
      <p>{t('users.memberships.secondPersonHint')}</p>
      {addMembership.error && !errors.role && !errors.scope ? (
        <ProblemAlert error={addMembership.error} />
      ) : null}
      <SelectField
        id="membership-role"
        label={t('users.memberships.role')}
        required
        placeholder={t('common.choose')}
        options={ZRoleSchema.options.map((r) => ({ value: r, label: roleLabel(t, r, user.addressForm) }))}
        value={role}
        onChange={(e) => {
          setOutcome(null);
          setRole(e.target.value as TRole | '');
        }}
        error={errors.role}
      />
      {!isGlobal && (
        <div className="select-wrapper mb-4">
          <label htmlFor="membership-scope">
            {t('users.memberships.scope')}
            {role ? ' *' : ''}
          </label>
          <select
            id="membership-scope"
            value={scope}
            onChange={(e) => setScope(e.target.value)}
            aria-invalid={errors.scope ? true : undefined}
            aria-describedby={errors.scope ? 'membership-scope-error' : 'membership-scope-hint'}
          >
            <option value="">{t('common.choose')}</option>
            <optgroup label={t('users.memberships.services')}>
              {(services.data ?? []).map((s) => (
                <option key={s.id} value={`service:${s.id}`}>
                  {s.name} ({s.organisationName})
                </option>
              ))}
            </optgroup>
            <optgroup label={t('users.memberships.organisations')}>
              {(organisations.data ?? []).map((o) => (
                <option key={o.id} value={`organisation:${o.id}`}>
                  {o.name}
                </option>
              ))}
            </optgroup>
          </select>
          {errors.scope ? (
            <div id="membership-scope-error" className="invalid-feedback d-block" role="alert">
              {errors.scope}
            </div>
          ) : (
            <small id="membership-scope-hint" className="form-text">
              {t('users.memberships.scopeHint')}
            </small>
          )}
        </div>
      )}
      {isGlobal && <p className="mb-4">{t('users.memberships.globalHint')}</p>}
      <FormActions>
        <button type="submit" className="btn btn-primary" disabled={addMembership.isPending}>
          {t('users.memberships.addSubmit')}
        </button>
      </FormActions>
    </form>
  );
}
