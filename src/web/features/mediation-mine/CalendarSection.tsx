import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { useCalendarLink } from './mediation-mine-api.js';

/**
 * The mediator's assignments in their phone's calendar: a private feed address made on request
 * (a new one revokes the old), shown once with a button that copies it, and a `webcal:` link that
 * an iPhone (and many Android calendars) opens as a subscription.
 */
export function CalendarSection() {
  const { t } = useTranslation();
  const make = useCalendarLink();
  const [copied, setCopied] = useState(false);
  const url = make.data?.url;
  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // No clipboard (an insecure page, a refused permission): the address stays selectable.
      setCopied(false);
    }
  };
  return (
    <section aria-labelledby="calendar-heading" className="mb-5">
      <h2 id="calendar-heading" className="h3">
        {t('mediationMine.calendar.title')}
      </h2>
      <p>{t('mediationMine.calendar.intro')}</p>
      {make.error ? <ActionProblem error={make.error} /> : null}
      {url ? (
        <div className="alert alert-success" role="status">
          <a className="btn btn-primary mb-3" href={url.replace(/^https?:/, 'webcal:')}>
            {t('mediationMine.calendar.open')}
          </a>
          <label htmlFor="calendar-url" className="fw-semibold d-block mb-1">
            {t('mediationMine.calendar.label')}
          </label>
          <input
            id="calendar-url"
            className="form-control mb-2"
            readOnly
            value={url}
            onFocus={(e) => e.target.select()}
          />
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={copy}>
            {t('mediationMine.calendar.copy')}
          </button>
          {copied && <p className="small mt-2 mb-0">{t('mediationMine.calendar.copied')}</p>}
          <p className="small mt-3 mb-1">{t('mediationMine.calendar.howTo')}</p>
          <p className="small mb-0">{t('mediationMine.calendar.private')}</p>
        </div>
      ) : (
        <button
          type="button"
          className="btn btn-primary"
          disabled={make.isPending}
          onClick={() => make.mutate()}
        >
          {t('mediationMine.calendar.make')}
        </button>
      )}
    </section>
  );
}
