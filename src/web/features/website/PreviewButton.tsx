import { useTranslation } from 'react-i18next';
import type { TSiteLanguage } from '../../../contracts/website.js';
import { useLocale } from '../../i18n/index.js';
import { formatDateTime } from '../../ui/format.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { usePreview } from './website-api.js';
import { useLanguageInSentence } from './website-words.js';

/**
 * "Preview": asks for a signed link (valid half an hour) to the page as the public would see it in
 * one language, and opens it in a new tab; the link stays here too, should the browser block the tab.
 */
export function PreviewButton({
  pageId,
  lang,
  disabled,
}: {
  pageId: string;
  lang: TSiteLanguage;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const preview = usePreview(pageId);
  const language = useLanguageInSentence()(lang);
  const open = () =>
    preview.mutate(lang, {
      onSuccess: (link) => {
        window.open(link.url, '_blank', 'noopener,noreferrer');
      },
    });
  return (
    <>
      <button
        type="button"
        className="btn btn-outline-primary"
        onClick={open}
        disabled={disabled || preview.isPending}
      >
        {t('website.preview.open')}
        <span className="visually-hidden"> {t('website.preview.openNamed', { language })}</span>
      </button>
      {preview.data && (
        <p className="small w-100 mb-0" role="status">
          {t('website.preview.ready', { at: formatDateTime(preview.data.expiresAt, locale) })}{' '}
          <a href={preview.data.url} target="_blank" rel="noopener noreferrer">
            {t('website.preview.link', { language })}
            <span className="visually-hidden"> {t('website.preview.newTab')}</span>
          </a>
        </p>
      )}
      {preview.error ? <ActionProblem error={preview.error} className="w-100 mt-2" /> : null}
    </>
  );
}
