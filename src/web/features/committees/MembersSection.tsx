import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TMember } from '../../../contracts/governance-committees.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { EditorCard } from '../../ui/EditorCard.js';
import { formatDay } from '../../ui/format.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { todayLocal } from '../../ui/forms/values.js';
import { useCommitteeWords } from './committee-words.js';
import { useCommitteeMutations, useMembers } from './committees-api.js';
import { MemberForm } from './MemberForm.js';

/** A committee's members, past ones too; coordinators add members and end memberships (never delete). */
export function MembersSection({ committeeId, canManage }: { committeeId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const words = useCommitteeWords();
  const members = useMembers(committeeId);
  const end = useCommitteeMutations(committeeId).endMember;
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<string | null>(null);
  const [until, setUntil] = useState(todayLocal());
  const period = (m: TMember) =>
    m.until
      ? t('committees.members.between', {
          since: formatDay(m.since, locale),
          until: formatDay(m.until, locale),
        })
      : t('committees.members.since', { since: formatDay(m.since, locale) });
  return (
    <section className="mb-5" aria-labelledby="committee-members">
      <h2 id="committee-members" className="h4">
        {t('committees.members.title')}
      </h2>
      {canManage && !adding && (
        <button type="button" className="btn btn-outline-primary btn-sm mb-3" onClick={() => setAdding(true)}>
          {t('committees.members.add')}
        </button>
      )}
      {adding && (
        <EditorCard id="member-new" title={t('committees.members.add')}>
          <MemberForm committeeId={committeeId} onDone={() => setAdding(false)} />
        </EditorCard>
      )}
      {end.error ? <ActionProblem error={end.error} /> : null}
      <AsyncContent query={members}>
        {({ items }) => (
          <DataTable caption={t('committees.members.caption', { count: items.length })}>
            <thead>
              <tr>
                <th scope="col">{t('committees.members.name')}</th>
                <th scope="col">{t('committees.members.role')}</th>
                <th scope="col">{t('committees.members.period')}</th>
                {canManage && <th scope="col">{t('committees.members.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {items.map((m) => (
                <tr key={m.id}>
                  <th scope="row">
                    {m.name}
                    {m.organisation && <span className="d-block small">{m.organisation}</span>}
                    {m.email && <span className="d-block small">{m.email}</span>}
                    {!m.hasAccount && (
                      <span className="d-block small">{t('committees.members.external')}</span>
                    )}
                  </th>
                  <td>{words.role(m.role)}</td>
                  <td>{period(m)}</td>
                  {canManage && (
                    <td>
                      {m.current && ending !== m.id && (
                        <button
                          type="button"
                          className="btn btn-outline-secondary btn-sm"
                          onClick={() => setEnding(m.id)}
                        >
                          {t('committees.members.end', { name: m.name })}
                        </button>
                      )}
                      {ending === m.id && (
                        <form
                          className="d-flex flex-wrap align-items-end gap-2"
                          onSubmit={(event) => {
                            event.preventDefault();
                            end.mutate({ memberId: m.id, until }, { onSuccess: () => setEnding(null) });
                          }}
                        >
                          <div>
                            <label htmlFor={`until-${m.id}`} className="form-label d-block">
                              {t('committees.members.until')}
                            </label>
                            <input
                              id={`until-${m.id}`}
                              type="date"
                              className="form-control form-control-sm"
                              value={until}
                              onChange={(event) => setUntil(event.target.value)}
                            />
                          </div>
                          <button type="submit" className="btn btn-primary btn-sm" disabled={end.isPending}>
                            {t('committees.members.confirmEnd')}
                          </button>
                          <button
                            type="button"
                            className="btn btn-outline-secondary btn-sm"
                            onClick={() => setEnding(null)}
                          >
                            {t('common.cancel')}
                          </button>
                        </form>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </AsyncContent>
    </section>
  );
}
