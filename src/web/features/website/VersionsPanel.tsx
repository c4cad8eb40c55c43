import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TSiteLanguage, TSiteVersion } from '../../../contracts/website.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { SelectField } from '../../ui/fields.js';
import { formatDateTime } from '../../ui/format.js';
import { DiffView } from './DiffView.js';
import { useDiff, useVersions } from './website-api.js';
import { textAttrs, useLanguageInSentence } from './website-words.js';

/** Every version of one language, newest first, and what changed between two of them. */
export function VersionsPanel({ pageId, lang }: { pageId: string; lang: TSiteLanguage }) {
  const { t } = useTranslation();
  const versions = useVersions(pageId, lang);
  const language = useLanguageInSentence()(lang);
  return (
    <section aria-labelledby="site-versions-heading" className="mb-5">
      <h2 id="site-versions-heading" className="h4">
        {t('website.versions.title', { language })}
      </h2>
      <AsyncContent query={versions}>
        {(items) =>
          items.length === 0 ? (
            <p>{t('website.versions.empty')}</p>
          ) : (
            <>
              <VersionsTable items={items} lang={lang} />
              {items.length > 1 && (
                <Compare key={items[0]!.number} pageId={pageId} lang={lang} items={items} />
              )}
            </>
          )
        }
      </AsyncContent>
    </section>
  );
}

function VersionsTable({ items, lang }: { items: TSiteVersion[]; lang: TSiteLanguage }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <DataTable caption={t('website.versions.caption', { count: items.length })}>
      <thead>
        <tr>
          <th scope="col">{t('website.versions.number')}</th>
          <th scope="col">{t('website.versions.titleColumn')}</th>
          <th scope="col">{t('website.versions.author')}</th>
          <th scope="col">{t('website.versions.createdAt')}</th>
          {lang !== 'it' && <th scope="col">{t('website.versions.basedOn')}</th>}
        </tr>
      </thead>
      <tbody>
        {items.map((v) => (
          <tr key={v.number}>
            <th scope="row">{t('website.versions.numbered', { number: v.number })}</th>
            <td {...textAttrs(lang)}>{v.title}</td>
            <td>{v.author}</td>
            <td className="text-nowrap">{formatDateTime(v.createdAt, locale)}</td>
            {lang !== 'it' && (
              <td>{v.basedOn === null ? '—' : t('website.versions.basedOnValue', { number: v.basedOn })}</td>
            )}
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

/** Two versions chosen (the one before the latest and the latest, to start with), and their differences. */
function Compare({ pageId, lang, items }: { pageId: string; lang: TSiteLanguage; items: TSiteVersion[] }) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(items[1]!.number);
  const [to, setTo] = useState(items[0]!.number);
  const diff = useDiff(pageId, lang, from, to);
  const options = items.map((v) => ({
    value: String(v.number),
    label: t('website.versions.numbered', { number: v.number }),
  }));
  return (
    <div className="card shadow-sm p-3 p-md-4 mt-3">
      <h3 className="h5">{t('website.diff.title')}</h3>
      <div className="row">
        <div className="col-sm-6">
          <SelectField
            id={`site-diff-${lang}-from`}
            label={t('website.diff.from')}
            options={options}
            value={String(from)}
            onChange={(e) => setFrom(Number(e.target.value))}
          />
        </div>
        <div className="col-sm-6">
          <SelectField
            id={`site-diff-${lang}-to`}
            label={t('website.diff.to')}
            options={options}
            value={String(to)}
            onChange={(e) => setTo(Number(e.target.value))}
          />
        </div>
      </div>
      {from === to ? (
        <p className="mb-0">{t('website.diff.same')}</p>
      ) : (
        <AsyncContent query={diff}>{(data) => <DiffView diff={data} lang={lang} />}</AsyncContent>
      )}
    </div>
  );
}
