import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type TSiteLanguage, ZSiteTranslationInputSchema } from '../../../contracts/website.js';
import { TextAreaField, TextField } from '../../ui/fields.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import type { TextValues } from './website-forms.js';
import { textAttrs } from './website-words.js';

const shape = ZSiteTranslationInputSchema.shape;
const TITLE_MAX = maxLengthOf(shape.title);
const SUMMARY_MAX = maxLengthOf(shape.summary);
const BODY_MAX = maxLengthOf(shape.body);
const SHARE_MAX = maxLengthOf(shape.share);

/**
 * A text's title, summary, body (simple HTML, the kept tags in the hint) and the text shared with its
 * link, in its language: Arabic and Urdu are typed right to left.
 */
export function TextFields({
  idPrefix,
  lang,
  field,
  error,
}: {
  idPrefix: string;
  lang: TSiteLanguage;
  field: (name: keyof TextValues) => UseFormRegisterReturn;
  error: (name: keyof TextValues) => string | undefined;
}) {
  const { t } = useTranslation();
  const language = textAttrs(lang);
  return (
    <>
      <TextField
        id={`${idPrefix}-title`}
        label={t('website.fields.title')}
        required
        maxLength={TITLE_MAX}
        error={error('title')}
        {...language}
        {...field('title')}
      />
      <TextAreaField
        id={`${idPrefix}-summary`}
        label={t('website.fields.summary')}
        hint={t('website.fields.summaryHint')}
        rows={2}
        maxLength={SUMMARY_MAX}
        error={error('summary')}
        {...language}
        {...field('summary')}
      />
      <TextAreaField
        id={`${idPrefix}-body`}
        label={t('website.fields.body')}
        hint={t('website.fields.bodyHint')}
        rows={14}
        spellCheck
        maxLength={BODY_MAX}
        error={error('body')}
        {...language}
        {...field('body')}
      />
      <TextAreaField
        id={`${idPrefix}-share`}
        label={t('website.fields.share')}
        hint={t('website.fields.shareHint')}
        rows={3}
        maxLength={SHARE_MAX}
        error={error('share')}
        {...language}
        {...field('share')}
      />
    </>
  );
}
