import { useTranslation } from 'react-i18next';

export function Footer() {
  const { t } = useTranslation();
  return (
    <footer className="it-footer mt-5">
      <div className="it-footer-main py-4">
        <div className="container-xxl">
          <p className="mb-1 fw-semibold">{t('app.name')}</p>
          <p className="mb-0 small">{t('shell.footer')}</p>
        </div>
      </div>
    </footer>
  );
}
