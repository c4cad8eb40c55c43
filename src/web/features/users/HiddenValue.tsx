import { useTranslation } from 'react-i18next';

/** Identifying fields arrive as null when the viewer's role may not see them: say so, do not guess. */
export function HiddenValue({ value }: { value: string | null }) {
  const { t } = useTranslation();
  if (value !== null) return <>{value || '—'}</>;
  return <span className="fst-italic">{t('users.hidden')}</span>;
}
