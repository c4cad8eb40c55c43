import { useTranslation } from 'react-i18next';
import type { TEvent } from '../../../contracts/community.js';
import { useLocale } from '../../i18n/index.js';
import { sessionWhen } from './event-words.js';
import { absoluteUrl, printOnly, QrImage } from './QrImage.js';

const POSTER = 'community-event-poster';

/**
 * The event's public registration page (server-rendered, in the residents' languages): its address
 * to share, and a poster to print and hang, with the QR a phone opens it with.
 */
export function PublicPagePanel({ event }: { event: TEvent }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const url = absoluteUrl(event.publicPath);
  const first = event.sessions[0];
  return (
    <section aria-labelledby="event-public-page" className="card shadow-sm p-3 mb-4">
      <h2 id="event-public-page" className="h4">
        {t('communityEvents.public.title')}
      </h2>
      <p className="mb-2">{t('communityEvents.public.intro')}</p>
      <p className="mb-3 text-break">
        <a href={event.publicPath}>{url}</a>
      </p>
      <div id={POSTER} className="text-center">
        <p className="h3 mb-2">{event.title}</p>
        {first && (
          <p className="mb-2">
            {sessionWhen(first.startsAt, first.endsAt, locale)}
            {first.place ? ` · ${first.place}` : ''}
            {event.sessions.length > 1
              ? ` · ${t('communityEvents.list.sessionsCount', { count: event.sessions.length })}`
              : ''}
          </p>
        )}
        <QrImage
          value={url}
          alt={t('communityEvents.public.qrAlt', { title: event.title })}
          maxWidth="16rem"
        />
        <p className="mb-1">{t('communityEvents.public.posterCaption')}</p>
        <p className="small text-break mb-0">{url}</p>
      </div>
      <div className="mt-3">
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => printOnly(POSTER)}>
          {t('communityEvents.public.print')}
        </button>
      </div>
    </section>
  );
}
