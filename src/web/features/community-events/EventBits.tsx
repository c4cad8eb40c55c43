import { useTranslation } from 'react-i18next';
import type { TEvent } from '../../../contracts/community.js';
import { useLocale } from '../../i18n/index.js';
import { formatNumber } from '../../ui/format.js';

/** "Annullato" or "Non pubblicato", in words beside the title; nothing for a published event. */
export function EventStatusBadge({ event }: { event: Pick<TEvent, 'status' | 'published'> }) {
  const { t } = useTranslation();
  if (event.status === 'cancelled')
    return <span className="badge bg-danger">{t('communityEvents.status.cancelled')}</span>;
  if (!event.published)
    return <span className="badge bg-secondary">{t('communityEvents.status.unpublished')}</span>;
  return null;
}

/** "12 posti occupati su 30". */
export function SeatsText({ event }: { event: Pick<TEvent, 'seatsTaken' | 'capacity'> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      {t('communityEvents.event.seatsValue', {
        taken: formatNumber(event.seatsTaken, locale),
        capacity: formatNumber(event.capacity, locale),
      })}
    </>
  );
}
