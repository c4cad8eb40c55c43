import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { TicketCheckinForm, WalkInQrPanel } from './CheckinPanels.js';
import { useEventSession } from './community-events-api.js';
import { sessionWhen } from './event-words.js';
import { HeadCountSection } from './HeadCountSection.js';
import { PresenceList } from './PresenceList.js';

/**
 * The organiser's page for one session, made for the phone in their hand at the door: the walk-in
 * QR, a ticket's code typed in, the list to tick, and (for a single meeting) the head count.
 */
export function SessionPage({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [qrShown, setQrShown] = useState(false);
  const session = useEventSession(sessionId, qrShown);
  return (
    <AsyncContent query={session}>
      {(data) => (
        <>
          <PageHeading title={data.eventTitle} documentTitle={t('communityEvents.session.title')}>
            <p className="lead mb-1">
              {t('communityEvents.session.title')} · {t(`communityEvents.kind.${data.eventKind}`)}
            </p>
            <p className="mb-1">
              {sessionWhen(data.startsAt, data.endsAt, locale)}
              {data.place && (
                <>
                  <br />
                  {data.place}
                </>
              )}
            </p>
            <Link to="/community/events/$eventId" params={{ eventId: data.eventId }}>
              {t('communityEvents.backToEvent', { title: data.eventTitle })}
            </Link>
          </PageHeading>
          <WalkInQrPanel sessionId={sessionId} shown={qrShown} onToggle={() => setQrShown((v) => !v)} />
          <TicketCheckinForm sessionId={sessionId} />
          <PresenceList session={data} />
          {data.headCountAllowed ? (
            <HeadCountSection session={data} />
          ) : (
            <p className="callout note p-3">{t('communityEvents.headCount.seriesOnly')}</p>
          )}
        </>
      )}
    </AsyncContent>
  );
}
