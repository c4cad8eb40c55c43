import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { EditorCard } from '../../ui/EditorCard.js';
import { Fact, Facts } from '../../ui/Facts.js';
import { formatDateTime } from '../../ui/format.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { CommitteeForm } from './CommitteeForm.js';
import { useCommitteeWords } from './committee-words.js';
import { useCommittee, useMeetings } from './committees-api.js';
import { MeetingForm } from './MeetingForm.js';
import { MembersSection } from './MembersSection.js';

/** A committee: what it is, its members, its meetings newest first. */
export function CommitteePage({ id }: { id: string }) {
  const { t } = useTranslation();
  const words = useCommitteeWords();
  const committee = useCommittee(id);
  const [editing, setEditing] = useState(false);
  return (
    <AsyncContent query={committee} notFound={<PageHeading title={t('committees.committee.notFound')} />}>
      {(c) => (
        <>
          <PageHeading title={c.name}>
            <p className="lead">{words.kind(c.kind)}</p>
          </PageHeading>
          <Facts>
            <Fact label={t('committees.committee.myRole')}>{words.role(c.myRole)}</Fact>
            <Fact label={t('committees.committee.quorum')}>
              {t('committees.committee.quorumWords', { count: c.quorum })}
            </Fact>
            <Fact label={t('committees.committee.description')}>{c.description}</Fact>
            <Fact label={t('committees.committee.state')}>
              {c.active ? t('committees.committee.active') : t('committees.committee.inactive')}
            </Fact>
          </Facts>
          {c.canManage && !editing && (
            <button
              type="button"
              className="btn btn-outline-primary btn-sm mb-4"
              onClick={() => setEditing(true)}
            >
              {t('committees.committee.edit')}
            </button>
          )}
          {editing && (
            <EditorCard id="committee-edit" title={t('committees.committee.edit')}>
              <CommitteeForm committee={c} onDone={() => setEditing(false)} />
            </EditorCard>
          )}
          <MembersSection committeeId={c.id} canManage={c.canManage} />
          <MeetingsSection committeeId={c.id} canPlan={c.canPlan} />
        </>
      )}
    </AsyncContent>
  );
}

function MeetingsSection({ committeeId, canPlan }: { committeeId: string; canPlan: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const words = useCommitteeWords();
  const meetings = useMeetings(committeeId);
  const [planning, setPlanning] = useState(false);
  return (
    <section className="mb-5" aria-labelledby="committee-meetings">
      <h2 id="committee-meetings" className="h4">
        {t('committees.meetings.title')}
      </h2>
      {canPlan && !planning && (
        <button
          type="button"
          className="btn btn-outline-primary btn-sm mb-3"
          onClick={() => setPlanning(true)}
        >
          {t('committees.meetings.plan')}
        </button>
      )}
      {planning && (
        <EditorCard id="meeting-new" title={t('committees.meetings.plan')}>
          <MeetingForm committeeId={committeeId} onDone={() => setPlanning(false)} />
        </EditorCard>
      )}
      <AsyncContent query={meetings}>
        {({ items }) =>
          items.length === 0 ? (
            <p>{t('committees.meetings.none')}</p>
          ) : (
            <DataTable
              className="table-hover"
              caption={t('committees.meetings.caption', { count: items.length })}
            >
              <thead>
                <tr>
                  <th scope="col">{t('committees.meetings.when')}</th>
                  <th scope="col">{t('committees.meetings.where')}</th>
                  <th scope="col">{t('committees.meetings.status')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((m) => (
                  <tr key={m.id}>
                    <th scope="row">
                      <Link to="/governance/meetings/$id" params={{ id: m.id }}>
                        {formatDateTime(m.startsAt, locale)}
                      </Link>
                    </th>
                    <td>{m.place ?? t('committees.meetings.online')}</td>
                    <td>{words.status(m.status)}</td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          )
        }
      </AsyncContent>
    </section>
  );
}
