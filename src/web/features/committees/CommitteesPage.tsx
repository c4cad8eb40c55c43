import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/index.js';
import { useCan } from '../../session/session.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { EditorCard } from '../../ui/EditorCard.js';
import { formatDateTime } from '../../ui/format.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { CommitteeForm } from './CommitteeForm.js';
import { useCommitteeWords } from './committee-words.js';
import { useCommittees } from './committees-api.js';

/** The caller's committees (a coordinator sees all of them and creates new ones). */
export function CommitteesPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const can = useCan();
  const words = useCommitteeWords();
  const navigate = useNavigate();
  const committees = useCommittees();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeading title={t('committees.list.title')}>
        <p className="lead">{t('committees.list.lead')}</p>
      </PageHeading>
      {can('governance.manage') && !creating && (
        <button type="button" className="btn btn-primary mb-3" onClick={() => setCreating(true)}>
          {t('committees.list.create')}
        </button>
      )}
      {creating && (
        <EditorCard id="committee-new" title={t('committees.list.create')}>
          <CommitteeForm
            onDone={(id) => {
              setCreating(false);
              if (id) void navigate({ to: '/governance/committees/$id', params: { id } });
            }}
          />
        </EditorCard>
      )}
      <AsyncContent query={committees}>
        {({ items }) =>
          items.length === 0 ? (
            <p>{t('committees.list.none')}</p>
          ) : (
            <DataTable
              className="table-hover"
              caption={t('committees.list.caption', { count: items.length })}
            >
              <thead>
                <tr>
                  <th scope="col">{t('committees.list.name')}</th>
                  <th scope="col">{t('committees.list.kind')}</th>
                  <th scope="col">{t('committees.list.myRole')}</th>
                  <th scope="col">{t('committees.list.members')}</th>
                  <th scope="col">{t('committees.list.next')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">
                      <Link to="/governance/committees/$id" params={{ id: c.id }}>
                        {c.name}
                      </Link>
                      {!c.active && <span className="d-block small">{t('committees.list.inactive')}</span>}
                    </th>
                    <td>{words.kind(c.kind)}</td>
                    <td>{words.role(c.myRole)}</td>
                    <td>{c.memberCount}</td>
                    <td>
                      {c.nextMeetingAt
                        ? formatDateTime(c.nextMeetingAt, locale)
                        : t('committees.list.noNext')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          )
        }
      </AsyncContent>
    </>
  );
}
