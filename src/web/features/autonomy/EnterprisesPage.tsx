import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TInitiative } from '../../../contracts/autonomy.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { EditorCard } from '../../ui/EditorCard.js';
import { formatDay } from '../../ui/format.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { useEmployers, useInitiatives } from './autonomy-catalogue-api.js';
import { useCatalogueWords } from './catalogue-words.js';
import { EmployerForm, InitiativeForm } from './EnterpriseForms.js';

/**
 * The social enterprises the project creates or strengthens (issue 20, item 3): each one's stage
 * and when it got there, the partner behind it, the jobs it created and how many the project's
 * adults fill (a count, never who); and the employers of the registry placements go to.
 */
export function EnterprisesPage() {
  const { t } = useTranslation();
  const [notice, setNotice] = useState('');
  return (
    <>
      <PageHeading title={t('autonomyCatalogue.enterprises.title')}>
        <p className="mb-2">{t('autonomyCatalogue.enterprises.intro')}</p>
      </PageHeading>
      <p role="status" className={notice ? 'fw-semibold' : 'visually-hidden'}>
        {notice}
      </p>
      <InitiativesSection onSaved={setNotice} />
      <EmployersSection onSaved={setNotice} />
    </>
  );
}

function useEnterpriseOptions() {
  const employers = useEmployers();
  const words = useCatalogueWords();
  return (employers.data?.items ?? []).map((e) => ({
    value: e.id,
    label: `${e.name} (${words.word('employerKind', e.kind)}, ${e.municipalityName})`,
  }));
}

function InitiativesSection({ onSaved }: { onSaved: (text: string) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const words = useCatalogueWords();
  const initiatives = useInitiatives();
  const enterprises = useEnterpriseOptions();
  const [editing, setEditing] = useState<TInitiative | 'new' | null>(null);
  const done = (saved: boolean) => {
    setEditing(null);
    if (saved) onSaved(t('autonomyCatalogue.enterprises.saved'));
  };
  const items = initiatives.data?.items ?? [];
  const editable = items.some((i) => i.canEdit);

  return (
    <section aria-labelledby="initiatives-heading" className="mb-5">
      <div className="d-flex flex-wrap justify-content-between align-items-center gap-2 mb-3">
        <h2 id="initiatives-heading" className="h4 mb-0">
          {t('autonomyCatalogue.enterprises.initiativesTitle')}
        </h2>
        {initiatives.data?.canCreate && editing === null && (
          <button
            type="button"
            className="btn btn-primary btn-sm"
            onClick={() => {
              onSaved('');
              setEditing('new');
            }}
          >
            {t('autonomyCatalogue.enterprises.add')}
          </button>
        )}
      </div>
      {editing && (
        <EditorCard
          id="initiative-editor"
          title={
            editing === 'new'
              ? t('autonomyCatalogue.enterprises.add')
              : t('autonomyCatalogue.enterprises.editTitle', { name: editing.name })
          }
        >
          <InitiativeForm
            key={editing === 'new' ? 'new' : editing.id}
            current={editing === 'new' ? undefined : editing}
            enterprises={enterprises}
            onDone={done}
          />
        </EditorCard>
      )}
      <AsyncContent query={initiatives}>
        {(list) =>
          list.items.length === 0 ? (
            <p>{t('autonomyCatalogue.enterprises.none')}</p>
          ) : (
            <DataTable caption={t('autonomyCatalogue.enterprises.caption', { count: list.items.length })}>
              <thead>
                <tr>
                  <th scope="col">{t('autonomyCatalogue.initiative.name')}</th>
                  <th scope="col">{t('autonomyCatalogue.initiative.partner')}</th>
                  <th scope="col">{t('autonomyCatalogue.initiative.stage')}</th>
                  <th scope="col">{t('autonomyCatalogue.initiative.jobsCreated')}</th>
                  <th scope="col">{t('autonomyCatalogue.initiative.jobsFilled')}</th>
                  {editable && <th scope="col">{t('common.actions')}</th>}
                </tr>
              </thead>
              <tbody>
                {list.items.map((i) => (
                  <tr key={i.id}>
                    <th scope="row">
                      {i.name}
                      {i.holder && i.holder.name !== i.name && (
                        <small className="d-block">{i.holder.name}</small>
                      )}
                      {i.description && <small className="d-block text-muted">{i.description}</small>}
                    </th>
                    <td>{i.partner.name}</td>
                    <td>
                      <span className="fw-semibold">{words.stage(i.stage)}</span>
                      <ol className="list-unstyled small mb-0">
                        {i.stages.map((s) => (
                          <li key={`${s.stage}-${s.changedOn}`}>
                            {t('autonomyCatalogue.initiative.stageOn', {
                              stage: words.stage(s.stage),
                              date: formatDay(s.changedOn, locale),
                            })}
                          </li>
                        ))}
                      </ol>
                    </td>
                    <td>{i.jobsCreated}</td>
                    <td>{i.jobsFilled}</td>
                    {editable && (
                      <td>
                        {i.canEdit && (
                          <button
                            type="button"
                            className="btn btn-outline-primary btn-xs"
                            aria-label={t('autonomyCatalogue.enterprises.changeNamed', { name: i.name })}
                            onClick={() => {
                              onSaved('');
                              setEditing(i);
                            }}
                          >
                            {t('autonomyCatalogue.enterprises.change')}
                          </button>
                        )}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </DataTable>
          )
        }
      </AsyncContent>
    </section>
  );
}

function EmployersSection({ onSaved }: { onSaved: (text: string) => void }) {
  const { t } = useTranslation();
  const words = useCatalogueWords();
  const employers = useEmployers();
  const [adding, setAdding] = useState(false);

  return (
    <section aria-labelledby="employers-heading">
      <div className="d-flex flex-wrap justify-content-between align-items-center gap-2 mb-3">
        <h2 id="employers-heading" className="h4 mb-0">
          {t('autonomyCatalogue.employers.title')}
        </h2>
        {employers.data?.canCreate && !adding && (
          <button
            type="button"
            className="btn btn-primary btn-sm"
            onClick={() => {
              onSaved('');
              setAdding(true);
            }}
          >
            {t('autonomyCatalogue.employers.add')}
          </button>
        )}
      </div>
      <p>{t('autonomyCatalogue.employers.intro')}</p>
      {adding && (
        <EditorCard id="employer-editor" title={t('autonomyCatalogue.employers.add')}>
          <EmployerForm
            onDone={(saved) => {
              setAdding(false);
              if (saved) onSaved(t('autonomyCatalogue.employers.saved'));
            }}
          />
        </EditorCard>
      )}
      <AsyncContent query={employers}>
        {(list) =>
          list.items.length === 0 ? (
            <p>{t('autonomyCatalogue.employers.none')}</p>
          ) : (
            <DataTable caption={t('autonomyCatalogue.employers.caption', { count: list.items.length })}>
              <thead>
                <tr>
                  <th scope="col">{t('autonomyCatalogue.employer.name')}</th>
                  <th scope="col">{t('autonomyCatalogue.employer.kind')}</th>
                  <th scope="col">{t('autonomyCatalogue.employer.municipality')}</th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((e) => (
                  <tr key={e.id}>
                    <th scope="row">{e.name}</th>
                    <td>{words.word('employerKind', e.kind)}</td>
                    <td>{e.municipalityName}</td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          )
        }
      </AsyncContent>
    </section>
  );
}
