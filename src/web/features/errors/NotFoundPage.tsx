import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../ui/PageHeading.js';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <section>
      <PageHeading title={t('notFound.title')} />
      <p>{t('notFound.detail')}</p>
      <Link to="/" className="btn btn-primary">
        {t('notFound.home')}
      </Link>
    </section>
  );
}
