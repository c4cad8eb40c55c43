import { useTranslation } from 'react-i18next';
import type { TSiteHistoryEntry } from '../../../contracts/website.js';
import { useLocale } from '../../i18n/index.js';
import { formatDateTime } from '../../ui/format.js';

/** What happened to the page, newest first: who did what, in which language and version, when, and why. */
export function PageHistory({ history }: { history: TSiteHistoryEntry[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section aria-labelledby="site-history-heading" className="mb-5">
      <h2 id="site-history-heading" className="h4">
        {t('website.history.title')}
      </h2>
      {history.length === 0 ? (
        <p>{t('website.history.empty')}</p>
      ) : (
        <ol className="list-unstyled">
          {history.map((entry) => (
            <li
              key={`${entry.at}-${entry.action}-${entry.lang ?? ''}-${entry.version ?? ''}`}
              className="border-bottom py-2"
            >
              <span className="d-block">
                {t('website.history.line', {
                  by: entry.by,
                  action: t(`website.history.actions.${entry.action}`),
                })}
                {entry.lang &&
                  ` — ${
                    entry.version === null
                      ? t(`website.languages.${entry.lang}`)
                      : t('website.history.languageVersion', {
                          language: t(`website.languages.${entry.lang}`),
                          number: entry.version,
                        })
                  }`}
              </span>
              <span className="d-block small">
                <time dateTime={entry.at}>{formatDateTime(entry.at, locale)}</time>
              </span>
              {entry.note && (
                <span className="d-block small">
                  {t('website.history.note')} {entry.note}
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
