import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlaceStatus } from './participant-words.js';
import { absoluteUrl, printOnly, QrImage } from './QrImage.js';

const TICKET = 'community-ticket';

export interface IssuedTicket {
  placeId: string;
  status: string;
  ticketCode: string;
  name: string | null;
  eventTitle: string;
}

/** The address a ticket's QR opens: the organiser's phone, signed in, marks the person present. */
export const ticketUrl = (code: string) => absoluteUrl(`/community/ticket?code=${encodeURIComponent(code)}`);

/**
 * A new registration's ticket, shown once (only its hash is kept): the code to read aloud or
 * write down, its QR, and a printable ticket. The same ticket serves every session of a series,
 * so an anonymous participant counts once.
 */
export function TicketCard({ ticket, onDone }: { ticket: IssuedTicket; onDone: () => void }) {
  const { t } = useTranslation();
  const placeStatus = usePlaceStatus();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const spaced = `${ticket.ticketCode.slice(0, 4)} ${ticket.ticketCode.slice(4)}`;
  return (
    <div className="alert alert-success">
      <h3 ref={heading} tabIndex={-1} className="h5">
        {t('communityEvents.ticket.issued', { status: placeStatus(ticket.status) })}
      </h3>
      <p className="fw-semibold">{t('communityEvents.ticket.once')}</p>
      <div id={TICKET} className="text-center bg-white text-dark border rounded p-3 mb-3">
        <p className="h5 mb-1">{ticket.eventTitle}</p>
        {ticket.name && <p className="mb-1">{ticket.name}</p>}
        <p className="mb-1">{t('communityEvents.ticket.codeLabel')}</p>
        <p className="display-6 font-monospace mb-2">
          <span aria-hidden="true">{spaced}</span>
          {/* Read letter by letter, as it is dictated. */}
          <span className="visually-hidden">{ticket.ticketCode.split('').join(' ')}</span>
        </p>
        <QrImage
          value={ticketUrl(ticket.ticketCode)}
          alt={t('communityEvents.ticket.qrAlt')}
          maxWidth="12rem"
        />
        <p className="small mb-0">{t('communityEvents.ticket.bring')}</p>
      </div>
      <div className="d-flex flex-wrap gap-2">
        <button type="button" className="btn btn-primary btn-sm" onClick={() => printOnly(TICKET)}>
          {t('communityEvents.ticket.print')}
        </button>
        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={onDone}>
          {t('communityEvents.ticket.done')}
        </button>
      </div>
    </div>
  );
}
