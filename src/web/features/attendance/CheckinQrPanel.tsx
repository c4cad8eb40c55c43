import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCheckinCode } from '../../../contracts/gatherings.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useCheckinCode } from './attendance-api.js';

const PANEL_ID = 'checkin-qr';

/**
 * The QR the participants scan, shown large on the trainer's phone. The code changes every few
 * seconds (a photographed one is soon useless), so the page asks for it again while it shows.
 */
export function CheckinQrPanel({
  sessionId,
  shown,
  onToggle,
}: {
  sessionId: string;
  shown: boolean;
  onToggle: () => void;
}) {
  const { t } = useTranslation();
  const code = useCheckinCode(sessionId, shown);

  return (
    <section aria-labelledby="checkin-qr-heading" className="mb-4">
      <h2 id="checkin-qr-heading" className="h4">
        {t('attendance.qr.title')}
      </h2>
      <p>{t('attendance.qr.intro')}</p>
      <button
        type="button"
        className="btn btn-primary btn-lg w-100 mb-3"
        aria-expanded={shown}
        aria-controls={PANEL_ID}
        onClick={onToggle}
      >
        {shown ? t('attendance.qr.hide') : t('attendance.qr.show')}
      </button>
      <div id={PANEL_ID} hidden={!shown}>
        {shown && code.isPending && <p role="status">{t('attendance.qr.loading')}</p>}
        {shown && code.isError && (
          <>
            <ProblemAlert error={code.error} />
            <button
              type="button"
              className="btn btn-outline-primary mb-3"
              onClick={() => void code.refetch()}
            >
              {t('attendance.qr.retry')}
            </button>
          </>
        )}
        {shown && code.data && !code.isError && <QrView code={code.data} />}
      </div>
    </section>
  );
}

/** Seconds left until an instant, ticking once a second. */
function useSecondsUntil(iso: string): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return Math.max(0, Math.ceil((Date.parse(iso) - now) / 1000));
}

function QrView({ code }: { code: TCheckinCode }) {
  const { t } = useTranslation();
  const seconds = useSecondsUntil(code.validUntil);
  return (
    <div className="text-center">
      <img
        src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(code.qrSvg)}`}
        alt={t('attendance.qr.alt')}
        className="img-fluid bg-white p-2 border mb-2"
        style={{ width: '100%', maxWidth: '26rem' }}
      />
      <p className="mb-1">
        {seconds > 0 ? t('attendance.qr.changesIn', { count: seconds }) : t('attendance.qr.changing')}
      </p>
      <p className="h4" aria-live="polite">
        {t('attendance.qr.count', { checkedIn: code.checkedIn, confirmed: code.confirmed })}
      </p>
    </div>
  );
}
