import { Alert } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/problem.js';
import { useLocale } from '../i18n/index.js';

/** Shows a failed request in the user's language: the server's problem text, or a generic one. */
export function ProblemAlert({ error, className }: { error: unknown; className?: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!error) return null;
  let title = t('errors.generic.title');
  let detail: string | undefined = t('errors.generic.detail');
  if (isApiError(error)) {
    const localized = error.localized(locale);
    if (error.isLocked) {
      title = localized?.title ?? t('errors.locked.title');
      detail = localized?.detail ?? t('errors.locked.detail');
    } else if (localized) {
      title = localized.title;
      detail = localized.detail;
    } else if (error.status === 0) {
      title = t('errors.network.title');
      detail = t('errors.network.detail');
    }
  }
  return (
    <Alert color="danger" className={className} role="alert">
      <strong className="d-block">{title}</strong>
      {detail && <span>{detail}</span>}
    </Alert>
  );
}
