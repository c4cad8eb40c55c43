import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/index.js';
import { formatDateTime } from '../../ui/format.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { AttendanceList } from './AttendanceList.js';
import { signatureSheetPath, useEdition } from './attendance-api.js';
import { CheckinQrPanel } from './CheckinQrPanel.js';

/**
 * The trainer's page for one session, made for the phone they hold in the room: the rotating QR
 * participants scan, how many have checked in, and the list to mark by hand (or copy from the
 * signed sheet).
 */
export function SessionAttendancePage({ sessionId, editionId }: { sessionId: string; editionId?: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const edition = useEdition(editionId);
  const session = edition.data?.sessions.find((s) => s.id === sessionId);
  const [qrShown, setQrShown] = useState(false);

  return (
    <>
      <PageHeading
        title={edition.data ? edition.data.courseTitle : t('attendance.session.title')}
        documentTitle={t('attendance.session.title')}
      >
        {edition.data && <p className="lead mb-1">{t('attendance.session.title')}</p>}
        {session && (
          <p className="mb-0">
            {t('attendance.session.when', {
              start: formatDateTime(session.startsAt, locale),
              end: formatDateTime(session.endsAt, locale),
            })}
            {session.place && (
              <>
                <br />
                {session.place}
              </>
            )}
          </p>
        )}
      </PageHeading>

      <CheckinQrPanel sessionId={sessionId} shown={qrShown} onToggle={() => setQrShown((v) => !v)} />

      <p className="mb-4">
        <a className="btn btn-outline-primary" href={signatureSheetPath(sessionId)} download>
          {t('attendance.session.signatureSheet')}
        </a>
      </p>

      <AttendanceList sessionId={sessionId} live={qrShown} />
    </>
  );
}
