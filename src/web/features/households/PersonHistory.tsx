import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TPerson } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { formatDateTime } from '../../ui/format.js';
import { usePersonChanges } from './households-api.js';
import { changeInWords } from './person-changes.js';
import { useReferenceOptions } from './reference-options.js';

/**
 * Who corrected what in the person's record, newest first. Reading the history is audited, so it is
 * fetched when the user asks for it, not every time the member's panel opens.
 */
export function PersonHistory({ person }: { person: TPerson }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const names = useReferenceOptions();
  const [shown, setShown] = useState(false);
  const history = usePersonChanges(person.id, shown);
  const name = `${person.givenName} ${person.familyName}`;

  return (
    <section aria-labelledby="history-heading" className="mb-4">
      <h3 id="history-heading" className="h5 mb-3">
        {t('households.history.title')}
      </h3>
      <p>{t('households.history.intro')}</p>
      <button
        type="button"
        className="btn btn-outline-primary btn-sm mb-3"
        aria-expanded={shown}
        aria-controls="history-content"
        onClick={() => setShown(!shown)}
      >
        {shown ? t('households.history.hide') : t('households.history.show')}
      </button>
      <div id="history-content">
        {shown && (
          <AsyncContent query={history}>
            {(entries) =>
              entries.length === 0 ? (
                <p role="status">{t('households.history.empty')}</p>
              ) : (
                <DataTable caption={t('households.history.caption', { name })}>
                  <thead>
                    <tr>
                      <th scope="col">{t('households.history.changedAt')}</th>
                      <th scope="col">{t('households.history.changedBy')}</th>
                      <th scope="col">{t('households.history.field')}</th>
                      <th scope="col">{t('households.history.from')}</th>
                      <th scope="col">{t('households.history.to')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {entries.flatMap((entry) =>
                      entry.changes.map((change) => {
                        const words = changeInWords(change, { t, names, locale });
                        return (
                          <tr key={`${entry.changedAt}-${entry.changedBy}-${change.field}`}>
                            <td>{formatDateTime(entry.changedAt, locale)}</td>
                            <td>{entry.changedBy || t('households.history.unknownAuthor')}</td>
                            <th scope="row">{words.field}</th>
                            <td>{words.from}</td>
                            <td>{words.to}</td>
                          </tr>
                        );
                      }),
                    )}
                  </tbody>
                </DataTable>
              )
            }
          </AsyncContent>
        )}
      </div>
    </section>
  );
}
