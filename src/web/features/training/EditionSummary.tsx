import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TEdition } from '../../../contracts/training.js';
import { useLocale } from '../../i18n/index.js';
import { formatDateTime, formatRomeDay } from '../../ui/format.js';

/** An edition in one line of words: its dates, its phase, the seats left or the waiting list. */
export function editionDates(edition: Pick<TEdition, 'startsAt' | 'endsAt'>, locale: 'it' | 'en') {
  const from = formatRomeDay(edition.startsAt, locale);
  const to = formatRomeDay(edition.endsAt, locale);
  return from === to ? from : `${from} – ${to}`;
}

export function SeatsLabel({ edition }: { edition: TEdition }) {
  const { t } = useTranslation();
  const free = Math.max(0, edition.capacity - edition.seatsTaken);
  return (
    <>
      {free > 0
        ? t('courses.seats.free', { count: free, capacity: edition.capacity })
        : t('courses.seats.full', { capacity: edition.capacity })}
      {edition.waitlisted > 0 ? ` · ${t('courses.seats.waiting', { count: edition.waitlisted })}` : ''}
    </>
  );
}

/** The editions of a course as a list of cards (they read the same at 390 px and on a desk). */
export function EditionList({ editions }: { editions: TEdition[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (editions.length === 0) return <p>{t('courses.noEditions')}</p>;
  return (
    <ul className="list-unstyled">
      {editions.map((edition) => (
        <li key={edition.id} className="border-start border-4 border-primary ps-3 py-1 mb-3">
          <Link to="/training/editions/$editionId" params={{ editionId: edition.id }} className="fw-semibold">
            {t('courses.editionOf', { dates: editionDates(edition, locale) })}
          </Link>
          <div>
            {t(`enums.editionPhase.${edition.phase}`)} · <SeatsLabel edition={edition} />
          </div>
          <div className="small">
            {t('courses.registrationWindow', {
              opens: formatDateTime(edition.registrationOpensAt, locale),
              closes: formatDateTime(edition.registrationClosesAt, locale),
            })}
          </div>
        </li>
      ))}
    </ul>
  );
}
