import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../session/session.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { EditorCard } from '../../ui/EditorCard.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { useMaterialSave, useMaterials } from './library-api.js';
import { materialToValues } from './library-forms.js';
import { useLanguageNames } from './library-words.js';
import { MaterialForm } from './MaterialForm.js';

/** The library: every material with the languages it is in use in (and, for writers, in review). */
export function LibraryPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const materials = useMaterials();
  const languages = useLanguageNames();
  const create = useMaterialSave(null);
  const [creating, setCreating] = useState(false);
  const writer = can('mediation.library.write');

  return (
    <>
      <PageHeading title={t('mediationLibrary.library.title')}>
        <p className="mb-2">{t('mediationLibrary.library.intro')}</p>
        <Link to="/mediation/glossary">{t('mediationLibrary.library.glossaryLink')}</Link>
      </PageHeading>
      {can('mediation.coordinate') &&
        (creating ? (
          <EditorCard id="material-new" title={t('mediationLibrary.library.new')}>
            <MaterialForm
              defaultValues={materialToValues()}
              submitLabel={t('mediationLibrary.library.create')}
              error={create.error}
              onSubmit={async (body) => {
                const material = await create.mutateAsync(body);
                await navigate({ to: '/mediation/library/$materialId', params: { materialId: material.id } });
              }}
              onCancel={() => setCreating(false)}
            />
          </EditorCard>
        ) : (
          <p>
            <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
              {t('mediationLibrary.library.new')}
            </button>
          </p>
        ))}
      <AsyncContent query={materials}>
        {(items) =>
          items.length === 0 ? (
            <p>{t('mediationLibrary.library.empty')}</p>
          ) : (
            <DataTable
              className="table-hover"
              caption={t('mediationLibrary.library.caption', { count: items.length })}
            >
              <thead>
                <tr>
                  <th scope="col">{t('mediationLibrary.material.title')}</th>
                  <th scope="col">{t('mediationLibrary.material.kind')}</th>
                  <th scope="col">{t('mediationLibrary.library.inUse')}</th>
                  {writer && <th scope="col">{t('mediationLibrary.library.inReview')}</th>}
                </tr>
              </thead>
              <tbody>
                {items.map((material) => (
                  <tr key={material.id}>
                    <th scope="row">
                      <Link to="/mediation/library/$materialId" params={{ materialId: material.id }}>
                        {material.title}
                      </Link>
                    </th>
                    <td>{t(`mediationLibrary.kinds.${material.kind}`)}</td>
                    <td>{languages.listOf(material.approvedLanguages)}</td>
                    {writer && <td>{languages.listOf(material.reviewLanguages)}</td>}
                  </tr>
                ))}
              </tbody>
            </DataTable>
          )
        }
      </AsyncContent>
    </>
  );
}
