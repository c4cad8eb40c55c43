import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

/**
 * The same words for "does not exist" and "not yours to see": the server answers 404 for both and the
 * interface must not tell them apart either.
 */
export function NotFoundNotice() {
  const { t } = useTranslation();
  return (
    <div className="callout note my-4">
      <div className="callout-title">{t('notFound.noticeTitle')}</div>
      <p className="mb-2">{t('notFound.detail')}</p>
      <Link to="/">{t('notFound.home')}</Link>
    </div>
  );
}
