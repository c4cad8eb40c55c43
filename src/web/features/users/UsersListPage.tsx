import { Link } from '@tanstack/react-router';
import type { TFunction } from 'i18next';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TRole, ZRoleSchema, ZUserQuerySchema } from '../../../contracts/index.js';
import { roleLabel } from '../../i18n/role-label.js';
import { useCan } from '../../session/session.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { FormActions, SelectField, TextField } from '../../ui/fields.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { Pager } from '../../ui/Pager.js';
import { useServices } from '../structure/structure-api.js';
import { HiddenValue } from './HiddenValue.js';
import { PAGE_SIZE, type TUserFilters, type TUserRow, useUsers } from './users-api.js';

/** Distinct values, in the order first met (a person's roles and services, as listed). */
function distinct(values: string[]): string[] {
  return [...new Set(values)];
}

/** Each role once, named in the person's own form ("Operatrice"). */
function rolesOf(t: TFunction, user: TUserRow): string[] {
  return distinct((user.memberships ?? []).map((m) => roleLabel(t, m.role, user.addressForm)));
}

/** Where the person works: the service, else the organisation, else the whole platform (admin, DPO). */
function placesOf(t: TFunction, user: TUserRow): string[] {
  return distinct(
    (user.memberships ?? []).map((m) => m.serviceName ?? m.organisationName ?? t('users.memberships.global')),
  );
}

function Lines({ items, empty }: { items: string[]; empty: string }) {
  if (items.length === 0) return <>{empty}</>;
  return (
    <ul className="list-unstyled mb-0">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

export function UsersListPage({
  filters,
  onChange,
}: {
  filters: TUserFilters;
  onChange: (next: TUserFilters) => void;
}) {
  const { t } = useTranslation();
  const canWrite = useCan()('users.write');
  const users = useUsers(filters);
  const services = useServices();
  const [draft, setDraft] = useState({
    q: filters.q,
    role: filters.role ?? '',
    serviceId: filters.serviceId ?? '',
  });
  const filtered = Boolean(filters.q || filters.role || filters.serviceId);

  // Filters apply with the button, not on each change, so moving through a select by keyboard does
  // not reload the list under the user (WCAG 3.2.2).
  function search(event: FormEvent) {
    event.preventDefault();
    onChange({
      q: draft.q.trim(),
      role: (draft.role || undefined) as TRole | undefined,
      serviceId: draft.serviceId || undefined,
      page: 1,
    });
  }

  function clear() {
    setDraft({ q: '', role: '', serviceId: '' });
    onChange({ q: '', page: 1 });
  }

  return (
    <>
      <PageHeading title={t('users.list.title')}>
        {canWrite && (
          <Link to="/users/new" className="btn btn-primary btn-sm mt-2">
            {t('users.list.new')}
          </Link>
        )}
      </PageHeading>
      <form onSubmit={search} className="row g-3 align-items-end mb-3" aria-label={t('users.list.filters')}>
        <TextField
          id="users-search"
          type="search"
          label={t('users.list.search')}
          hint={t('users.list.searchHint')}
          value={draft.q}
          maxLength={maxLengthOf(ZUserQuerySchema.shape.q)}
          onChange={(e) => setDraft({ ...draft, q: e.target.value })}
          className="col-12 col-lg-4 mb-0"
        />
        <SelectField
          id="users-role"
          label={t('users.list.role')}
          placeholder={t('users.list.anyRole')}
          options={ZRoleSchema.options.map((r) => ({ value: r, label: roleLabel(t, r) }))}
          value={draft.role}
          onChange={(e) => setDraft({ ...draft, role: e.target.value })}
          className="col-12 col-md-6 col-lg-3 mb-0"
        />
        <SelectField
          id="users-service"
          label={t('users.list.service')}
          placeholder={t('users.list.anyService')}
          options={(services.data ?? []).map((s) => ({
            value: s.id,
            label: `${s.name} (${s.organisationName})`,
          }))}
          value={draft.serviceId}
          onChange={(e) => setDraft({ ...draft, serviceId: e.target.value })}
          className="col-12 col-md-6 col-lg-3 mb-0"
        />
        <div className="col-12 col-lg-2">
          <FormActions>
            <button type="submit" className="btn btn-outline-primary">
              {t('users.list.searchSubmit')}
            </button>
            {filtered && (
              <button type="button" className="btn btn-link px-0" onClick={clear}>
                {t('users.list.clear')}
              </button>
            )}
          </FormActions>
        </div>
      </form>
      <AsyncContent query={users}>
        {(result) =>
          result.items.length === 0 ? (
            <p role="status">{t('users.list.empty')}</p>
          ) : (
            <>
              <DataTable className="table-hover" caption={t('users.list.caption', { count: result.total })}>
                <thead>
                  <tr>
                    <th scope="col">{t('users.fields.displayName')}</th>
                    <th scope="col">{t('users.fields.username')}</th>
                    <th scope="col">{t('users.list.roles')}</th>
                    <th scope="col">{t('users.list.services')}</th>
                    <th scope="col">{t('users.fields.email')}</th>
                    <th scope="col">{t('users.fields.mfa')}</th>
                    <th scope="col">{t('users.fields.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.items.map((user) => (
                    <tr key={user.id}>
                      <th scope="row">
                        <Link to="/users/$userId" params={{ userId: user.id }}>
                          {user.displayName}
                        </Link>
                      </th>
                      <td>{user.username}</td>
                      <td>
                        <Lines items={rolesOf(t, user)} empty={t('users.list.noRole')} />
                      </td>
                      <td>
                        <Lines items={placesOf(t, user)} empty="—" />
                      </td>
                      <td>
                        <HiddenValue value={user.email} />
                      </td>
                      <td>{user.mfaEnrolled ? t('users.mfa.enrolled') : t('users.mfa.notEnrolled')}</td>
                      <td>{user.disabled ? t('users.status.disabled') : t('users.status.active')}</td>
                    </tr>
                  ))}
                </tbody>
              </DataTable>
              <Pager
                label={t('users.list.pagerLabel')}
                page={result.page}
                pageSize={result.pageSize || PAGE_SIZE}
                total={result.total}
                onPage={(next) => onChange({ ...filters, page: next })}
              />
            </>
          )
        }
      </AsyncContent>
    </>
  );
}
