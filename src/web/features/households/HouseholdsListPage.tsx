import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZHouseholdListQuerySchema } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { useCan } from '../../session/session.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { TextField } from '../../ui/fields.js';
import { formatDateTime } from '../../ui/format.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { Pager } from '../../ui/Pager.js';
import { useHouseholds } from './households-api.js';
import { useReferenceOptions } from './reference-options.js';

/**
 * The households of the acting service, by code. Names appear only for a search: the members it
 * found, so the operator can tell which household is the one sought (each search is audited).
 */
export function HouseholdsListPage({
  q,
  page,
  onChange,
}: {
  q: string;
  page: number;
  onChange: (next: { q: string; page: number }) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const canWrite = useCan()('households.write');
  const households = useHouseholds(q, page);
  const { municipalityName } = useReferenceOptions();
  const [draft, setDraft] = useState(q);
  const searching = q !== '';

  function search(event: FormEvent) {
    event.preventDefault();
    onChange({ q: draft.trim(), page: 1 });
  }

  return (
    <>
      <PageHeading title={t('households.list.title')}>
        <p className="mb-2">{t('households.list.intro')}</p>
        {canWrite && (
          <Link to="/households/new" className="btn btn-primary btn-sm me-2">
            {t('households.list.new')}
          </Link>
        )}
        {canWrite && (
          <Link to="/households/duplicates" className="btn btn-outline-primary btn-sm">
            {t('personMerges.page.link')}
          </Link>
        )}
      </PageHeading>
      <form onSubmit={search} className="d-flex flex-wrap align-items-end gap-3 mb-3">
        <TextField
          id="households-search"
          type="search"
          label={t('households.list.search')}
          hint={t('households.list.searchHint')}
          value={draft}
          maxLength={maxLengthOf(ZHouseholdListQuerySchema.shape.q)}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => setDraft(e.target.value)}
          className="flex-grow-1 mb-0"
        />
        <button type="submit" className="btn btn-outline-primary mb-4">
          {t('households.list.searchSubmit')}
        </button>
      </form>
      <AsyncContent query={households}>
        {(result) =>
          result.items.length === 0 ? (
            <p role="status">{t('households.list.empty')}</p>
          ) : (
            <>
              <DataTable
                className="table-hover"
                caption={t('households.list.caption', { count: result.total })}
              >
                <thead>
                  <tr>
                    <th scope="col">{t('households.fields.code')}</th>
                    {searching && <th scope="col">{t('households.list.matches')}</th>}
                    <th scope="col">{t('households.fields.municipality')}</th>
                    <th scope="col">{t('households.fields.memberCount')}</th>
                    <th scope="col">{t('households.fields.createdAt')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.items.map((household) => (
                    <tr key={household.id}>
                      <th scope="row">
                        <Link
                          to="/households/$householdId"
                          params={{ householdId: household.id }}
                          className="font-monospace"
                        >
                          {household.code}
                        </Link>
                      </th>
                      {searching && (
                        <td>
                          {household.matches.length === 0 ? (
                            '—'
                          ) : (
                            <ul className="list-unstyled mb-0">
                              {household.matches.map((m, i) => (
                                // Two members may share a name and a birth year: the position tells them apart.
                                // biome-ignore lint/suspicious/noArrayIndexKey: the list is the server's, in its order
                                <li key={i}>
                                  {m.birthYear === null
                                    ? `${m.givenName} ${m.familyName}`
                                    : t('households.list.match', {
                                        name: `${m.givenName} ${m.familyName}`,
                                        year: m.birthYear,
                                      })}
                                </li>
                              ))}
                            </ul>
                          )}
                        </td>
                      )}
                      <td>{municipalityName(household.municipality)}</td>
                      <td>{household.memberCount}</td>
                      <td>{formatDateTime(household.createdAt, locale)}</td>
                    </tr>
                  ))}
                </tbody>
              </DataTable>
              <Pager
                label={t('households.list.pagerLabel')}
                page={result.page}
                pageSize={result.pageSize || 25}
                total={result.total}
                onPage={(next) => onChange({ q, page: next })}
              />
            </>
          )
        }
      </AsyncContent>
    </>
  );
}
