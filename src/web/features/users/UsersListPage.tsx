import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZUserQuerySchema } from '../../../contracts/index.js';
import { useCan } from '../../session/session.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { TextField } from '../../ui/fields.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { Pager } from '../../ui/Pager.js';
import { HiddenValue } from './HiddenValue.js';
import { PAGE_SIZE, useUsers } from './users-api.js';

export function UsersListPage({
  q,
  page,
  onChange,
}: {
  q: string;
  page: number;
  onChange: (next: { q: string; page: number }) => void;
}) {
  const { t } = useTranslation();
  const canWrite = useCan()('users.write');
  const users = useUsers(q, page);
  const [draft, setDraft] = useState(q);

  function search(event: FormEvent) {
    event.preventDefault();
    onChange({ q: draft.trim(), page: 1 });
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
      <div>
        <form onSubmit={search} className="d-flex flex-wrap align-items-end gap-3 mb-3">
          <TextField
            id="users-search"
            type="search"
            label={t('users.list.search')}
            hint={t('users.list.searchHint')}
            value={draft}
            maxLength={maxLengthOf(ZUserQuerySchema.shape.q)}
            onChange={(e) => setDraft(e.target.value)}
            className="flex-grow-1 mb-0"
          />
          <button type="submit" className="btn btn-outline-primary mb-4">
            {t('users.list.searchSubmit')}
          </button>
        </form>
      </div>
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
                onPage={(next) => onChange({ q, page: next })}
              />
            </>
          )
        }
      </AsyncContent>
    </>
  );
}
