import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SITE_CATEGORIES, ZSitePageInputSchema } from '../../../contracts/website.js';
import { SelectField, TextField } from '../../ui/fields.js';
import { maxLengthOf, rangeOf } from '../../ui/forms/limits.js';
import { useSitePages } from './website-api.js';
import type { PlacementValues } from './website-forms.js';

const shape = ZSitePageInputSchema.shape;
const SLUG_MAX = maxLengthOf(shape.slug);
const MENU_RANGE = rangeOf(shape.menuOrder);

/**
 * Where a page goes: its address, its category, and (pages only: news, chapters of the video
 * manual and conferences have neither) the page above it in the tree and its place in the main
 * menu. Shared by the new page and the settings.
 */
export function PlacementFields({
  idPrefix,
  kind,
  pageId,
  field,
  error,
}: {
  idPrefix: string;
  kind: string;
  /** The page being edited, which cannot be its own parent. */
  pageId?: string;
  field: (name: keyof PlacementValues) => UseFormRegisterReturn;
  error: (name: keyof PlacementValues, hint?: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const pages = useSitePages('page');
  const parents = (pages.data ?? [])
    .filter((p) => p.id !== pageId)
    .map((p) => ({ value: p.id, label: p.title }));
  const slugHint = t(
    kind === 'news'
      ? 'website.fields.slugHintNews'
      : kind === 'video'
        ? 'website.fields.slugHintVideo'
        : kind === 'conference'
          ? 'website.fields.slugHintConference'
          : 'website.fields.slugHint',
  );
  return (
    <>
      <TextField
        id={`${idPrefix}-slug`}
        label={t('website.fields.slug')}
        hint={slugHint}
        required
        autoComplete="off"
        spellCheck={false}
        maxLength={SLUG_MAX}
        error={error('slug', slugHint)}
        {...field('slug')}
      />
      <SelectField
        id={`${idPrefix}-category`}
        label={t('website.fields.category')}
        hint={t('website.fields.categoryHint')}
        required
        options={SITE_CATEGORIES.map((c) => ({ value: c, label: t(`website.categories.${c}`) }))}
        error={error('category')}
        {...field('category')}
      />
      {kind === 'page' && (
        <>
          <SelectField
            id={`${idPrefix}-parent`}
            label={t('website.fields.parent')}
            hint={t('website.fields.parentHint')}
            placeholder={t('website.fields.parentNone')}
            options={parents}
            error={error('parentId')}
            {...field('parentId')}
          />
          <TextField
            id={`${idPrefix}-menu-order`}
            type="number"
            inputMode="numeric"
            label={t('website.fields.menuOrder')}
            hint={t('website.fields.menuOrderHint')}
            {...MENU_RANGE}
            error={error('menuOrder', t('website.fields.menuOrderHint'))}
            {...field('menuOrder')}
          />
        </>
      )}
    </>
  );
}
