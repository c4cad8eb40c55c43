import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { formatDateTime } from '../../ui/format.js';
import { useTimeline } from './cases-api.js';

/** A timeline entry's detail is a code (a session's kind, a closure's outcome): shown in words. */
function detailWords(t: TFunction, kind: string, detail: string) {
  const list = kind === 'session' ? 'sessionKind' : 'closureOutcome';
  return t(`enums.${list}.${detail}`, { defaultValue: '' });
}

export function TimelineSection({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const timeline = useTimeline(caseId);
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading" className="h4">
        {t('cases.tabs.timeline')}
      </h2>
      <AsyncContent query={timeline}>
        {(events) =>
          events.length === 0 ? (
            <p>{t('cases.timeline.empty')}</p>
          ) : (
            <ol className="list-unstyled border-start ps-3">
              {events.map((event, index) => (
                // The timeline has no ids: its order is its identity.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                <li key={index} className="mb-3">
                  <time dateTime={event.at} className="d-block small fw-semibold">
                    {formatDateTime(event.at, locale)}
                  </time>
                  <span>{t(`enums.timelineKind.${event.kind}`)}</span>
                  {event.detail && (
                    <span className="d-block small">{detailWords(t, event.kind, event.detail)}</span>
                  )}
                </li>
              ))}
            </ol>
          )
        }
      </AsyncContent>
    </section>
  );
}
