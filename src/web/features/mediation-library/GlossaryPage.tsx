import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  GLOSSARY_DOMAINS,
  type TGlossaryQuery,
  type TGlossaryTerm,
  ZGlossaryQuerySchema,
} from '../../../contracts/mediation-library.js';
import { useCan } from '../../session/session.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { EditorCard } from '../../ui/EditorCard.js';
import { SelectField, TextField } from '../../ui/fields.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { GlossaryTermForm } from './GlossaryTermForm.js';
import { useGlossary, useGlossaryTerm, useGlossaryTermSave } from './library-api.js';
import { termToValues } from './library-forms.js';
import { directionOf, useLanguageNames } from './library-words.js';

const RESULTS = 'glossary-results';

/**
 * The glossary: search a word in Italian or in any language (accents and case aside), narrow by
 * language and field; each term with its translations in their own script and direction, and the
 * notes. Mediators and the mediation coordinator add and correct terms.
 */
export function GlossaryPage({
  query,
  onSearch,
}: {
  query: TGlossaryQuery;
  onSearch: (next: TGlossaryQuery) => void;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const languages = useLanguageNames();
  const results = useGlossary(query);
  const [q, setQ] = useState(query.q ?? '');
  const [language, setLanguage] = useState(query.language ?? '');
  const [domain, setDomain] = useState<string>(query.domain ?? '');
  const [creating, setCreating] = useState(false);
  const create = useGlossaryTermSave(null);

  function search(event: FormEvent) {
    event.preventDefault();
    const next: TGlossaryQuery = {};
    if (q.trim()) next.q = q.trim();
    if (language) next.language = language;
    const field = GLOSSARY_DOMAINS.find((d) => d === domain);
    if (field) next.domain = field;
    onSearch(next);
  }

  return (
    <>
      <PageHeading title={t('mediationLibrary.glossary.title')}>
        <p className="mb-2">{t('mediationLibrary.glossary.intro')}</p>
        <Link to="/mediation/library">{t('mediationLibrary.glossary.libraryLink')}</Link>
      </PageHeading>
      <form
        onSubmit={search}
        className="d-flex flex-wrap align-items-end gap-3 mb-3"
        aria-label={t('mediationLibrary.glossary.searchLabel')}
      >
        <TextField
          id="glossary-q"
          type="search"
          label={t('mediationLibrary.glossary.q')}
          hint={t('mediationLibrary.glossary.qHint')}
          maxLength={maxLengthOf(ZGlossaryQuerySchema.shape.q)}
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        <SelectField
          id="glossary-language"
          label={t('mediationLibrary.glossary.languageFilter')}
          placeholder={t('mediationLibrary.glossary.allLanguages')}
          options={languages.options}
          value={language}
          onChange={(e) => setLanguage(e.target.value)}
        />
        <SelectField
          id="glossary-domain"
          label={t('mediationLibrary.glossary.domain')}
          placeholder={t('mediationLibrary.glossary.allDomains')}
          options={GLOSSARY_DOMAINS.map((d) => ({ value: d, label: t(`mediationLibrary.domains.${d}`) }))}
          value={domain}
          onChange={(e) => setDomain(e.target.value)}
        />
        <button type="submit" className="btn btn-primary mb-4">
          {t('mediationLibrary.glossary.search')}
        </button>
      </form>
      {can('mediation.library.write') &&
        (creating ? (
          <EditorCard id="term-new" title={t('mediationLibrary.glossary.new')}>
            <GlossaryTermForm
              idPrefix="term-new"
              defaultValues={termToValues()}
              submitLabel={t('mediationLibrary.glossary.create')}
              error={create.error}
              onSubmit={async (body) => {
                await create.mutateAsync(body);
                setCreating(false);
              }}
              onCancel={() => setCreating(false)}
            />
          </EditorCard>
        ) : (
          <p>
            <button type="button" className="btn btn-outline-primary" onClick={() => setCreating(true)}>
              {t('mediationLibrary.glossary.new')}
            </button>
          </p>
        ))}
      <h2 id={RESULTS} className="visually-hidden">
        {t('mediationLibrary.glossary.results')}
      </h2>
      <AsyncContent query={results}>
        {(terms) => (
          <>
            <p role="status">{t('mediationLibrary.glossary.found', { count: terms.length })}</p>
            <ul className="list-unstyled" aria-labelledby={RESULTS}>
              {terms.map((term) => (
                <li key={term.id}>
                  <TermCard term={term} />
                </li>
              ))}
            </ul>
          </>
        )}
      </AsyncContent>
    </>
  );
}

function TermCard({ term }: { term: TGlossaryTerm }) {
  const { t } = useTranslation();
  const can = useCan();
  const languages = useLanguageNames();
  const [editing, setEditing] = useState(false);
  const headingId = `term-${term.id}`;
  return (
    <article className="card shadow-sm p-3 mb-3" aria-labelledby={headingId}>
      <h3 id={headingId} className="h5 mb-1" lang="it">
        {term.term}
      </h3>
      <p className="small mb-2">{t(`mediationLibrary.domains.${term.domain}`)}</p>
      {term.definition && <p>{term.definition}</p>}
      {term.translations.length === 0 ? (
        <p className="small">{t('mediationLibrary.glossary.noTranslations')}</p>
      ) : (
        <dl className="row mb-0">
          {term.translations.map((tr) => (
            <div key={tr.language} className="col-12 d-sm-flex mb-2">
              <dt className="me-3">{languages.nameOf(tr.language)}</dt>
              <dd className="mb-0">
                <span lang={tr.language} dir={directionOf(tr.rtl)} className="fs-5">
                  {tr.translation}
                </span>
                {tr.note && <span className="d-block small">{tr.note}</span>}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {can('mediation.library.write') &&
        (editing ? (
          <TermEditor id={term.id} onDone={() => setEditing(false)} />
        ) : (
          <p className="mt-2 mb-0">
            <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setEditing(true)}>
              {t('common.editNamed', { name: term.term })}
            </button>
          </p>
        ))}
    </article>
  );
}

/** The whole term (a search by language carries only that translation), then its form. */
function TermEditor({ id, onDone }: { id: string; onDone: () => void }) {
  const { t } = useTranslation();
  const term = useGlossaryTerm(id);
  const save = useGlossaryTermSave(id);
  return (
    <EditorCard id={`term-edit-${id}`} title={t('mediationLibrary.glossary.edit')}>
      <AsyncContent query={term}>
        {(data) => (
          <GlossaryTermForm
            idPrefix={`term-${id}`}
            defaultValues={termToValues(data)}
            submitLabel={t('common.save')}
            error={save.error}
            onSubmit={async (body) => {
              await save.mutateAsync(body);
              onDone();
            }}
            onCancel={onDone}
          />
        )}
      </AsyncContent>
    </EditorCard>
  );
}
