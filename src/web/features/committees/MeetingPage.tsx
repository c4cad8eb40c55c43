import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TMeeting } from '../../../contracts/governance-committees.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { ConfirmPanel } from '../../ui/ConfirmPanel.js';
import { EditorCard } from '../../ui/EditorCard.js';
import { Fact, Facts } from '../../ui/Facts.js';
import { formatDateTime } from '../../ui/format.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { MeetingRecord } from '../governance-actions/MeetingRecord.js';
import { AgendaSection } from './AgendaSection.js';
import { AttendanceSection } from './AttendanceSection.js';
import { useCommitteeWords } from './committee-words.js';
import { meetingCalendarUrl, useMeeting, useMeetingMutations } from './committees-api.js';
import { MeetingForm } from './MeetingForm.js';

/** A meeting: when and where, its agenda with documents, attendance and quorum, invitations, its record. */
export function MeetingPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const meeting = useMeeting(id);
  return (
    <AsyncContent query={meeting} notFound={<PageHeading title={t('committees.meeting.notFound')} />}>
      {(m) => (
        <>
          <PageHeading
            title={t('committees.meeting.title', {
              committee: m.committeeName,
              when: formatDateTime(m.startsAt, locale),
            })}
          >
            <Link to="/governance/committees/$id" params={{ id: m.committeeId }}>
              {t('committees.meeting.back', { committee: m.committeeName })}
            </Link>
          </PageHeading>
          <MeetingDetails meeting={m} />
          <AgendaSection
            meetingId={m.id}
            agenda={m.agenda}
            members={m.attendance.entries}
            canManage={m.canManage && m.status !== 'cancelled'}
          />
          <MeetingRecord meetingId={m.id} />
          <AttendanceSection
            key={m.attendance.entries.map((e) => e.state).join()}
            meetingId={m.id}
            attendance={m.attendance}
            canRecord={m.canManage && m.status !== 'cancelled'}
          />
        </>
      )}
    </AsyncContent>
  );
}

function MeetingDetails({ meeting: m }: { meeting: TMeeting }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const words = useCommitteeWords();
  const mutations = useMeetingMutations(m.id);
  const [editing, setEditing] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const sent = mutations.invite.data;
  const open = m.status === 'planned';
  return (
    <section className="mb-5" aria-labelledby="meeting-details">
      <h2 id="meeting-details" className="h4">
        {t('committees.meeting.details')}
      </h2>
      <Facts>
        <Fact label={t('committees.meeting.starts')}>{formatDateTime(m.startsAt, locale)}</Fact>
        <Fact label={t('committees.meeting.ends')}>{formatDateTime(m.endsAt, locale)}</Fact>
        <Fact label={t('committees.meeting.place')}>{m.place}</Fact>
        <Fact label={t('committees.meeting.link')}>
          {m.link ? (
            <a href={m.link} rel="noopener noreferrer" target="_blank">
              {t('committees.meeting.joinVideo')}
            </a>
          ) : null}
        </Fact>
        <Fact label={t('committees.meeting.status')}>{words.status(m.status)}</Fact>
        <Fact label={t('committees.meeting.myRole')}>{words.role(m.myRole)}</Fact>
      </Facts>
      <div className="d-flex flex-wrap gap-2 mb-3">
        <a className="btn btn-outline-primary btn-sm" href={meetingCalendarUrl(m.id)} download>
          {t('committees.meeting.downloadIcs')}
        </a>
        {m.canManage && m.status !== 'cancelled' && !editing && (
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setEditing(true)}>
            {t('committees.meeting.edit')}
          </button>
        )}
        {m.canManage && open && (
          <button
            type="button"
            className="btn btn-primary btn-sm"
            disabled={mutations.invite.isPending}
            onClick={() => mutations.invite.mutate()}
          >
            {t('committees.meeting.invite')}
          </button>
        )}
        {m.canManage && open && !cancelling && (
          <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => setCancelling(true)}>
            {t('committees.meeting.cancel')}
          </button>
        )}
      </div>
      {sent && (
        <p role="status" className="alert alert-success">
          {t('committees.meeting.invited', { count: sent.sent })}
          {sent.withoutAddress > 0
            ? ` ${t('committees.meeting.withoutAddress', { count: sent.withoutAddress })}`
            : ''}
        </p>
      )}
      {mutations.invite.error ? <ActionProblem error={mutations.invite.error} /> : null}
      {cancelling && (
        <ConfirmPanel
          message={t('committees.meeting.cancelConfirm')}
          confirmLabel={t('committees.meeting.cancel')}
          pending={mutations.cancel.isPending}
          onConfirm={() => mutations.cancel.mutate(undefined, { onSuccess: () => setCancelling(false) })}
          onCancel={() => setCancelling(false)}
        />
      )}
      {mutations.cancel.error ? <ActionProblem error={mutations.cancel.error} /> : null}
      {editing && (
        <EditorCard id="meeting-edit" title={t('committees.meeting.edit')}>
          <MeetingForm committeeId={m.committeeId} meeting={m} onDone={() => setEditing(false)} />
        </EditorCard>
      )}
    </section>
  );
}
