import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type TSitePageDetail, ZSitePageSettingsSchema } from '../../../contracts/website.js';
import { useLocale } from '../../i18n/index.js';
import { EditorCard } from '../../ui/EditorCard.js';
import { Fact, Facts } from '../../ui/Facts.js';
import { FormActions } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { Loading } from '../../ui/Loading.js';
import { PlacementFields } from './PlacementFields.js';
import { useSettingsSave, useSitePages } from './website-api.js';
import { type PlacementValues, pageToPlacement, placementToInput } from './website-forms.js';

/** Where the page is: its address, category, the page above it and its menu place; changed by an editor. */
export function SettingsPanel({ page }: { page: TSitePageDetail }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const pages = useSitePages('page');
  const parent = pages.data?.find((p) => p.id === page.parentId);
  return (
    <section aria-labelledby="site-settings-heading" className="mb-5">
      <h2 id="site-settings-heading" className="h4">
        {t('website.settings.title')}
      </h2>
      <Facts>
        <Fact label={t('website.fields.slug')}>{page.slug}</Fact>
        <Fact label={t('website.fields.category')}>{t(`website.categories.${page.category}`)}</Fact>
        {page.kind === 'page' && (
          <>
            <Fact label={t('website.fields.parent')}>
              {page.parentId ? (parent?.title ?? '…') : t('website.fields.parentNone')}
            </Fact>
            <Fact label={t('website.fields.menuOrder')}>
              {page.menuOrder === null ? t('website.settings.notInMenu') : page.menuOrder}
            </Fact>
          </>
        )}
      </Facts>
      {editing && pages.isPending ? (
        <Loading />
      ) : editing ? (
        <EditorCard id="site-settings-edit" title={t('website.settings.edit')}>
          <SettingsForm page={page} onDone={() => setEditing(false)} />
        </EditorCard>
      ) : (
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setEditing(true)}>
          {t('website.settings.edit')}
        </button>
      )}
    </section>
  );
}

function SettingsForm({ page, onDone }: { page: TSitePageDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const save = useSettingsSave(page.id);
  const resolver = useMemo(
    () => contractResolver<PlacementValues>(ZSitePageSettingsSchema, (v) => placementToInput(v, page.kind)),
    [page.kind],
  );
  const form = useForm<PlacementValues>({ resolver, defaultValues: pageToPlacement(page) });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    try {
      await save.mutateAsync(placementToInput(values, page.kind));
      onDone();
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      {save.error && Object.keys(errors).length === 0 ? <ActionProblem error={save.error} /> : null}
      {page.state === 'published' && <p className="small">{t('website.settings.publishedNote')}</p>}
      <PlacementFields
        idPrefix="site-settings"
        kind={page.kind}
        pageId={page.id}
        field={(name) => form.register(name)}
        error={(name, hint) => fieldErrorText(t, errors[name], hint)}
      />
      <FormActions>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {t('common.save')}
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}
