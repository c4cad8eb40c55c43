import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TMaterial, TMaterialVersion } from '../../../contracts/mediation-library.js';
import { useLocale } from '../../i18n/index.js';
import { useCan } from '../../session/session.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { EditorCard } from '../../ui/EditorCard.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { useMaterial, useMaterialSave, useVersionCreate } from './library-api.js';
import { materialToValues, versionToInput } from './library-forms.js';
import { useLanguageNames } from './library-words.js';
import { MaterialForm } from './MaterialForm.js';
import { VersionCard } from './VersionCard.js';
import { VersionForm } from './VersionForm.js';

/** One material: its versions by language, and for those allowed a new version, edits and review. */
export function MaterialPage({ materialId }: { materialId: string }) {
  const { t } = useTranslation();
  const material = useMaterial(materialId);
  return (
    <>
      <p>
        <Link to="/mediation/library">{t('mediationLibrary.material.back')}</Link>
      </p>
      <AsyncContent
        query={material}
        notFound={<PageHeading title={t('mediationLibrary.material.notFound')} />}
      >
        {(data) => <MaterialView material={data} />}
      </AsyncContent>
    </>
  );
}

type Editor = 'none' | 'material' | 'version';

function MaterialView({ material }: { material: TMaterial }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const can = useCan();
  const languages = useLanguageNames();
  const [editor, setEditor] = useState<Editor>('none');
  const save = useMaterialSave(material.id);
  const create = useVersionCreate(material.id);

  // Versions by language, the languages by name, each language's versions newest first.
  const byLanguage = new Map<string, TMaterialVersion[]>();
  for (const v of material.versions) byLanguage.set(v.language, [...(byLanguage.get(v.language) ?? []), v]);
  const groups = [...byLanguage.entries()]
    .map(([code, versions]) => ({
      code,
      name: languages.nameOf(code),
      versions: versions.sort((a, b) => b.version - a.version),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));

  return (
    <>
      <PageHeading title={material.title}>
        <p className="mb-1">{t(`mediationLibrary.kinds.${material.kind}`)}</p>
        {material.summary && <p className="mb-2">{material.summary}</p>}
        <p className="mb-0">
          {material.approvedLanguages.length === 0
            ? t('mediationLibrary.material.noneInUse')
            : t('mediationLibrary.material.inUse', {
                languages: languages.listOf(material.approvedLanguages),
              })}
        </p>
      </PageHeading>
      {editor === 'none' && (
        <div className="d-flex flex-wrap gap-2 mb-4">
          {can('mediation.library.write') && (
            <button type="button" className="btn btn-primary" onClick={() => setEditor('version')}>
              {t('mediationLibrary.version.new')}
            </button>
          )}
          {can('mediation.coordinate') && (
            <button type="button" className="btn btn-outline-primary" onClick={() => setEditor('material')}>
              {t('mediationLibrary.material.edit')}
            </button>
          )}
        </div>
      )}
      {editor === 'material' && (
        <EditorCard id="material-edit" title={t('mediationLibrary.material.edit')}>
          <MaterialForm
            defaultValues={materialToValues(material)}
            submitLabel={t('common.save')}
            error={save.error}
            onSubmit={async (body) => {
              await save.mutateAsync(body);
              setEditor('none');
            }}
            onCancel={() => setEditor('none')}
          />
        </EditorCard>
      )}
      {editor === 'version' && (
        <EditorCard id="version-new" title={t('mediationLibrary.version.new')}>
          <p className="small">{t('mediationLibrary.version.newIntro')}</p>
          <VersionForm
            defaultValues={{ language: '', title: '', body: '' }}
            languageFixed={false}
            submitLabel={t('mediationLibrary.version.create')}
            error={create.error}
            onSubmit={async (values) => {
              await create.mutateAsync(versionToInput(values));
              setEditor('none');
            }}
            onCancel={() => setEditor('none')}
          />
        </EditorCard>
      )}
      {groups.length === 0 ? (
        <p>{t('mediationLibrary.material.noVersions')}</p>
      ) : (
        groups.map((group) => (
          <section key={group.code} aria-labelledby={`language-${group.code}`} className="mb-4">
            <h2 id={`language-${group.code}`} className="h4">
              {group.name.charAt(0).toLocaleUpperCase(locale) + group.name.slice(1)}
            </h2>
            {group.versions.map((version) => (
              <VersionCard
                key={version.id}
                materialId={material.id}
                version={version}
                languageName={group.name}
              />
            ))}
          </section>
        ))
      )}
    </>
  );
}
